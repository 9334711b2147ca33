import FeedgenCore
import FeedgenRender
import Foundation
import Testing

/// The JSON Feed members the tests read back, decoded independently of the writer's own types
/// (with `.convertFromSnakeCase`, so `content_html` is `contentHtml`).
private struct DecodedFeed: Decodable, Equatable {
    struct Author: Decodable, Equatable {
        var name: String?
        var url: String?
    }

    struct Translation: Decodable, Equatable {
        var language: String
        var url: String
        var title: String
    }

    struct Extension: Decodable, Equatable {
        var translations: [Translation]
    }

    struct Item: Decodable, Equatable {
        var id: String
        var url: String
        var title: String
        var contentHtml: String
        var summary: String?
        var datePublished: String
        var dateModified: String
        var image: String?
        var tags: [String]?
        var language: String
        var authors: [Author]?
        var feedgen: Extension?

        enum CodingKeys: String, CodingKey {
            case id, url, title, contentHtml, summary, datePublished, dateModified, image, tags, language, authors
            case feedgen = "_feedgen"
        }
    }

    var version: String
    var title: String
    var homePageUrl: String
    var feedUrl: String
    var description: String?
    var language: String
    var authors: [Author]?
    var items: [Item]
}

@Suite struct JSONFeedWriterTests {
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    @Test func matchesGoldenFile() throws {
        let bytes = try JSONFeedWriter.write(SampleFeed.feed)
        try Golden.check(bytes, named: "all.feed.json")
        #expect(try JSONFeedWriter.write(SampleFeed.feed) == bytes)
    }

    @Test func decodesBackToTheFeed() throws {
        let decoded = try Self.decoder.decode(DecodedFeed.self, from: Data(try JSONFeedWriter.write(SampleFeed.feed)))
        let expected = DecodedFeed(
            version: "https://jsonfeed.org/version/1.1",
            title: "DAIR.AI — all languages",
            homePageUrl: "https://dair.ai/",
            feedUrl: "https://dair.ai/feeds/all/feed.json",
            description: "NLP News & notes, in every language.",
            language: "mul",
            authors: [.init(name: "DAIR.AI", url: "https://dair.ai/")],
            items: [
                .init(
                    id: "tag:dair.ai,2020-03-16:/posts/NLP_Newsletter_7/",
                    url: "https://dair.ai/posts/NLP_Newsletter_7/",
                    title: SampleFeed.englishTitleWritten,
                    contentHtml: SampleFeed.englishHTML,
                    summary: "Plain summary: 1 < 2 & 3 > 2.",
                    datePublished: "2020-03-16T00:00:00Z",
                    dateModified: "2020-03-18T10:30:00Z",
                    image: "https://dair.ai/img/cover.png",
                    tags: ["NLP", "Newsletter"],
                    language: "en",
                    authors: [.init(name: "Elvis Saravia", url: "https://example.org/elvis")],
                    feedgen: .init(translations: [
                        .init(
                            language: "ar", url: "https://dair.ai/posts/NLP_Newsletter_7_ar/",
                            title: SampleFeed.arabicTitle
                        )
                    ])
                ),
                .init(
                    id: "tag:dair.ai,2020-03-15:/posts/NLP_Newsletter_7_ar/",
                    url: "https://dair.ai/posts/NLP_Newsletter_7_ar/",
                    title: SampleFeed.arabicTitle,
                    contentHtml: SampleFeed.arabicHTML,
                    summary: nil,
                    datePublished: "2020-03-15T08:00:00Z",
                    dateModified: "2020-03-15T08:00:00Z",
                    image: nil,
                    tags: nil,
                    language: "ar",
                    authors: nil,
                    feedgen: .init(translations: [
                        .init(
                            language: "en", url: "https://dair.ai/posts/NLP_Newsletter_7/",
                            title: SampleFeed.englishTitleWritten
                        )
                    ])
                ),
            ]
        )
        #expect(decoded == expected)
    }

    @Test func leavesOutEmptyOptionalMembers() throws {
        var feed = SampleFeed.feed
        feed.description = ""
        feed.authors = []
        feed.items = [SampleFeed.arabic]
        feed.items[0].translations = []
        let object = try JSONSerialization.jsonObject(with: Data(try JSONFeedWriter.write(feed))) as? [String: Any]
        #expect(object?.keys.sorted() == ["feed_url", "home_page_url", "items", "language", "title", "version"])
        let item = (object?["items"] as? [[String: Any]])?.first
        #expect(
            item?.keys.sorted() == [
                "content_html", "date_modified", "date_published", "id", "language", "title", "url",
            ]
        )
    }

    @Test func anAuthorWithOnlyAnEmailGetsAMailtoURL() throws {
        var feed = SampleFeed.feed
        feed.authors = [Author(name: "Editor", email: "editor@example.org")]
        let decoded = try Self.decoder.decode(DecodedFeed.self, from: Data(try JSONFeedWriter.write(feed)))
        #expect(decoded.authors == [.init(name: "Editor", url: "mailto:editor@example.org")])
    }
}
