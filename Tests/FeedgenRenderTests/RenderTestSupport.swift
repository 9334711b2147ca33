import FeedgenCore
import Foundation
import Testing

@testable import FeedgenRender

/// Shared helpers: a context like the dair.ai site's, and the corpus on disk.
enum Fixture {
    static let siteVariables = ["url": "https://dair.ai", "title": "DAIR.AI", "owner.name": "DAIR.AI"]

    static func context(
        path: String = "posts/_posts/2020-03-16-x.md", bodyLine: Int = 10,
        siteURL: String = "https://dair.ai", postURL: String = "https://dair.ai/posts/x/",
        variables: [String: String] = siteVariables
    ) -> RenderContext {
        RenderContext(
            sourcePath: path, bodyLine: bodyLine, siteURL: siteURL, postURL: postURL, siteVariables: variables)
    }

    /// Renders `markdown` with the default context and returns only the HTML.
    static func html(_ markdown: String, context: RenderContext = context()) throws -> String {
        try PostRenderer.render(markdown: markdown, context: context).html
    }

    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The real Jekyll site shared with the project (`../shared/corpus/dair-ai`).
    static let corpus = packageRoot.appendingPathComponent("../shared/corpus/dair-ai").standardizedFileURL

    /// Every post of the corpus: its path relative to the site, the body, and the line the body starts on.
    static func corpusPosts() throws -> [(path: String, body: String, bodyLine: Int)] {
        var posts: [(String, String, Int)] = []
        for folder in ["posts/_posts", "projects/_posts"] {
            let directory = corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                let (body, line) = splitFrontMatter(text)
                posts.append(("\(folder)/\(name)", body, line))
            }
        }
        return posts
    }

    /// The text after a `---` front matter block and the 1-based line it starts on.
    /// A byte order mark is skipped and CRLF read as LF (Swift's `Character` holds "\r\n" as one).
    static func splitFrontMatter(_ original: String) -> (String, Int) {
        var text = original.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return (text, 1) }
        for index in 1..<lines.count where lines[index].trimmingCharacters(in: .whitespacesAndNewlines) == "---" {
            return (lines[(index + 1)...].joined(separator: "\n"), index + 2)
        }
        return (text, 1)
    }
}
