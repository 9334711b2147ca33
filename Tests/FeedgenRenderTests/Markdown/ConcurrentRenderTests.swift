import Foundation
import Testing

@testable import FeedgenRender

/// Rendering on several threads at once gives what rendering one post at a time gives.
///
/// cmark-gfm keeps the table of characters that start an inline extension (`~` for strikethrough, `:` and `w`
/// for autolinks, `|` for tables) in a process-wide array that every parse switches on and off, so the input
/// must be full of exactly those: bare URLs, `www.` links, mail addresses, `~~strike~~` and tables.
@Suite struct ConcurrentRenderTests {
    /// A post written the way newsletter issues are, dense in what the extensions parse.
    static func extensionHeavyPost(_ number: Int) -> String {
        var lines = ["# Issue \(number)", ""]
        for story in 0..<12 {
            lines += [
                "***Story \(story)***",
                "Read it at https://example.org/\(number)/\(story)?s=20 or www.example.com/\(story), ask "
                    + "editor\(story)@example.org; the ~~old~~ new version (~~v\(story)~~) is out.",
                "",
                "| model | score | link |",
                "|---|:---:|---:|",
                "| A\(story) | ~~1.0~~ 2.\(story) | https://arxiv.org/abs/2001.0\(story) |",
                "| B\(story) | 3.\(story) | www.papers.org/\(number) |",
                "",
                "\\\\",
            ]
        }
        return lines.joined(separator: "\n")
    }

    @Test func concurrentRendersOfExtensionHeavyPostsMatchSerialRenders() async throws {
        var posts = (0..<6).map { (body: Self.extensionHeavyPost($0), context: Fixture.context()) }
        // Real issues from the shared site, with bare URLs in their stories.
        for post in try Fixture.corpusPosts() where post.body.contains(" https://") {
            let context = Fixture.context(path: post.path, bodyLine: post.bodyLine)
            posts.append((post.body, context))
            if posts.count == 12 { break }
        }
        #expect(posts.count == 12)
        let serial = try posts.map { try PostRenderer.render(markdown: $0.body, context: $0.context) }
        // The serial renders really carry what the race loses.
        #expect(serial[0].html.contains("<del>old</del>"))
        #expect(serial[0].html.contains(#"<a href="https://example.org/0/0?s=20">"#))
        #expect(serial[0].html.contains("<table>"))
        let inputs = posts
        let mismatches = try await withThrowingTaskGroup(of: Int?.self) { group in
            for round in 0..<400 {
                group.addTask {
                    let index = round % inputs.count
                    let rendered = try PostRenderer.render(markdown: inputs[index].body, context: inputs[index].context)
                    return rendered == serial[index] ? nil : index
                }
            }
            var mismatches: [Int] = []
            for try await mismatch in group { if let mismatch { mismatches.append(mismatch) } }
            return mismatches
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of 400 concurrent renders differ from the serial render")
    }
}
