import Foundation
import Testing

/// No field of a feed carries a URL that item HTML would not allow: an author's `web:` of `javascript:` or
/// `data:text/html` is left out, an https one kept.
@Suite struct UnsafeURLTests {
    @Test func unsafeAuthorURIsAreLeftOut() async throws {
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
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
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

    /// A post's `image:` and `permalink:` naming a script or a document stay paths inside the site, in every
    /// format: the item's link, its thumbnail, its image and its translations' links.
    @Test func unsafeImagesAndPermalinksStayInsideTheSite() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
            "site/_posts/2024-01-01-issue-1-en.md": """
            ---
            title: "Issue #1"
            image: "javascript:alert(1)"
            permalink: "javascript:alert(2)"
            ---
            Hello.
            """,
            "site/_posts/2024-01-01-issue-1-fr.md": """
            ---
            title: "Numéro 1"
            image: {thumb: " data:text/html,<script>alert(3)</script>"}
            ---
            Bonjour.
            """,
        ])
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        for language in ["en", "fr"] {
            var urls: [String] = []
            for document in ["atom.xml", "rss.xml"] {
                let xml = try String(
                    contentsOf: folder.url.appending(path: "out/\(language)/\(document)"), encoding: .utf8)
                urls += xml.matches(of: /(?:href|url)="([^"]*)"|<link>([^<]*)<\/link>/).map { String($0.1 ?? $0.2!) }
            }
            let json = try Data(contentsOf: folder.url.appending(path: "out/\(language)/feed.json"))
            let feed = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            for item in try #require(feed["items"] as? [[String: Any]]) {
                urls += [item["url"], item["image"]].compactMap { $0 as? String }
                let translations = (item["_feedgen"] as? [String: Any])?["translations"] as? [[String: Any]] ?? []
                urls += translations.compactMap { $0["url"] as? String }
            }
            #expect(urls.contains { $0.hasPrefix("https://letter.test/images/") }, "\(language): the image is kept")
            let items = urls.filter { $0.contains("issue") || $0.contains("images") || $0.contains("alert") }
            #expect(items.count >= 6, "\(language): \(urls)")
            // The stylesheet beside the feeds (`<?xml-stylesheet href="../feed.xsl"?>`) is relative on purpose.
            for url in urls where !url.hasPrefix("http://www.w3.org") && !url.hasSuffix("feed.xsl") {
                #expect(url.hasPrefix("https://letter.test/"), "\(language): \(url)")
            }
        }
    }
}
