import Foundation
import Testing

/// Feeds per Jekyll collection (`slices: collections:`) on a site with three collections, `collections_dir` and
/// three permalink settings: every item links the page real Jekyll published for the document, dated as Jekyll
/// dates it (`Fixtures/collections/jekyll-documents.tsv`, recorded by `Fixtures/collections/record-jekyll.sh`).
@Suite struct CollectionFeedTests {
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/collections")
    static let site = "https://harbour.example.org/letter"

    /// One row of the recording.
    struct Recorded {
        var collection: String
        var url: String
        /// Nil for a document Jekyll dates at the build (`BUILD-TIME`).
        var date: Date?
        var written: Bool
    }

    static func recorded() throws -> [Recorded] {
        let text = try String(contentsOf: fixtures.appending(path: "jekyll-documents.tsv"), encoding: .utf8)
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Recorded(
                collection: fields[0], url: site + fields[2], date: format.date(from: fields[3]),
                written: fields[5] == "yes")
        }
    }

    struct Item: Decodable {
        var id: String
        var url: String
        var datePublished: Date
        enum CodingKeys: String, CodingKey {
            case id, url
            case datePublished = "date_published"
        }
    }

    struct Document: Decodable { var items: [Item] }

    static func items(_ out: URL, _ folder: String) throws -> [Item] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Document.self, from: Data(contentsOf: out.appending(path: folder + "/feed.json")))
            .items
    }

    @Test func itemsLinkThePagesJekyllPublishedDatedAsJekyllDatesThem() async throws {
        let folder = try TemporaryDirectory([
            "feedgen.yml": """
            site: \(Self.fixtures.appending(path: "site").path)
            out: out
            base_url: https://harbour.example.org/feeds/
            limit: 0
            slices:
              collections: {}

            """
        ])
        let before = Date()
        let result = try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
        let after = Date()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr
                == "\(Self.fixtures.appending(path: "site").path)/_config.yml: warning: collection 'notes' has no feed: "
                + "without 'output: true' Jekyll writes no page for its documents, so an item would have nothing to "
                + "link to\n")
        let out = folder.url.appending(path: "out")
        let recorded = try Self.recorded()
        for collection in ["posts", "recipes", "talks"] {
            let items = try Self.items(out, collection == "posts" ? "" : "collections/" + collection)
            // Jekyll's pages, newest first: what it wrote (a future document it lists but does not write).
            let pages = recorded.filter { $0.collection == collection && $0.written }
            #expect(Set(items.map(\.url)) == Set(pages.map(\.url)), "\(collection)")
            #expect(items.map(\.datePublished) == items.map(\.datePublished).sorted(by: >))
            for page in pages {
                let item = try #require(items.first { $0.url == page.url })
                if let date = page.date {
                    #expect(item.datePublished == date, "\(page.url)")
                } else {
                    // Dated at the build, as Jekyll's `site.time` (JSON Feed dates have whole seconds).
                    #expect(item.datePublished >= before.addingTimeInterval(-1) && item.datePublished <= after)
                }
            }
        }
        // Jekyll-feed's ids: the site's URL and the document's id (its URL's folder and its slug).
        let talks = try Self.items(out, "collections/talks")
        #expect(
            talks.map(\.id) == [
                "https://harbour.example.org/letter/talks/2024/The%20Lighthouse,%20Kept",
                "https://harbour.example.org/letter/talks/2024/winter-moorings",
                "https://harbour.example.org/letter/talks/2023/tides-and-ferries",
            ])
        // No feed for the collection without pages; each collection's feed is listed like any feed.
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "collections/notes").path))
        let opml = try String(contentsOf: out.appending(path: "feeds.opml"), encoding: .utf8)
        #expect(opml.contains("https://harbour.example.org/feeds/collections/talks/rss.xml"))
        #expect(opml.contains("https://harbour.example.org/feeds/collections/recipes/rss.xml"))
        #expect(result.stdout.contains("collections/talks"))
    }
}
