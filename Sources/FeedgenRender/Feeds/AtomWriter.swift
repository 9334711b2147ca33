import FeedgenCore
import Foundation

/// Writes a `Feed` as an Atom 1.0 document (RFC 4287), with Media RSS for item pictures.
public enum AtomWriter {
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// The UTF-8 bytes of the Atom document; `generator` names the program, e.g. `feedgen 1.0`.
    public static func write(_ feed: Feed, generator: String) throws -> [UInt8] {
        try XMLTextWriter.document { xml in
            try xml.stylesheet(of: feed.serving)
            try xml.element("feed") {
                try xml.attribute("xmlns", atomNamespace)
                try xml.namespace("media", RSSWriter.mediaNamespace)
                if feed.paging.isArchive { try xml.namespace("fh", XMLTextWriter.feedHistoryNamespace) }
                try xml.attribute("xml:lang", feed.language)
                try xml.element("id", text: feed.id)
                try xml.element("title", ["type": "text"], text: feed.title)
                if !feed.description.isEmpty {
                    try xml.element("subtitle", ["type": "text"], text: feed.description)
                }
                try xml.element("updated", text: FeedDate.rfc3339(feed.updated))
                try xml.element("link", ["rel": "self", "type": "application/atom+xml", "href": feed.urls.atom])
                try xml.archiveLinks(feed.paging, as: "link", type: "application/atom+xml", url: \.atom)
                try xml.element("link", ["rel": "alternate", "type": "text/html", "href": feed.homePageURL])
                try xml.hubLinks(of: feed.serving, as: "link")
                // RFC 4287 §4.1.1: "atom:feed elements MUST contain one or more atom:author elements, unless
                // all of the atom:feed element's child atom:entry elements contain at least one atom:author
                // element." Entries without authors inherit these.
                for author in feed.authors { try writePerson(author, to: xml) }
                try xml.element("generator", text: generator)
                // RFC 4287 §4.2.5, §4.2.8: icon "SHOULD have an aspect ratio of one (horizontal) to one
                // (vertical)", logo "SHOULD have an aspect ratio of 2 (horizontal) to 1 (vertical)": the site's
                // avatar and logo, each only where it is.
                if let icon = feed.branding.icon { try xml.element("icon", text: icon) }
                if let logo = feed.branding.logo { try xml.element("logo", text: logo) }
                if let rights = feed.branding.rights { try xml.element("rights", ["type": "text"], text: rights) }
                for item in feed.items { try writeEntry(item, feedLanguage: feed.language, to: xml) }
            }
        }
    }

    /// One `<entry>`; `xml:lang` only when its language is not the feed's (as in the all-languages feed).
    private static func writeEntry(_ item: FeedItem, feedLanguage: String, to xml: XMLTextWriter) throws {
        try xml.element("entry") {
            if item.language != feedLanguage { try xml.attribute("xml:lang", item.language) }
            try xml.element("id", text: item.id)
            try xml.element("title", ["type": "text"], text: item.title)
            try xml.pageLinks(of: item, as: "link")
            if let enclosure = item.enclosure {
                // RFC 4287 §4.2.7.2: "enclosure" signifies "a related resource that is potentially large in size".
                try xml.element(
                    "link",
                    [
                        "rel": "enclosure", "type": enclosure.type, "length": String(enclosure.length),
                        "href": enclosure.url,
                    ])
            }
            try xml.element("published", text: FeedDate.rfc3339(item.published))
            try xml.element("updated", text: FeedDate.rfc3339(item.updated))
            for author in item.authors { try writePerson(author, to: xml) }
            for term in item.terms { try xml.element("category", ["term": term]) }
            if !item.summary.isEmpty { try xml.element("summary", ["type": "text"], text: item.summary) }
            if !item.contentHTML.isEmpty { try xml.element("content", ["type": "html"], text: item.contentHTML) }
            // Atom has no picture element; RFC 4287 §6.4 lets entries carry foreign (Media RSS) elements.
            if let image = item.image { try RSSWriter.writeImage(image, to: xml) }
        }
    }

    /// `<author>` with name, and uri and email when known (RFC 4287 §3.2).
    private static func writePerson(_ author: Author, to xml: XMLTextWriter) throws {
        try xml.element("author") {
            try xml.element("name", text: author.name)
            if let uri = author.uri { try xml.element("uri", text: uri) }
            if let email = author.email { try xml.element("email", text: email) }
        }
    }
}
