import Foundation

/// The Atom document jekyll-feed published, kept for its subscribers (`jekyll_feed:` in the definitions): the
/// all-languages feed at jekyll-feed's path, with jekyll-feed's feed id and entry ids.
///
/// jekyll-feed 0.17 writes `<id>{{ page.url | absolute_url }}</id>` for the feed (its own URL) and
/// `<id>{{ post.id | absolute_url }}</id>` for each entry: the site's URL and Jekyll's document id, which is the
/// folder of the post's URL and its slug (`https://dair.ai/posts/NLP_Newsletter_#7_%5BFR%5D`). Readers know the
/// entries by these ids, so they are kept, at a price: unlike feedgen's `tag:` ids they change when the post's URL
/// does (a new permalink pattern, a category, a moved file).
public struct JekyllFeedDocument: Sendable {
    /// Where the document is written, relative to the output folder (`feed.xml`).
    public var path: String
    /// Where jekyll-feed published it, and its Atom id: `{url}{baseurl}/feed.xml`.
    public var url: String
    private var siteURL: String
    private var baseurl: String

    /// - Parameter siteVariables: `_config.yml` flattened (`feed.path`, `url`), as Liquid sees it.
    public init(settings: JekyllFeedSettings, site: SiteConfig, siteVariables: [String: String]) {
        path =
            (settings.path ?? siteVariables["feed.path"]).flatMap(JekyllFeedSettings.relativePath) ?? "feed.xml"
        // Jekyll joins `url` as written (a trailing slash included) with the baseurl and the path.
        siteURL = siteVariables["url"]?.trimmingCharacters(in: .whitespaces) ?? site.url
        baseurl = site.baseurl
        url = JekyllURLFilters.absoluteURL("/" + path, siteURL: siteURL, baseurl: baseurl)
    }

    /// Entries of the document: the definitions' `limit`, else `_config.yml`'s `feed.posts_limit`, else 10.
    public static func limit(_ settings: JekyllFeedSettings, siteVariables: [String: String]) -> Int {
        settings.limit ?? siteVariables["feed.posts_limit"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? JekyllFeedSettings.defaultLimit
    }

    /// `feed` (the all-languages feed of `posts`) with jekyll-feed's URL, feed id and entry ids.
    public func feed(_ feed: Feed, posts: [Post]) -> Feed {
        var feed = feed
        let documentIDs = Dictionary(posts.map { ($0.id, $0.documentID) }, uniquingKeysWith: { first, _ in first })
        feed.id = url
        feed.urls.atom = url
        for index in feed.items.indices {
            guard let documentID = documentIDs[feed.items[index].id] else { continue }
            feed.items[index].id = JekyllURLFilters.absoluteURL(documentID, siteURL: siteURL, baseurl: baseurl)
        }
        return feed
    }
}
