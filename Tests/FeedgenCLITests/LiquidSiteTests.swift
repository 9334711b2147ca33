import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A site whose posts compute their content with Liquid (data files, control flow, filters, includes, links,
/// highlighted code), built by feedgen and compared with what real Jekyll rendered for the same posts
/// (`Fixtures/liquid/jekyll/`, recorded by `Fixtures/liquid/record-jekyll.sh`).
@Suite struct LiquidSiteTests {
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/liquid")
    static let siteURL = "https://liquid.example.org/news"

    private struct Item: Decodable {
        var url: String
        var contentHTML: String
        enum CodingKeys: String, CodingKey {
            case url
            case contentHTML = "content_html"
        }
    }

    private struct Document: Decodable { var items: [Item] }

    /// The items of the site's JSON feed by URL path (`/2024/05/08/filters.html`).
    private func build() async throws -> (items: [String: String], stderr: String) {
        let out = try TemporaryDirectory()
        let result = try await run(
            Paths.feedgen,
            ["build", "--site", Self.fixtures.appending(path: "site").path, "--out", out.url.path, "--limit", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: out.url.appending(path: "feed.json"))
        let items = try JSONDecoder().decode(Document.self, from: data).items
        return (
            Dictionary(
                uniqueKeysWithValues: items.map { (String($0.url.dropFirst(Self.siteURL.count)), $0.contentHTML) }),
            result.stderr
        )
    }

    /// What a reader sees of `html`: the text of its elements, entities decoded, whitespace collapsed.
    /// Inline elements (Rouge's colour spans, links, emphasis) join their text; other tags separate it.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(
            of: "</?(span|a|em|strong|code)( [^>]*)?>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func feedsShowWhatJekyllShows() async throws {
        let (items, stderr) = try await build()
        #expect(stderr == "")
        let pages = [
            "/release/2024/05/14/release-3-3-12.html", "/2024/05/10/control-flow.html", "/2024/05/08/filters.html",
            "/2024/05/05/links-and-code.html",
        ]
        for page in pages {
            let recorded = Self.fixtures.appending(
                path: "jekyll/" + page.dropFirst().replacingOccurrences(of: "/", with: "_"))
            let jekyll = try String(contentsOf: recorded, encoding: .utf8)
            let html = try #require(items[page], "no item for \(page)")
            #expect(Self.visibleText(html) == Self.visibleText(jekyll), "\(page)")
        }
    }

    @Test func releaseTableKeepsURLsAndChecksums() async throws {
        let html = try #require(try await build().items["/release/2024/05/14/release-3-3-12.html"])
        #expect(html.contains("<a href=\"https://cache.example.org/pub/app-3.3.12.tar.gz\">"))
        #expect(html.contains("SHA256: 4d4b6b4b3b0b6b1b2f8e5f3f8c9e0f2e6a6b8d4c7e3a2f1b0c9d8e7f6a5b4c3d"))
        #expect(html.contains("SIZE: 25844012 bytes"))
    }

    @Test func highlightedCodeIsOneBlock() async throws {
        let items = try await build().items
        let code = try #require(items["/2024/05/05/links-and-code.html"])
        #expect(
            code.contains(
                """
                <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"># A comment, not a heading
                def greet(name)
                  puts "Hello, #{name} &lt;3"
                end</code></pre></figure>
                """))
        #expect(!code.contains("<h1"))
        #expect(code.contains("<pre><code class=\"language-swift\">let x = \"&lt;tag&gt;\"\n</code></pre>"))
        // Rouge puts line numbers in a table column; the feed keeps one block, each line led by its number.
        let numbered = try #require(items["/2024/05/04/line-numbers.html"])
        #expect(
            numbered == """
                <p>Numbered:</p>
                <figure class="highlight"><pre><code class="language-python" data-lang="python">1 # two lines
                2 print("x" if 1 &lt; 2 else "y")</code></pre></figure>
                """)
    }

    /// Data files cannot smuggle into a feed the characters XML forbids, nor the noncharacters that stand for
    /// HTML kept from cmark (a data value spelling such a stand-in would have become a second video link).
    @Test func dataCannotPoseAsKeptHTML() async throws {
        // Noncharacters cannot be written as Swift literals.
        let standIn = String(Unicode.Scalar(0xFDD2)!) + "0" + String(Unicode.Scalar(0xFDD3)!)
        let site = try TemporaryDirectory([
            "_config.yml": "url: https://x.example.org\n",
            "_data/values.yml": "standIn: \"\(standIn)\"\ncontrol: \"a\\x01b\"\n",
            "_posts/2024-01-02-p.md": """
            ---
            title: P
            ---
            {% include video id="42" provider="vimeo" %}

            [{{ site.data.values.standIn }}] {{ site.data.values.control }}

            """,
        ])
        let out = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build", "--site", site.url.path, "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try Data(contentsOf: out.url.appending(path: "feed.json"))
        let items = try JSONDecoder().decode(Document.self, from: data).items
        let html = try #require(items.first?.contentHTML)
        #expect(html == "<p><a href=\"https://vimeo.com/42\">Vimeo video 42</a></p>\n<p>[0] ab</p>")
    }
}
