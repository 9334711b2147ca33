import FeedgenCore
import Foundation
import Testing

@testable import FeedgenRender

/// Each Liquid construct on its own, as Liquid 5 / Jekyll 4.3 render it.
@Suite struct LiquidEvaluatorTests {
    static let data: LiquidValue = try! LiquidValue.parseYAML(
        """
        releases:
          - {version: "3.3.11", url: {gz: "https://x.org/a-3.3.11.tgz"}, sha256: {gz: aaa}}
          - {version: "3.3.12", url: {gz: "https://x.org/a-3.3.12.tgz"}, sha256: {gz: bbb}}
        team: [{name: Ada, since: 2019}, {name: Cy, since: 2017}, {name: Bo, since: 2021}]
        """)

    /// The output and the problems (`offset: message`) of `template`.
    static func render(
        _ template: String, page: LiquidValue = .object(LiquidObject([("title", .string("Hi & bye"))])),
        environment: LiquidEnvironment? = nil
    ) -> (String, [String]) {
        var site = LiquidObject([("title", .string("Site")), ("data", data)])
        site["posts"] = .array([])
        let parsed = LiquidTemplate(template)
        var evaluator = LiquidEvaluator(
            environment: environment
                ?? LiquidEnvironment(
                    site: site, includes: ["note.html": "[{{ include.text | upcase }}]"],
                    postURLs: ["2020-01-02-post": "/2020/01/02/post.html"],
                    linkURLs: ["_posts/2020-01-02-post.md": "/2020/01/02/post.html"]),
            siteURL: "https://x.org/blog", basePath: "/blog", page: page, placeholders: Placeholders(),
            builtinInclude: Liquid.builtinInclude, builtinProblem: Liquid.builtinProblem)
        let output = evaluator.render(parsed.nodes)
        let problems = (parsed.problems + evaluator.problems).map { "\($0.offset): \($0.message)" }
        return (output, problems)
    }

    static func output(_ template: String) -> String { render(template).0 }

