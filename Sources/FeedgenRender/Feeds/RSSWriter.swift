import FeedgenCore
import Foundation

/// Writes a `Feed` as an RSS 2.0 document with the content, Dublin Core, Atom and Media RSS extensions.
public enum RSSWriter {
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCoreNamespace = "http://purl.org/dc/elements/1.1/"
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let mediaNamespace = "http://search.yahoo.com/mrss/"

    /// The UTF-8 bytes of the RSS document; `generator` names the program, e.g. `feedgen 1.0`.
    public static func write(_ feed: Feed, generator: String) throws -> [UInt8] {
        try XMLTextWriter.document { xml in
            try xml.stylesheet(of: feed.serving)
            try xml.element("rss", ["version": "2.0"]) {
                try xml.namespace("content", contentNamespace)
                try xml.namespace("dc", dublinCoreNamespace)
                try xml.namespace("atom", atomNamespace)
                try xml.namespace("media", mediaNamespace)
                if feed.paging.isArchive { try xml.namespace("fh", XMLTextWriter.feedHistoryNamespace) }
                if feed.serving.pollMinutes != nil { try xml.namespace("sy", XMLTextWriter.syndicationNamespace) }
                try xml.element("channel") {
                    try writeChannelHead(feed, generator: generator, to: xml)
                    for item in feed.items { try writeItem(item, feedLanguage: feed.language, to: xml) }
                }
            }
        }
    }

    private static func writeChannelHead(_ feed: Feed, generator: String, to xml: XMLTextWriter) throws {
        try xml.element("title", text: feed.title)
        try xml.element("link", text: feed.homePageURL)
        // Required: "Phrase or sentence describing the channel"; the title when the site has none.
        try xml.element("description", text: feed.description.isEmpty ? feed.title : feed.description)
        try xml.element("language", text: feed.language)
        if let rights = feed.branding.rights { try xml.element("copyright", text: rights) }
        if let picture = feed.branding.logo ?? feed.branding.icon {
            // "in practice the image <title> and <link> should have the same value as the channel's <title> and
            // <link>" (RSS 2.0); no width or height, which we do not know (the defaults, 88 by 31, would be wrong).
            try xml.element("image") {
                try xml.element("url", text: picture)
                try xml.element("title", text: feed.title)
                try xml.element("link", text: feed.homePageURL)
            }
        }
        try xml.element("lastBuildDate", text: FeedDate.rfc822(feed.updated))
        try xml.element("generator", text: generator)
        try xml.element("docs", text: "https://www.rssboard.org/rss-specification")
        // RSS Best Practices Profile: "A feed should identify its own URL with an atom:link element".
        try xml.element("atom:link", ["rel": "self", "type": "application/rss+xml", "href": feed.urls.rss])
        try xml.archiveLinks(feed.paging, as: "atom:link", type: "application/rss+xml", url: \.rss)
        try xml.hubLinks(of: feed.serving, as: "atom:link")
        try xml.pollingHints(of: feed.serving)
    }

    /// One `<item>`; `dc:language` when its language is not the feed's (every item of the all-languages feed), so
    /// a reader that ignores the channel's `<language>` still knows each item's.
    private static func writeItem(_ item: FeedItem, feedLanguage: String, to xml: XMLTextWriter) throws {
        try xml.element("item") {
            try xml.element("title", text: item.title)
            try xml.element("link", text: item.url)
            try xml.pageLinks(of: item, as: "atom:link")
            // Ids are tag: URIs, not URLs: "If the guid element has an attribute named isPermaLink with a
            // value of true, the reader may assume that it is a permalink to the item" (RSS 2.0).
            try xml.element("guid", ["isPermaLink": "false"], text: item.id)
            try xml.element("pubDate", text: FeedDate.rfc822(item.published))
            // RSS <author> is "Email address of the author of the item", so names go in dc:creator.
            for author in item.authors { try xml.element("dc:creator", text: author.name) }
            if item.language != feedLanguage { try xml.element("dc:language", text: item.language) }
            for term in item.terms { try xml.element("category", text: term) }
            // Readers render `<description>` as HTML (RSS 2.0: "entity-encoded HTML is allowed"), so a plain-text
            // summary saying `1 < 2` must reach them as `1 &lt; 2`; libxml2 then escapes that again for XML.
            if !item.summary.isEmpty { try xml.element("description", text: HTMLEscape.escape(item.summary)) }
            // Escaped text rather than CDATA: libxml2 escapes every `>`, so a `]]>` in the HTML is harmless.
            if !item.contentHTML.isEmpty { try xml.element("content:encoded", text: item.contentHTML) }
            if let enclosure = item.enclosure {
                try xml.element(
                    "enclosure", ["url": enclosure.url, "length": String(enclosure.length), "type": enclosure.type])
            }
            if let image = item.image { try writeImage(image, to: xml) }
        }
    }

    /// Media RSS for the item's picture: `<enclosure>` would need a byte length we do not know.
    static func writeImage(_ url: String, to xml: XMLTextWriter) throws {
        try xml.element("media:content", ["url": url, "medium": "image"])
        try xml.element("media:thumbnail", ["url": url])
    }
}
