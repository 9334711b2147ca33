import Foundation
import Testing

@testable import FeedgenRender

/// Checks, post by post, that feedgen keeps every link target and image source real Jekyll renders for
/// the corpus, read from `Fixtures/jekyll-links.tsv` (written by `Fixtures/compare-with-jekyll.py`).
@Suite struct JekyllLinkTests {
    /// One target of the fixture: where the post is, its URL, `link` or `image`, the absolute target.
    struct Target: Hashable {
        var path: String
        var url: String
        var kind: String
        var target: String
    }

    /// Links that Jekyll breaks and feedgen deliberately does not: kramdown reads `[x]((url))` as a link
    /// to the relative path "(url)", which the site resolves under the post's own URL.
    static let brokenOnTheSite: Set<String> = [
        "https://dair.ai/posts/NLP_Newsletter-PT-BR-_10/(https:/github.com/dair-ai/nlp_newsletter)",
        "https://dair.ai/posts/NLP_Newsletter_9_-TR/(https:/dair.ai/Exploratory_Data_Analysis_for_Text_Data/)",
    ]

    static func targets() throws -> [Target] {
        let file = Fixture.packageRoot.appendingPathComponent("Tests/FeedgenRenderTests/Fixtures/jekyll-links.tsv")
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { line in
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                return Target(path: columns[0], url: columns[1], kind: columns[2], target: columns[3])
            }
    }

    @Test func everyJekyllLinkAndImageIsKept() throws {
        let targets = try Self.targets()
        let byPath = Dictionary(grouping: targets, by: \.path)
        let posts = try Fixture.corpusPosts()
        #expect(Set(byPath.keys).isSubset(of: Set(posts.map(\.path))))
        #expect(targets.count > 3000)
        var missing: Set<String> = []
        for post in posts {
            guard let expected = byPath[post.path], let url = expected.first?.url else { continue }
            let context = Fixture.context(path: post.path, bodyLine: post.bodyLine, postURL: "https://dair.ai" + url)
            let html = try PostRenderer.render(markdown: post.body, context: context).html
            var links: Set<String> = []
            var images: Set<String> = []
            for attribute in try HTMLFragment(html: html).attributes() where ["a", "img"].contains(attribute.element) {
                let value = attribute.value.removingPercentEncoding ?? attribute.value
                if attribute.element == "a", attribute.name == "href" { links.insert(value) }
                if attribute.element == "img", attribute.name == "src" { images.insert(value) }
            }
            for target in expected where !(target.kind == "link" ? links : images).contains(target.target) {
                missing.insert(target.target)
            }
        }
        #expect(missing == Self.brokenOnTheSite)
    }
}
