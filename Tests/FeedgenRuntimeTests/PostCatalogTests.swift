import FeedgenCore
import FeedgenRuntime
import Foundation
import Testing

/// Reading posts' front matter, and a sample of the body when only the body can tell the language.
struct PostCatalogTests {
    private static let body = "这是一篇用中文写的文章，讲的是自然语言处理的新进展和新的研究方向。\n"

    private func languages(_ site: borrowing TemporaryDirectory) async throws -> [String] {
        let loaded = try SiteReader.load(root: site.url)
        let catalog = await PostCatalog.load(
            site: loaded.site, context: PostLoader.Context(site: loaded.parsed.config))
        return catalog.posts.map { "\($0.path) \($0.language)" }.sorted()
    }

    /// The sample is decoded like the rest of the file: a BOM or CRLF line ends do not hide the body.
    @Test func aBOMOrCRLFDoesNotHideTheBodyFromLanguageDetection() async throws {
        let post = "---\ntitle: \"2026\"\n---\n" + Self.body
        let site = try TemporaryDirectory([
            "_config.yml": "title: T\nurl: https://example.org\nlang: en\n", "_posts/2026-01-01-plain.md": post,
        ])
        try site.write(Data([0xEF, 0xBB, 0xBF] + Array(post.utf8)), to: "_posts/2026-01-02-bom.md")
        try site.write(post.replacingOccurrences(of: "\n", with: "\r\n"), to: "_posts/2026-01-03-crlf.md")
        let found = try await languages(site)
        #expect(
            found == [
                "_posts/2026-01-01-plain.md zh", "_posts/2026-01-02-bom.md zh", "_posts/2026-01-03-crlf.md zh",
            ])
    }
}
