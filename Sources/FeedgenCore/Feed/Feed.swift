import Foundation

/// A link from an item to the same issue in another language.
public struct Translation: Hashable, Sendable {
    public var language: String
    public var url: String
    public var title: String

    public init(language: String, url: String, title: String) {
        self.language = language
        self.url = url
        self.title = title
    }
}

/// One entry of a feed, the same in every format.
public struct FeedItem: Sendable, Equatable {
    public var id: String
    public var url: String
    public var title: String
    /// Plain text.
    public var summary: String
    /// Empty when the feed carries summaries only (`excerpt_only`): the writers then leave the content out.
    public var contentHTML: String
    public var published: Date
    public var updated: Date
    public var authors: [Author]
    public var tags: [String]
    public var image: String?
    public var language: String
    /// The other languages of the same issue, sorted by language tag.
    public var translations: [Translation]
    /// Jekyll's categories of the post (its folders above `_posts`, and front matter `category`/`categories`).
    public var categories: [String] = []
    /// A wide picture for the top of the item (JSON Feed `banner_image`), absolute.
    public var bannerImage: String?
    /// A media file of the site that goes with the item (RSS `enclosure`), with its byte length.
    public var enclosure: Enclosure?

    /// The item's categories, then its tags, each once: what RSS and Atom write as `category` and JSON Feed as
    /// `tags` (jekyll-feed writes categories and tags alike as Atom categories).
    public var terms: [String] {
        var seen: Set<String> = []
        return (categories + tags).filter { seen.insert($0).inserted }
    }

    public init(
        id: String, url: String, title: String, summary: String, contentHTML: String, published: Date,
        updated: Date, authors: [Author], tags: [String], image: String?, language: String,
        translations: [Translation]
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.summary = summary
        self.contentHTML = contentHTML
        self.published = published
        self.updated = updated
        self.authors = authors
        self.tags = tags
        self.image = image
        self.language = language
        self.translations = translations
    }
}

/// A media file that goes with an item: RSS `<enclosure>`, Atom `<link rel="enclosure">`, a JSON Feed attachment.
public struct Enclosure: Sendable, Equatable {
    /// Absolute URL.
    public var url: String
    /// MIME type, e.g. `audio/mpeg`.
    public var type: String
    /// Size of the file in bytes.
    public var length: Int

    public init(url: String, type: String, length: Int) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// Where one feed is published: its own URL in each format, so each document can link to itself.
public struct FeedURLs: Sendable, Equatable {
    public var rss: String
    public var atom: String
    public var json: String

    public init(rss: String, atom: String, json: String) {
        self.rss = rss
        self.atom = atom
        self.json = json
    }
}

/// A feed document's place in its archive (RFC 5005, Feed Paging and Archiving).
public struct FeedPaging: Sendable, Equatable {
    /// The next older archive page (`prev-archive`; JSON Feed's `next_url`), nil when there is none.
    public var previousArchive: FeedURLs?
    /// For an archive page, the feed's current document (`current`); nil for the current document itself.
    public var current: FeedURLs?

    public init(previousArchive: FeedURLs? = nil, current: FeedURLs? = nil) {
        self.previousArchive = previousArchive
        self.current = current
    }

    /// Whether the document is an archive page, marked `fh:archive`: its content does not change.
    public var isArchive: Bool { current != nil }
}

/// One feed (a language, or all languages) before it is written in any format.
public struct Feed: Sendable, Equatable {
    /// Stable id of the feed itself (Atom `id`).
    public var id: String
    public var title: String
    public var description: String
    public var homePageURL: String
    /// BCP 47 tag; `mul` for the all-languages feed.
    public var language: String
    /// The newest `updated` of its items (never the clock, so builds are reproducible).
    public var updated: Date
    public var authors: [Author]
    public var urls: FeedURLs
    /// Newest first.
    public var items: [FeedItem]
    /// The site's pictures and rights statement (`_config.yml`).
    public var branding = SiteBranding()
    /// Links to the archive pages; none without an archive.
    public var paging = FeedPaging()
    /// How a reader should fetch the feed: where from, how often, and how a browser shows it.
    public var serving = FeedServing()

    public init(
        id: String, title: String, description: String, homePageURL: String, language: String, updated: Date,
        authors: [Author], urls: FeedURLs, items: [FeedItem]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.homePageURL = homePageURL
        self.language = language
        self.updated = updated
        self.authors = authors
        self.urls = urls
        self.items = items
    }
}

/// What a feed says about fetching it, besides its content: all optional, set by the build.
public struct FeedServing: Sendable, Equatable {
    /// Minutes a reader should wait between fetches (RSS `ttl`, `sy:updatePeriod`).
    public var pollMinutes: Int?
    /// WebSub hubs that push the feed's changes.
    public var hubs: [String] = []
    /// The XSL stylesheet a browser applies to the XML documents, relative to the document.
    public var stylesheet: String?

    public init(pollMinutes: Int? = nil, hubs: [String] = [], stylesheet: String? = nil) {
        self.pollMinutes = pollMinutes
        self.hubs = hubs
        self.stylesheet = stylesheet
    }

    /// The Syndication module's `sy:updatePeriod` and `sy:updateFrequency` for `pollMinutes`: hourly when the
    /// minutes divide an hour, else daily (the frequency rounded down, at least once a day).
    public var syndicationSchedule: (period: String, frequency: Int)? {
        guard let minutes = pollMinutes, minutes > 0 else { return nil }
        if 60 % minutes == 0 { return ("hourly", 60 / minutes) }
        return ("daily", max(1, 1440 / minutes))
    }
}
