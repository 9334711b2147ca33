import Clibxml2
import FeedgenCore

extension XMLTextWriter {
    /// The Syndication module's namespace (`sy:`), for the polling hints of RSS.
    static let syndicationNamespace = "http://purl.org/rss/1.0/modules/syndication/"

    /// `<?xml-stylesheet type="text/xsl" href="..."?>` before the root element, when the feed names a
    /// stylesheet: a browser that applies XSLT shows the feed as a page instead of raw XML.
    func stylesheet(of serving: FeedServing) throws {
        guard let href = serving.stylesheet else { return }
        let content = "type=\"text/xsl\" href=\"\(href.replacingOccurrences(of: "\"", with: "%22"))\""
        try check("xmlTextWriterWritePI") {
            "xml-stylesheet".withCString(encodedAs: UTF8.self) { target in
                content.withCString(encodedAs: UTF8.self) { xmlTextWriterWritePI(writer, target, $0) }
            }
        }
    }

    /// A `rel="hub"` link for each WebSub hub (`element` is `link` in Atom and `atom:link` in RSS).
    func hubLinks(of serving: FeedServing, as element: String) throws {
        for hub in serving.hubs { try self.element(element, ["rel": "hub", "href": hub]) }
    }

    /// RSS `ttl` (minutes) and the Syndication module's `sy:updatePeriod` and `sy:updateFrequency`, the same
    /// interval as the `Cache-Control: max-age` the server sends.
    func pollingHints(of serving: FeedServing) throws {
        guard let minutes = serving.pollMinutes, let schedule = serving.syndicationSchedule else { return }
        try element("ttl", text: String(minutes))
        try element("sy:updatePeriod", text: schedule.period)
        try element("sy:updateFrequency", text: String(schedule.frequency))
    }
}
