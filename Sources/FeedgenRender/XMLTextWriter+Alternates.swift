import FeedgenCore

extension XMLTextWriter {
    /// The item's own page, then its translations, each a `rel="alternate"` link with its `hreflang`.
    ///
    /// `element` is `link` in Atom and `atom:link` in RSS. The item's own page comes first: most readers
    /// (SimplePie, FreshRSS) take the first alternate as the permalink. Translations are alternates too
    /// (RFC 4287 §4.2.7.2: "an alternate version of the resource"), and each has its own `hreflang`, so no two
    /// alternates share type and hreflang (§4.1.2).
    func alternateLinks(of item: FeedItem, as element: String) throws {
        try self.element(
            element, ["rel": "alternate", "type": "text/html", "hreflang": item.language, "href": item.url])
        for translation in item.translations {
            try self.element(
                element,
                [
                    "rel": "alternate", "type": "text/html", "hreflang": translation.language,
                    "href": translation.url, "title": translation.title,
                ]
            )
        }
    }
}
