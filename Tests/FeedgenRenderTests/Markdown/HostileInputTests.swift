import FeedgenCore
import Testing

@testable import FeedgenRender

/// Inputs an outside contributor could send: scripts, handlers, dangerous URLs, control characters.
@Suite struct HostileInputTests {
    let path = "posts/_posts/2020-03-16-x.md"

    func warning(_ line: Int?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: FileLocation(path: path, line: line), message)
    }

    @Test func unsafeMarkupIsRemovedWithWarnings() throws {
        let markdown = """
            <script>alert(1)</script>

            Hi <img src="x.png" onerror="alert(1)"> [click](javascript:alert(1)) <a href="JaVa&#9;Script:alert(1)">t</a>

            <iframe src="https://www.youtube.com/embed/abc123?rel=0"></iframe>

            <iframe src="https://evil.org/"></iframe>

            <form action="/x"><input name=q></form>

            <p style="color:red" onclick="x()">Red</p>

            <img src="data:image/png;base64,AAAA" alt="d"> <a href="data:text/html,x">d</a> <a href="vbscript:x">v</a>

            <object data="x.swf"></object><embed src="x.swf"><style>p{}</style><meta http-equiv="refresh"><link rel=x><base href="/"> end
            """
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context(bodyLine: 5))
        let expected = """
            <p>Hi <img src="https://dair.ai/posts/x/x.png"> <a>click</a> <a>t</a></p>
            <p><a href="https://www.youtube.com/watch?v=abc123">\
            <img src="https://img.youtube.com/vi/abc123/hqdefault.jpg" alt="YouTube video abc123"></a></p>


            <p>Red</p>
            <p><img src="data:image/png;base64,AAAA" alt="d"> <a>d</a> <a>v</a></p>
            <p> end</p>
            """
        #expect(rendered.html == expected)
        #expect(
            rendered.diagnostics == [
                warning(5, "removed <script> element"),
                warning(7, "removed onerror attribute from <img>"),
                warning(7, "removed javascript: URL from <a href>"),
                warning(nil, "removed javascript: URL from <a href>"),
                warning(11, "removed <iframe> element"),
                warning(13, "removed <form> element"),
                warning(15, "removed onclick attribute from <p>"),
                warning(17, "removed data: URL from <a href>"),
                warning(17, "removed vbscript: URL from <a href>"),
                warning(19, "removed <object> element"),
                warning(19, "removed <embed> element"),
                warning(19, "removed <style> element"),
                warning(19, "removed <meta> element"),
                warning(19, "removed <link> element"),
                warning(19, "removed <base> element"),
            ])
    }

    @Test func controlCharactersAreStripped() throws {
        let rendered = try PostRenderer.render(
            markdown: "A\u{01}B C\u{FFFF}D\u{85}E\n\nF\u{0B}", context: Fixture.context())
        #expect(rendered.html == "<p>AB CDE</p>\n<p>F</p>")
        #expect(
            rendered.diagnostics == [
                warning(10, "removed character U+0001 (a control character XML 1.0 forbids)"),
                warning(10, "removed character U+FFFF (a noncharacter XML 1.0 forbids)"),
                warning(10, "removed character U+0085 (a control character XML 1.0 discourages)"),
                warning(12, "removed character U+000B (a control character XML 1.0 forbids)"),
            ])
    }

    @Test func placeholderCharactersInTheInputCannotForgeTokens() throws {
        let nonCharacter = { (value: UInt32) in String(Character(Unicode.Scalar(value)!)) }
        let markdown =
            "$$x$$ \(nonCharacter(0xFDD0))0\(nonCharacter(0xFDD1)) \(nonCharacter(0xFDD2))0\(nonCharacter(0xFDD3))"
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context())
        #expect(rendered.html == "<p>\\(x\\) 0 0</p>")
        #expect(rendered.diagnostics.count == 4)
    }

    @Test func cdataEndAndEntitiesStayText() throws {
        let markdown = "a ]]> b &amp; <![CDATA[x]]> &lt;script&gt; &#0; &#x1F600;"
        // HTML has no CDATA sections outside SVG/MathML: libxml2 reads it as text.
        #expect(try Fixture.html(markdown) == "<p>a ]]&gt; b &amp; &lt;![CDATA[x]]&gt; &lt;script&gt; \u{FFFD} 😀</p>")
    }

    @Test func svgAndNestedLinksAreDefused() throws {
        let markdown = "<svg onload=\"x()\"><script>1</script></svg><a href=\"/a\">out <a href=\"/b\">in</a></a>"
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context())
        #expect(rendered.html == "<p><a href=\"https://dair.ai/a\">out </a><a href=\"https://dair.ai/b\">in</a></p>")
        #expect(rendered.diagnostics == [warning(10, "removed <svg> element")])
    }

    @Test func oldRawTextAndLoadingMarkupIsRemoved() throws {
        let markdown = """
            <img src="a.png" lowsrc="javascript:alert(1)" dynsrc="javascript:alert(2)"> <a href="/x" ping="https://evil.example/">x</a>

            <isindex prompt="x" action="javascript:alert(1)">

            <plaintext>rest <b>of</b> the page
            """
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context(bodyLine: 5))
        #expect(
            rendered.html
                == """
                <p><img src="https://dair.ai/posts/x/a.png"> <a href="https://dair.ai/x">x</a></p>

                <p>rest <b>of</b> the page</p>
                """)
        #expect(
            rendered.diagnostics == [
                warning(5, "removed lowsrc attribute from <img>"),
                warning(5, "removed dynsrc attribute from <img>"),
                warning(5, "removed ping attribute from <a>"),
                warning(7, "removed <isindex> element"),
                warning(9, "removed <plaintext> tag, kept its content"),
            ])
    }

    /// `<xmp>` shows the rest of its element as text in a browser: unwrapped like `<plaintext>`.
    @Test func xmpIsUnwrapped() throws {
        let rendered = try PostRenderer.render(
            markdown: "<xmp><b>bold</b> text</xmp>\n", context: Fixture.context(bodyLine: 5))
        #expect(rendered.html == "<b>bold</b> text")
        #expect(rendered.diagnostics == [warning(5, "removed <xmp> tag, kept its content")])
    }

    @Test func deeplyNestedContentIsKeptFlattenedWithAWarning() throws {
        let quotes = String(repeating: ">", count: 254) + " deep\n\nafter the quotes\n"
        let quoted = try PostRenderer.render(markdown: quotes, context: Fixture.context(bodyLine: 5))
        #expect(quoted.html.contains("deep"), "\(quoted.html.suffix(200))")
        #expect(quoted.html.hasSuffix("<p>after the quotes</p>"), "\(quoted.html.suffix(200))")
        #expect(quoted.diagnostics == [warning(nil, "flattened markup nested more than 100 levels deep")])

        let divs = String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300)
        let nested = try PostRenderer.render(
            markdown: divs + "\n\nafter the divs\n", context: Fixture.context(bodyLine: 5))
        #expect(nested.html.contains("deep"))
        #expect(nested.html.hasSuffix("<p>after the divs</p>"), "\(nested.html.suffix(200))")
        #expect(nested.diagnostics == [warning(nil, "flattened markup nested more than 100 levels deep")])
        #expect(nested.html.components(separatedBy: "<div>").count - 1 <= 100)
    }
}
