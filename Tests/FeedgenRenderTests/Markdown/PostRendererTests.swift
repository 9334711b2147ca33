import FeedgenCore
import Testing

@testable import FeedgenRender

/// One test per rendering rule, on small posts written the way the corpus writes them.
@Suite struct PostRendererTests {
    let path = "posts/_posts/2020-03-16-x.md"

    func warning(_ line: Int?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: FileLocation(path: path, line: line), message)
    }

    @Test func spacerLinesBecomeBreaksOrNothing() throws {
        let markdown = """
            Intro line

            \\\\
            Welcome *all*

            \\\\
            ***Title***
            Text one\\\\
            Text two
            \\\\
            Text three

            Text
            \\\\
            - item

            \\\\
            """
        let expected = """
            <p>Intro line</p>
            <p>Welcome <em>all</em></p>
            <p><em><strong>Title</strong></em>
            Text one<br>
            Text two<br>
            Text three</p>
            <p>Text</p>
            <ul>
            <li>item</li>
            </ul>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func spacerInsideCodeStays() throws {
        #expect(try Fixture.html("```\n\\\\\n```") == "<pre><code>\\\\\n</code></pre>")
    }

    @Test func kramdownAttributeListsVanish() throws {
        let markdown = """
            * TOC
            {:toc}

            ## Intro {#start}

            Text *red*{: .red} here.
            {: .notice}

            {::options parse_block_html="true" /}

            {::comment}
            hidden
            {:/comment}

            `{: .kept}` End
            """
        let expected = """
            <h2 id="intro">Intro</h2>
            <p>Text <em>red</em> here.</p>
            <p><code>{: .kept}</code> End</p>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func headerIDsFollowKramdown() throws {
        let markdown = "# Research and Publications 📙\n\n## 1. Intro\n\n## Intro\n\n# 自然语言"
        let expected = """
            <h1 id="research-and-publications-">Research and Publications 📙</h1>
            <h2 id="intro">1. Intro</h2>
            <h2 id="intro-1">Intro</h2>
            <h1 id="section">自然语言</h1>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func liquidIsEvaluatedOrDropped() throws {
        let markdown = """
            ![A]({{ site.url }}{{ site.baseurl }}/images/a.png) by {{ site.owner.name }}{{ site.nope }}

            {% include video id="xteaK6kSYnA" provider="youtube" %}

            {% include _image-with-caption.html file="../../images/s/arch.png"
            description="Figure 1. The <Transformer>." zoom=60 %}

            {% raw %}`{{ page.title }}`{% endraw %} `{{ site.title | append: "!" }}`

            {% if x %}yes{% endif %}{% unless x %}no{% endunless %} {{NLP Research Highlights 2020}}
            """
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context())
        let expected = """
            <p><img src="https://dair.ai/images/a.png" alt="A"> by DAIR.AI</p>
            <p><a href="https://www.youtube.com/watch?v=xteaK6kSYnA">\
            <img src="https://img.youtube.com/vi/xteaK6kSYnA/hqdefault.jpg" alt="YouTube video xteaK6kSYnA"></a></p>
            <figure><img src="https://dair.ai/images/s/arch.png" alt="Figure 1. The &lt;Transformer&gt;.">\
            <figcaption>Figure 1. The &lt;Transformer&gt;.</figcaption></figure>
            <p><code>{{ page.title }}</code> <code>DAIR.AI!</code></p>
            <p>no</p>
            """
        #expect(rendered.html == expected)
        #expect(
            rendered.diagnostics == [
                warning(10, "unknown Liquid variable 'site.nope'; it was replaced by nothing"),
                warning(19, "cannot evaluate Liquid output '{{ NLP Research Highlights 2020 }}'; it was removed"),
            ])
    }

    @Test func vimeoAndUnknownIncludes() throws {
        let markdown = "{% include video id=\"76979871\" provider=\"vimeo\" %}\n\n{% include toc.html %}"
        let rendered = try PostRenderer.render(markdown: markdown, context: Fixture.context(bodyLine: 3))
        #expect(rendered.html == "<p><a href=\"https://vimeo.com/76979871\">Vimeo video 76979871</a></p>")
        #expect(rendered.diagnostics == [warning(5, "unsupported include 'toc.html' removed")])
    }

    @Test func jemojiShortcodes() throws {
        let markdown = "Great :smile: work :heart: :+1: :notanemoji: `:smile:` and https://x.org/:smile:/ ok"
        let expected =
            "<p>Great 😄 work ❤️ 👍 :notanemoji: <code>:smile:</code> and "
            + "<a href=\"https://x.org/:smile:/\">https://x.org/:smile:/</a> ok</p>"
        #expect(try Fixture.html(markdown) == expected)
    }

    /// What kramdown 2.4 (Jekyll 4.3, `math_engine: mathjax`) writes for this very input, checked with Debian's
    /// `jekyll`: `<p>Inline \(a_b * c_d\) and <em>x</em> \(a&lt;b\).</p>`, `\[x_1 = \\ y :smile:\]` with no
    /// `<p>`, the code span untouched, `\(y\)` inside a paragraph, and `\[f\]`, `\[g\]` alone in a quote and a
    /// list item. Only white space differs (and kramdown's highlighter classes).
    @Test func mathAsKramdownWritesItForMathJax() throws {
        let markdown = """
            Inline $$a_b * c_d$$ and *x* $$a<b$$.

            $$
            x_1 = \\\\ y :smile:
            $$

            `$$not_math$$`

            Text then
            $$y$$ at start.

            > $$f$$

            - $$g$$
            - two $$h$$
            """
        let expected = """
            <p>Inline \\(a_b * c_d\\) and <em>x</em> \\(a&lt;b\\).</p>
            \\[x_1 = \\\\ y :smile:\\]
            <p><code>$$not_math$$</code></p>
            <p>Text then
            \\(y\\) at start.</p>
            <blockquote>
            \\[f\\]
            </blockquote>
            <ul>
            <li>\\[g\\]</li>
            <li>two \\(h\\)</li>
            </ul>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func everyURLIsAbsolute() throws {
        let context = Fixture.context(siteURL: "https://x.org/blog", postURL: "https://x.org/blog/posts/p/")
        let markdown = """
            [a](/images/x.png) ![](../../images/y.png) [c](images/z.png) [d](//cdn.org/a.js) [e](#sec) \
            [f](mailto:a@b.org) [g]() [h]((https://github.com/dair-ai/nlp_newsletter)) \
            <img srcset="a.png 1x, /b.png 2x" src="{{ site.baseurl }}/c.png">
            """
        let expected = """
            <p><a href="https://x.org/images/x.png">a</a> <img src="https://x.org/blog/images/y.png" alt=""> \
            <a href="https://x.org/blog/posts/p/images/z.png">c</a> <a href="https://cdn.org/a.js">d</a> \
            <a href="https://x.org/blog/posts/p/#sec">e</a> <a href="mailto:a@b.org">f</a> \
            <a href="https://x.org/blog/posts/p/">g</a> <a href="https://github.com/dair-ai/nlp_newsletter">h</a> \
            <img srcset="https://x.org/blog/posts/p/a.png 1x, https://x.org/b.png 2x" src="https://x.org/c.png"></p>
            """
        #expect(try Fixture.html(markdown, context: context) == expected)
    }

    @Test func boldItalicTitlesAndBlocksInParagraphs() throws {
        let markdown =
            "***Story title***\n\n<p><div>x</div></p>\n\na ]]> b & c <b>bold\n\n<p>Para <figure>f</figure> after</p>"
        let expected = """
            <p><em><strong>Story title</strong></em></p>
            <div>x</div>
            <p>a ]]&gt; b &amp; c <b>bold</b></p>
            <div>Para <figure>f</figure> after</div>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func bareURLGluedToMarkdown() throws {
        let markdown = "[12] https://deepmind.com/blog/x[13]**蛋白质折叠:** https://en.wikipedia.org/wiki/Protein_folding"
        let expected =
            "<p>[12] <a href=\"https://deepmind.com/blog/x\">https://deepmind.com/blog/x</a>[13]"
            + "<strong>蛋白质折叠:</strong> <a href=\"https://en.wikipedia.org/wiki/Protein_folding\">"
            + "https://en.wikipedia.org/wiki/Protein_folding</a></p>"
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func typographyAndStrayAsterisks() throws {
        let markdown =
            "It's \"quoted\" -- and --- so... `\"code\" --` ~10 ms ~~gone~~ [**Yannic**](https://y.tv) ****— x"
        let expected =
            "<p>It’s “quoted” – and — so… <code>\"code\" --</code> ~10 ms <del>gone</del> "
            + "<a href=\"https://y.tv\"><strong>Yannic</strong></a> — x</p>"
        #expect(try Fixture.html(markdown) == expected)
    }

    @Test func crlfAndByteOrderMark() throws {
        #expect(try Fixture.html("\u{FEFF}One\r\n\\\\\r\nTwo\r\n") == "<p>One<br>\nTwo</p>")
    }
}
