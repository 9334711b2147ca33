extension Feed {
    /// The feed without any URL that item HTML would not allow either (`URLSafety`): an author's unsafe
    /// `uri` and an item's unsafe `image` are left out, and so is a translation whose URL is unsafe.
    ///
    /// The feed's own URLs and the items' links are made from the site's `url` and the definitions'
    /// `base_url`, which must be http(s) URLs to be read at all.
    public func withSafeURLs() -> Feed {
        var feed = self
        feed.authors = authors.map(Self.safe)
        for index in feed.items.indices {
            feed.items[index].authors = feed.items[index].authors.map(Self.safe)
            if let image = feed.items[index].image, URLSafety.unsafeScheme(of: image) != nil {
                feed.items[index].image = nil
            }
            feed.items[index].translations.removeAll { URLSafety.unsafeScheme(of: $0.url) != nil }
        }
        return feed
    }

    private static func safe(_ author: Author) -> Author {
        guard let uri = author.uri, URLSafety.unsafeScheme(of: uri) != nil else { return author }
        var safe = author
        safe.uri = nil
        return safe
    }
}
