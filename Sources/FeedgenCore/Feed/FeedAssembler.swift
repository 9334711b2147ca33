import Foundation

/// A post's rendered HTML and plain-text summary.
public struct RenderedItem: Sendable, Equatable {
    public var html: String
    public var summary: String
    /// The summary made from the text when `summary` comes from the front-matter excerpt: used instead when the
    /// excerpt turns out to be another language's (`ExcerptCopies`).
    public var textSummary: String?

    public init(html: String, summary: String, textSummary: String? = nil) {
        self.html = html
        self.summary = summary
        self.textSummary = textSummary
    }
}

/// Builds `Feed` values from selected posts and their rendered content.
public struct FeedAssembler: Sendable {
    public var site: SiteConfig
    /// The public URL of the output folder, ending in `/`.
    public var baseURL: String
    /// Feed titles by language tag (`"all"` for the all-languages feed), overriding the default.
    public var titles: [String: String]

    public init(site: SiteConfig, baseURL: String, titles: [String: String] = [:]) {
        self.site = site
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.titles = titles
    }

    /// The default `feeds.base_url`: `{url}{baseurl}/feeds/`.
    public static func defaultBaseURL(for site: SiteConfig) -> String {
        site.url + site.baseurl + "/feeds/"
    }

    /// Where the three documents of `scope` are published.
    public func urls(for scope: FeedScope) -> FeedURLs {
        let folder = self.folder(of: scope)
        return FeedURLs(rss: folder + "rss.xml", atom: folder + "atom.xml", json: folder + "feed.json")
    }

    /// Where the three documents of archive page `number` of `scope` are published: `archive/N/` in the feed's folder.
    public func urls(for scope: FeedScope, archivePage number: Int) -> FeedURLs {
        let folder = self.folder(of: scope) + "archive/\(number)/"
        return FeedURLs(rss: folder + "rss.xml", atom: folder + "atom.xml", json: folder + "feed.json")
    }

    /// The URL of the feed's folder, ending in `/`; a slug's letters outside ASCII are percent-encoded.
    private func folder(of scope: FeedScope) -> String {
        guard !scope.directory.isEmpty else { return baseURL }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return baseURL + (scope.directory.addingPercentEncoding(withAllowedCharacters: allowed) ?? scope.directory)
            + "/"
    }

    /// The feed's title: the configured one, else the site title with the language's own name for itself.
    public func title(for scope: FeedScope) -> String {
        let siteTitle = site.title.isEmpty ? site.host : site.title
        switch scope {
        case .all:
            return titles["all"] ?? siteTitle
        case .language(let tag):
            if let title = titles[tag] ?? titles[tag.lowercased()] { return title }
            let name = Locale(identifier: tag).localizedString(forIdentifier: tag) ?? tag
            return "\(siteTitle) (\(name))"
        case .slice(let slice):
            let whole = title(for: slice.language.map(FeedScope.language) ?? .all)
            return "\(whole) — \(slice.kind.singular) \(slice.name)"
        }
    }

    /// `html` inside `<div dir="rtl">` when `language` is written right to left: readers show item content in
    /// their own direction, whatever the feed's language says, and an Arabic issue starts on the wrong side.
    static func directed(_ html: String, language: String) -> String {
        guard TextDirection(languageTag: language) == .rightToLeft else { return html }
        return "<div dir=\"rtl\">" + html + "</div>"
    }

    /// The current document of `selection`, or its archive page `page`, leaving out posts that have no rendered
    /// content. The current document links the newest archive page, each page the one before it and the current
    /// document; never the next newer page, which would change a full page whenever a page is added.
    public func feed(
        for selection: FeedSelection, page: ArchivePage? = nil, rendered: [String: RenderedItem],
        translations: [String: [Translation]]
    ) -> Feed {
        let items = (page?.posts ?? selection.posts).compactMap { post -> FeedItem? in
            guard let content = rendered[post.id] else { return nil }
            var item = FeedItem(
                id: post.id, url: post.url, title: post.title, summary: content.summary,
                contentHTML: selection.excerptOnly ? "" : Self.directed(content.html, language: post.language),
                published: post.date, updated: max(post.modified ?? post.date, post.date),
                authors: post.authors, tags: post.tags, image: post.image, language: post.language,
                translations: translations[post.id] ?? [])
            item.categories = post.categories
            item.bannerImage = post.bannerImage
            item.enclosure = post.enclosure
            return item
        }
        let current = self.urls(for: selection.scope)
        let urls = page.map { self.urls(for: selection.scope, archivePage: $0.number) } ?? current
        let previous = (page?.number ?? selection.archive.count + 1) - 1
        let paging = FeedPaging(
            previousArchive: previous > 0 ? self.urls(for: selection.scope, archivePage: previous) : nil,
            current: page == nil ? nil : current)
        let language: String
        switch selection.scope {
        case .all: language = "mul"
        case .language(let tag): language = tag
        case .slice(let slice): language = slice.language ?? "mul"
        }
        let owner = site.owner ?? Author(name: site.title.isEmpty ? site.host : site.title, uri: site.homePageURL)
        // The site's `description` (else its author's `bio`): none is better than the title again, which readers
        // show right under the title. RSS, which requires a description, still falls back to the title.
        var feed = Feed(
            id: urls.atom, title: title(for: selection.scope), description: site.description,
            homePageURL: site.homePageURL, language: language,
            updated: items.map(\.updated).max() ?? Date(timeIntervalSince1970: 0),
            authors: [owner], urls: urls, items: items
        )
        feed.branding = site.branding
        feed.paging = paging
        return feed.withSafeURLs()
    }
}
