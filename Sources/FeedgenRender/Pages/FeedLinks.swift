import FeedgenCore

/// The `<link rel="alternate">` tags that let a reader find every feed from the site's pages (autodiscovery),
/// as `feedgen links` prints them and the build writes them into `_includes/feedgen-links.html`.
public enum FeedLinks {
    /// Each format's media type with the feed's URL in it, in the order RSS, Atom, JSON Feed.
    public static func formats(of urls: FeedURLs) -> [(type: String, url: String)] {
        [("application/rss+xml", urls.rss), ("application/atom+xml", urls.atom), ("application/feed+json", urls.json)]
    }

    /// One line per feed and format, in the order of `outlines`. The all-languages feed (`mul`) has no
    /// `hreflang`: HTML wants a single language there.
    public static func html(_ outlines: [OPMLOutline]) -> String {
        var lines = ""
        for outline in outlines {
            let hreflang = outline.language == "mul" ? "" : " hreflang=\"\(HTMLEscape.escape(outline.language))\""
            for (type, url) in formats(of: outline.urls) {
                lines += "<link rel=\"alternate\" type=\"\(type)\"\(hreflang) "
                lines += "title=\"\(HTMLEscape.escape(outline.title))\" href=\"\(HTMLEscape.escape(url))\">\n"
            }
        }
        return lines
    }
}
