import Foundation
import Testing

/// No field of a feed carries a URL that item HTML would not allow: an author's `web:` of `javascript:` or
/// `data:text/html` is left out, an https one kept.
@Suite struct UnsafeURLTests {
    @Test func unsafeAuthorURIsAreLeftOut() throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
            "site/_data/authors.yml": """
            ana:
              name: Ana
              web: javascript:alert(1)
            bob:
              name: Bob
              web: " data:text/html,<script>alert(1)</script>"
            eve:
              name: Eve
              web: https://eve.test/
            """,
            "site/_posts/2024-01-01-issue-1-en.md": "---\ntitle: \"Issue #1\"\nauthor: [ana, bob, eve]\n---\nHello.\n",
        ])
        let result = try run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let atom = try String(contentsOf: folder.url.appending(path: "out/en/atom.xml"), encoding: .utf8)
        #expect(!atom.contains("javascript:") && !atom.contains("data:"), "\(atom)")
        #expect(atom.contains("<uri>https://eve.test/</uri>"), "\(atom)")
        let json = try Data(contentsOf: folder.url.appending(path: "out/en/feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        let authors = try #require(items.first?["authors"] as? [[String: String]])
        #expect(authors == [["name": "Ana"], ["name": "Bob"], ["name": "Eve", "url": "https://eve.test/"]])
    }
}
