import FeedgenCore
import Foundation

/// Writes a `Feed` as a JSON Feed 1.1 document (jsonfeed.org/version/1.1).
public enum JSONFeedWriter {
    /// The UTF-8 bytes of the JSON Feed: keys sorted, two-space indented, `/` not escaped, ending in a newline.
    ///
    /// Empty optional members are left out rather than written as `""` or `[]`. Control characters are removed
    /// from every string, as for XML (RFC 8259 would escape them, but no reader wants them).
    public static func write(_ feed: Feed) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(JSONFeedDocument(feed)))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}

/// The top-level JSON Feed object, members named as the specification spells them.
struct JSONFeedDocument: Encodable {
    var version = "https://jsonfeed.org/version/1.1"
    var title: String
    var homePageURL: String
    var feedURL: String
    /// JSON Feed 1.1: "the URL of a feed that provides the next n items": the next older archive page.
    var nextURL: String?
    var description: String?
    var language: String
    var authors: [JSONFeedAuthor]?
    /// "should be square and relatively large", "should be square and relatively small": the site's avatar (its
    /// logo when it has no avatar), and the avatar alone.
    var icon: String?
    var favicon: String?
    /// WebSub hubs: `{"type": "WebSub", "url": ...}` (JSON Feed 1.1 `hubs`).
    var hubs: [[String: String]]?
    var items: [JSONFeedItem]

    enum CodingKeys: String, CodingKey {
        case version, title, description, language, authors, hubs, items, icon, favicon
        case homePageURL = "home_page_url"
        case feedURL = "feed_url"
        case nextURL = "next_url"
    }

    init(_ feed: Feed) {
        title = clean(feed.title)
        homePageURL = clean(feed.homePageURL)
        feedURL = clean(feed.urls.json)
        nextURL = feed.paging.previousArchive.map { clean($0.json) }
        description = nonEmpty(feed.description)
        language = clean(feed.language)
        authors = JSONFeedAuthor.list(feed.authors)
        icon = nonEmpty(feed.branding.icon ?? feed.branding.logo)
        favicon = nonEmpty(feed.branding.icon)
        hubs = feed.serving.hubs.isEmpty ? nil : feed.serving.hubs.map { ["type": "WebSub", "url": clean($0)] }
        items = feed.items.map(JSONFeedItem.init)
    }
}

/// One author object; JSON Feed has no email member, so an email becomes a `mailto:` url.
struct JSONFeedAuthor: Encodable {
    var name: String?
    var url: String?

    /// The authors, or nil when there are none: the specification wants `authors` non-empty when present.
    static func list(_ authors: [Author]) -> [JSONFeedAuthor]? {
        let list = authors.map { author in
            JSONFeedAuthor(
                name: nonEmpty(author.name),
                url: nonEmpty(author.uri) ?? nonEmpty(author.email).map { "mailto:" + $0 }
            )
        }.filter { $0.name != nil || $0.url != nil }
        return list.isEmpty ? nil : list
    }
}

/// One item of the `items` array.
struct JSONFeedItem: Encodable {
    var id: String
    var url: String
    var title: String
    var contentHTML: String?
    /// The summary again when the item has no content: JSON Feed 1.1 requires `content_html` or `content_text`.
    var contentText: String?
    var summary: String?
    var datePublished: String
    var dateModified: String
    var image: String?
    var bannerImage: String?
    var tags: [String]?
    var language: String
    var authors: [JSONFeedAuthor]?
    var attachments: [JSONFeedAttachment]?
    var feedgen: JSONFeedExtension?

    enum CodingKeys: String, CodingKey {
        case id, url, title, summary, image, tags, language, authors, attachments
        case bannerImage = "banner_image"
        case contentHTML = "content_html"
        case contentText = "content_text"
        case datePublished = "date_published"
        case dateModified = "date_modified"
        // JSON Feed 1.1, "Extensions": "Publishers can use custom objects in JSON Feeds. Names must start
        // with an _ character followed by a letter."
        case feedgen = "_feedgen"
    }

    init(_ item: FeedItem) {
        id = clean(item.id)
        url = clean(item.url)
        title = clean(item.title)
        contentHTML = nonEmpty(item.contentHTML)
        contentText = contentHTML == nil ? clean(item.summary) : nil
        summary = nonEmpty(item.summary)
        datePublished = FeedDate.rfc3339(item.published)
        dateModified = FeedDate.rfc3339(item.updated)
        image = nonEmpty(item.image)
        bannerImage = nonEmpty(item.bannerImage)
        tags = item.terms.isEmpty ? nil : item.terms.map(clean)
        language = clean(item.language)
        authors = JSONFeedAuthor.list(item.authors)
        attachments = item.enclosure.map {
            [JSONFeedAttachment(url: clean($0.url), mimeType: $0.type, sizeInBytes: $0.length)]
        }
        let translations = item.translations.map {
            JSONFeedTranslation(language: clean($0.language), url: clean($0.url), title: clean($0.title))
        }
        feedgen = translations.isEmpty ? nil : JSONFeedExtension(translations: translations)
    }
}

/// A file that goes with an item: the JSON Feed counterpart of an RSS enclosure.
struct JSONFeedAttachment: Encodable {
    var url: String
    var mimeType: String
    var sizeInBytes: Int

    enum CodingKeys: String, CodingKey {
        case url
        case mimeType = "mime_type"
        case sizeInBytes = "size_in_bytes"
    }
}

/// The `_feedgen` extension object of an item.
struct JSONFeedExtension: Encodable {
    var translations: [JSONFeedTranslation]
}

/// The same issue in another language.
struct JSONFeedTranslation: Encodable {
    var language: String
    var url: String
    var title: String
}

/// `text` without the characters that are illegal in XML, so every format carries the same text.
private func clean(_ text: String) -> String {
    XMLTextWriter.legalText(text)
}

/// `text` cleaned, or nil when it is nil or empty.
private func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    let cleaned = clean(text)
    return cleaned.isEmpty ? nil : cleaned
}