    @Test func outputAndLookups() {
        #expect(
            Self.output("{{ site.title }}|{{ page.title }}|{{ site.data.team[1].name }}|{{ site.data.team.size }}")
                == "Site|Hi & bye|Cy|3")
        #expect(
            Self.output("{{ site.data.team.first.name }} {{ site.data.team.last.name }} {{ 'q' }} {{ 2.0 }}")
                == "Ada Bo q 2.0")
        #expect(Self.render("a{{ nope.x }}b").1 == ["1: unknown Liquid variable 'nope.x'; it was replaced by nothing"])
        #expect(
            Self.render("{{ what ever }}").1 == ["0: cannot evaluate Liquid output '{{ what ever }}'; it was removed"])
    }

    @Test func assignAndCapture() {
        #expect(Self.output("{% assign x = 'a' | append: 'b' %}{{ x }}") == "ab")
        #expect(Self.output("{% capture c %}<{{ page.title }}>{% endcapture %}[{{ c }}]") == "[<Hi & bye>]")
    }

    @Test func conditions() {
        #expect(Self.output("{% if site.data.team.size > 2 %}many{% elsif x %}x{% else %}few{% endif %}") == "many")
        #expect(Self.output("{% if nothing %}a{% elsif 1 == 1.0 %}b{% else %}c{% endif %}") == "b")
        #expect(Self.output("{% unless false %}u{% else %}v{% endunless %}") == "u")
        // Grouped from the right: true and (false or true).
        #expect(Self.output("{% if true and false or true %}y{% else %}n{% endif %}") == "y")
        #expect(Self.output("{% if 'abc' contains 'b' and site.data.team != empty %}c{% endif %}") == "c")
        #expect(Self.output("{% if '' == empty %}e{% endif %}{% if nil == blank %}{% endif %}") == "e")
        #expect(Self.output("{% case 2 %}{% when 1 %}one{% when 2, 3 %}two{% else %}other{% endcase %}") == "two")
        #expect(Self.output("{% case 'z' %}{% when 'a' or 'b' %}ab{% else %}other{% endcase %}") == "other")
    }

    @Test func loops() {
        #expect(Self.output("{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}") == "23")
        #expect(Self.output("{% for i in (1..3) reversed %}{{ i }}{% endfor %}") == "321")
        #expect(
            Self.output(
                "{% for m in site.data.team %}{{ forloop.index }}{{ forloop.rindex0 }}{% if forloop.last %}.{% endif %}{% endfor %}"
            )
                == "122130.")
        #expect(
            Self.output(
                "{% for i in (1..9) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}"
            ) == "13")
        #expect(Self.output("{% for i in nothing %}x{% else %}none{% endfor %}") == "none")
        #expect(
            Self.output("{% for pair in site.data.releases.first.url %}{{ pair[0] }}={{ pair[1] }}{% endfor %}")
                == "gz=https://x.org/a-3.3.11.tgz")
    }

    @Test func rawCommentAndWhitespaceControl() {
        #expect(Self.output("{% raw %}{{ x }} {% if %}{% endraw %}") == "{{ x }} {% if %}")
        #expect(Self.output("a{% comment %} {{ page.title }} {% endcomment %}b") == "ab")
        #expect(Self.output("a  \n  {%- assign x = 1 -%}  \n  b {{- x }}") == "ab1")
    }

    @Test func includesPostURLAndLink() {
        #expect(Self.output("{% include note.html text=page.title %}") == "[HI & BYE]")
        #expect(
            Self.output("{% post_url 2020-01-02-post %} {% link _posts/2020-01-02-post.md %}")
                == "/blog/2020/01/02/post.html /blog/2020/01/02/post.html")
        let (video, _) = Self.render("{% include video id=\"abc\" provider=\"vimeo\" %}")
        #expect(video == "\n\n\(Placeholders.htmlOpen)0\(Placeholders.htmlClose)\n\n")
        #expect(
            Self.render("{% include missing.html %} {% post_url 1999-01-01-gone %}").1 == [
                "0: unsupported include 'missing.html' removed",
                "27: post_url: no post named '1999-01-01-gone'; the tag was removed",
            ])
    }

    @Test func highlightIsOneEscapedBlock() {
        #expect(
            LiquidHighlight.html(code: "\n# a <b>\nputs 1\n\n", language: "ruby", lineNumbers: false)
                == "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\"># a &lt;b&gt;\nputs 1</code></pre></figure>"
        )
        #expect(
            LiquidHighlight.html(code: String(repeating: "x\n", count: 10), language: "c", lineNumbers: true)
                .contains("> 1 x\n 2 x\n"))
    }

    @Test func unknownTagsAndFilters() {
        let (output, problems) = Self.render("a{% tablerow x in y %}b{{ 'x' | frobnicate | upcase }}{% if 1 %}")
        #expect(output == "abX")
        #expect(
            problems == [
                "1: unsupported Liquid tag '{% tablerow x in y %}' removed",
                "54: Liquid tag '{% if %}' is never closed; it ends with the post",
                "23: unsupported Liquid filter 'frobnicate' ignored",
            ])
        #expect(Self.render("{{ x").1 == ["0: unclosed Liquid output; its '{{' was removed"])
    }

    @Test func evaluationIsBounded() {
        var environment = LiquidEnvironment()
        environment.maxIterations = 100
        let (loops, problems) = Self.render(
            "{% for i in (1..1000) %}{% for j in (1..1000) %}.{% endfor %}{% endfor %}", environment: environment)
        #expect(loops.count == 99)  // The outer loop's first iteration counts too.
        #expect(problems == ["24: Liquid loops ran past 100 iterations; the rest was dropped"])
        environment.maxOutputBytes = 10
        let (grown, growth) = Self.render(
            "{% capture x %}0123456789{% endcapture %}{{ x }}{{ x }}{{ x }}", environment: environment)
        #expect(grown == "")
        #expect(growth == ["41: Liquid output grew past 10 bytes; the rest was dropped"])
    }
}
