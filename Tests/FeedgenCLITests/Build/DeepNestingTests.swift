import Foundation
import Testing

/// Content nested deeper than feed readers' HTML parsers go is kept, flattened, and `check` says so.
@Suite struct DeepNestingTests {
    @Test func checkReportsFlattenedNesting() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
            "site/_posts/2024-01-01-issue-1-en.md":
                "---\ntitle: \"Issue #1\"\n---\n" + String(repeating: ">", count: 254) + " deep\n\nAfter the quotes.\n",
        ])
        let check = try await run(Paths.feedgen, ["check", "--site", "site"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stderr.hasPrefix(
                "site/_posts/2024-01-01-issue-1-en.md: warning: flattened markup nested more than 100 levels deep\n"),
            "\(check.stderr)")
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let json = try String(contentsOf: folder.url.appending(path: "out/en/feed.json"), encoding: .utf8)
        #expect(json.contains("deep") && json.contains("<p>After the quotes.</p>"), "\(json.suffix(300))")
    }
}
