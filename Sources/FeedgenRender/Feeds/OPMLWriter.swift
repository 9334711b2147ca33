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

/// The feed format an OPML subscription list points to, and the file it is published as.
public enum OPMLFormat: CaseIterable, Sendable {
    case rss, atom, json

    /// The list's file name in the output folder: `feeds.opml` (RSS 2.0), `feeds-atom.opml`, `feeds-json.opml`.
    public var fileName: String {
        switch self {
        case .rss: "feeds.opml"
        case .atom: "feeds-atom.opml"
        case .json: "feeds-json.opml"
        }
    }

    /// The URL of the feed in this format.
    func url(in urls: FeedURLs) -> String {
        switch self {
        case .rss: urls.rss
        case .atom: urls.atom
        case .json: urls.json
        }
    }
}

/// Writes an OPML 2.0 subscription list (opml.org/spec2.opml) of feeds in one format.
///
/// Each feed is one `<outline type="rss">` whose `xmlUrl` is its URL in that format. Readers subscribe to every
/// outline they import, so one list holding the RSS, Atom and JSON documents would subscribe people to each issue
/// three times: there is one list per format, and a reader imports the one it prefers.
public enum OPMLWriter {
    /// The UTF-8 bytes of the OPML document listing `outlines` in `format`; `dateCreated` is written as given
    /// (never the clock).
    public static func write(
        title: String, outlines: [OPMLOutline], format: OPMLFormat, dateCreated: Date
    ) throws -> [UInt8] {
        try XMLTextWriter.document { xml in
            try xml.element("opml", ["version": "2.0"]) {
                try xml.element("head") {
                    try xml.element("title", text: title)
                    try xml.element("dateCreated", text: FeedDate.rfc822(dateCreated))
                    try xml.element("docs", text: "http://opml.org/spec2.opml")
                }
                try xml.element("body") {
                    for outline in outlines { try writeOutline(outline, format: format, to: xml) }
                }
            }
        }
    }

    /// OPML 2.0, "Subscription lists": "A subscription list is a possibly multiple-level list of subscriptions
    /// to feeds. Each sub-element of the body of the OPML document is a node of type rss [...]. Required
    /// attributes: type, text and xmlUrl. [...] Optional attributes: description, htmlUrl, language, title,
    /// version." The type is `rss` whatever the format (readers import only that type and read the format from
    /// the document); `version` ("RSS2") names an RSS version, so Atom and JSON Feed outlines leave it out.
    private static func writeOutline(_ outline: OPMLOutline, format: OPMLFormat, to xml: XMLTextWriter) throws {
        try xml.element("outline") {
            try xml.attribute("type", "rss")
            if format == .rss { try xml.attribute("version", "RSS2") }
            try xml.attribute("text", outline.title)
            try xml.attribute("title", outline.title)
            try xml.attribute("xmlUrl", format.url(in: outline.urls))
            try xml.attribute("htmlUrl", outline.homePageURL)
            try xml.attribute("language", outline.language)
        }
    }
}
