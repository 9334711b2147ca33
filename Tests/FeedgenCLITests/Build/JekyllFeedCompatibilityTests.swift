import Foundation
import Testing

/// `jekyll_feed:` keeps jekyll-feed's document for its subscribers: its path, its feed id and every entry id, as
/// real jekyll-feed 0.17 wrote them for the shared corpus (`Fixtures/jekyll-feed-ids.tsv`, made by
/// `Fixtures/make-jekyll-feed-ids.sh`).
@Suite struct JekyllFeedCompatibilityTests {
    static let fixture = Paths.package.appending(path: "Tests/FeedgenCLITests/Fixtures/jekyll-feed-ids.tsv")

    @Test func everyEntryIDOfJekyllFeedIsKeptForTheSharedCorpus() async throws {
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("#")
        }
        let feedID = String(lines[0])
        let expected = lines.dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(expected.count == 95)

        let folder = try TemporaryDirectory([
            "feedgen.yml": "site: \(Paths.corpus.path)\nout: out\njekyll_feed:\n  limit: 1000\n"
        ])
        let result = try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nfeed.xml: written\n"), "\(result.stdout)")
        let xml = try XMLElements(folder.url.appending(path: "out/feed.xml"))
        let ids = xml.elements.filter { $0.name == "id" }.map(\.text)
        let links = xml.elements.filter { $0.name == "link" && $0.attributes["rel"] == "alternate" }
            .compactMap { $0.attributes["href"] }
        #expect(ids.first == feedID)
        #expect(
            xml.elements.first { $0.name == "link" && $0.attributes["rel"] == "self" }?.attributes["href"] == feedID)
        // Every entry beside its page, as jekyll-feed wrote it (posts of one date may come in another order).
        let entries = zip(ids.dropFirst(), links.dropFirst()).map { $0 + "\t" + $1 }
        #expect(entries.count == expected.count)
        let jekyll = Set(expected.map { $0.joined(separator: "\t") })
        for entry in entries where !jekyll.contains(entry) { Issue.record("not written by jekyll-feed: \(entry)") }
        #expect(Set(entries) == jekyll)
        let check = try await run(
            URL(filePath: "/usr/bin/env"),
            ["python3", Paths.feedcheck.path, folder.url.appending(path: "out/feed.xml").path])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// jekyll-feed's defaults: `_config.yml`'s `feed.path` and `feed.posts_limit`, else `/feed.xml` and 10.
    @Test func thePathAndLimitOfTheSitesJekyllFeedSettings() async throws {
        var files = [
            "feedgen.yml": "site: site\nout: out\njekyll_feed: true\n",
            "site/_config.yml": """
            title: Lamp Post
            url: https://lamp.example.org/
            baseurl: /news
            feed:
              path: atom/news.xml
              posts_limit: 2

            """,
        ]
        for day in 1...3 {
            files["site/_posts/2021-03-0\(day)-lamp-\(day).md"] = "---\ntitle: Lamp \(day)\n---\nLit.\n"
        }
        let folder = try TemporaryDirectory(files)
        let result = try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let xml = try XMLElements(folder.url.appending(path: "out/atom/news.xml"))
        // Jekyll joins the `url` as written, trailing slash included, with the baseurl.
        #expect(
            xml.elements.filter { $0.name == "id" }.map(\.text) == [
                "https://lamp.example.org//news/atom/news.xml", "https://lamp.example.org//news/2021/03/03/lamp-3",
                "https://lamp.example.org//news/2021/03/02/lamp-2",
            ])
    }
}
