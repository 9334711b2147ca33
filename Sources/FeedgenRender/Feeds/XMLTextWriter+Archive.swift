import FeedgenCore

extension XMLTextWriter {
    /// RFC 5005's namespace of `fh:archive`.
    static let feedHistoryNamespace = "http://purl.org/syndication/history/1.0"

    /// The document's RFC 5005 links, after its `self` link: `current` (on an archive page) and `prev-archive`,
    /// each to the same format (`url` picks it), then `<fh:archive/>` on an archive page (§4: "Archive documents
    /// [...] MUST contain an fh:archive element"). `element` is `link` in Atom and `atom:link` in RSS.
    func archiveLinks(_ paging: FeedPaging, as element: String, type: String, url: (FeedURLs) -> String) throws {
        if let current = paging.current {
            try self.element(element, ["rel": "current", "type": type, "href": url(current)])
        }
        if let previous = paging.previousArchive {
            try self.element(element, ["rel": "prev-archive", "type": type, "href": url(previous)])
        }
        if paging.isArchive { try self.element("fh:archive") }
    }
}
