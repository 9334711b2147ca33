import FeedgenCore
import Testing

@testable import FeedgenRender

/// The pieces behind `PostRenderer`: URL resolution, emoji, cmark, Liquid parameters.
@Suite struct ComponentTests {
    let resolver = URLResolver(siteOrigin: "https://x.org", postURL: "https://x.org/blog/posts/p/")

    @Test func resolverSchemes() {
        #expect(resolver.resolve(" java\tscript:alert(1)") == .unsafe(scheme: "javascript"))
        #expect(resolver.resolve("VBScript:x") == .unsafe(scheme: "vbscript"))
        #expect(resolver.resolve("data:image/png;base64,AA") == .unsafe(scheme: "data"))
        #expect(
            resolver.resolve("data:image/png;base64,AA", allowsDataImage: true) == .keep("data:image/png;base64,AA"))
        #expect(resolver.resolve("data:text/html,x", allowsDataImage: true) == .unsafe(scheme: "data"))
        #expect(resolver.resolve("mailto:a@b.org") == .keep("mailto:a@b.org"))
        #expect(resolver.resolve("images/a b é.png") == .keep("https://x.org/blog/posts/p/images/a%20b%20%C3%A9.png"))
        #expect(resolver.resolve("?page=2") == .keep("https://x.org/blog/posts/p/?page=2"))
    }

    /// A comma inside a candidate's URL belongs to the URL (HTML's srcset parsing): a `data:` image keeps its
    /// base64 payload, and a trailing comma with no descriptor ends the candidate.
    /// The byte check for kramdown's hard break answers as the `Character` comparison it replaced, combining
    /// marks included.
    @Test func hardBreakEndingIsReadFromTheBytes() {
        let lines = [
            "a\\\\", "a\\\\  \t", "a\\", "a\\ \\", "\\\\", "", " ", "a\\\\\u{301}", "a\\\\ \u{301}", "中\\\\",
            "a\\\u{301}\\",
        ]
        for line in lines {
            let characters = line.hasSuffix("\\\\") || line.trimmingTrailingSpaces().hasSuffix("\\\\")
            #expect(KramdownPreprocessor.endsInHardBreak(line) == characters, "\(line.debugDescription)")
        }
        #expect(lines.filter(KramdownPreprocessor.endsInHardBreak) == ["a\\\\", "a\\\\  \t", "\\\\", "中\\\\"])
    }

    @Test func srcsetCandidatesKeepTheCommasOfTheirURLs() {
        let srcset = "data:image/png;base64,iVBORw0KGgo= 1x,/b.png 2x, c,d.png, e.png 3x ,javascript:x 4x"
        let (value, unsafe) = resolver.resolveSrcset(srcset)
        #expect(
            value
                == "data:image/png;base64,iVBORw0KGgo= 1x, https://x.org/b.png 2x, https://x.org/blog/posts/p/c,d.png, "
                + "https://x.org/blog/posts/p/e.png 3x")
        #expect(unsafe == ["javascript"])
    }

    @Test func siteOriginAndBasePath() {
        let context = Fixture.context(siteURL: "https://x.org:8080/blog")
        #expect(context.siteOrigin == "https://x.org:8080")
        #expect(context.siteBasePath == "/blog")
    }

    @Test func emojiTableIsComplete() {
        #expect(Emoji.table.count > 1800)
        #expect(Emoji.replaceShortcodes(in: ":rocket::tada: a:nope: :smile") == "🚀🎉 a:nope: :smile")
    }

    @Test func cmarkRendersGFMTables() throws {
        let html = try CMark.renderHTML("| a | b |\n|---|---|\n| 1 | 2 |\n\nx[^1]\n\n[^1]: note")
        #expect(html.hasPrefix("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>"))
        #expect(html.contains("<section class=\"footnotes\""))
    }

    @Test func renderErrorsNameTheCall() {
        #expect(RenderError.cmark(call: "cmark_parser_finish").description == "cmark-gfm: cmark_parser_finish failed")
        #expect(
            RenderError.libxml2(call: "htmlCtxtReadMemory", message: "line 1: Document is empty").description
                == "libxml2: htmlCtxtReadMemory failed: line 1: Document is empty")
    }

    @Test func codeRegions() {
        let text: Substring = "a `b $$x$$` ``c ` d`` e"
        let spans = CodeRegions.inlineSpans(in: text).map { String(text[$0]) }
        #expect(spans == ["`b $$x$$`", "``c ` d``"])
        #expect(CodeFence.fencedLines(["x", "~~~~", "```", "~~~~", "y"]) == [false, true, true, true, false])
    }
}
