import FeedgenCore

extension XMLTextWriter {
    /// The item's own page as its one `rel="alternate"` link, then each translation as a `rel="related"` link
    /// with its `hreflang` and `title`.
    ///
    /// `element` is `link` in Atom and `atom:link` in RSS. Translations are not alternates, though RFC 4287
    /// §4.2.7.2 would allow it ("an alternate version of the resource"): readers keep one alternate as the item's
    /// link, and not the same one (feedparser and newsboat take the last, SimplePie the first), so an entry with
    /// several opened another language's page. A reader knows only one meaning of `related` (§4.2.7.2: "a resource
    /// related to that described by the containing element") and never opens it as the item, while `hreflang`
    /// and `title` still tell a client that looks which language each page is in.
    func pageLinks(of item: FeedItem, as element: String) throws {
        try self.element(
            element, ["rel": "alternate", "type": "text/html", "hreflang": item.language, "href": item.url])
        for translation in item.translations {
            try self.element(
                element,
                [
                    "rel": "related", "type": "text/html", "hreflang": translation.language,
                    "href": translation.url, "title": translation.title,
                ]
            )
        }
    }
}
