import FeedgenCore
import Foundation

/// One feed in an OPML subscription list.
public struct OPMLOutline: Sendable, Equatable {
    public var title: String
    /// BCP 47 tag of the feed.
    public var language: String
    public var urls: FeedURLs
    public var homePageURL: String

    public init(title: String, language: String, urls: FeedURLs, homePageURL: String) {
        self.title = title
        self.language = language
        self.urls = urls
        self.homePageURL = homePageURL
    }
}

/// Writes an OPML 2.0 subscription list (opml.org/spec2.opml) of feeds.
///
/// Each feed is one `<outline type="rss">` whose `xmlUrl` is its RSS 2.0 URL. Readers subscribe to every
/// outline they import, so listing the Atom and JSON documents too would subscribe people to each issue
/// three times; RSS is the format every reader imports. The other formats stay discoverable from the feeds.
public enum OPMLWriter {
    /// The UTF-8 bytes of the OPML document; `dateCreated` is written as given (never the clock).
    public static func write(title: String, outlines: [OPMLOutline], dateCreated: Date) throws -> [UInt8] {
        try XMLTextWriter.document { xml in
            try xml.element("opml", ["version": "2.0"]) {
                try xml.element("head") {
                    try xml.element("title", text: title)
                    try xml.element("dateCreated", text: FeedDate.rfc822(dateCreated))
                    try xml.element("docs", text: "http://opml.org/spec2.opml")
                }
                try xml.element("body") {
                    for outline in outlines { try writeOutline(outline, to: xml) }
                }
            }
        }
    }

    /// OPML 2.0, "Subscription lists": "A subscription list is a possibly multiple-level list of subscriptions
    /// to feeds. Each sub-element of the body of the OPML document is a node of type rss [...]. Required
    /// attributes: type, text and xmlUrl. [...] Optional attributes: description, htmlUrl, language, title,
    /// version."
    private static func writeOutline(_ outline: OPMLOutline, to xml: XMLTextWriter) throws {
        try xml.element(
            "outline",
            [
                "type": "rss", "version": "RSS2", "text": outline.title, "title": outline.title,
                "xmlUrl": outline.urls.rss, "htmlUrl": outline.homePageURL, "language": outline.language,
            ]
        )
    }
}
