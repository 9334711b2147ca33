import Foundation

/// Identifies one newsletter issue across its translations: a series (the post's first tag, or empty) and a number.
public struct IssueKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var series: String
    public var number: Int

    public init(series: String, number: Int) {
        self.series = series
        self.number = number
    }

    public static func < (lhs: IssueKey, rhs: IssueKey) -> Bool {
        (lhs.series, lhs.number) < (rhs.series, rhs.number)
    }

    public var description: String { series.isEmpty ? "#\(number)" : "\(series) #\(number)" }
}

/// A post with everything its feed items need except its body, which is read again only when rendered.
public struct Post: Sendable {
    /// Path relative to the site root, e.g. `posts/_posts/2020-03-16-x.md`.
    public var path: String
    /// The file name's title part as written, e.g. `NLP_Newsletter_NLP_7` (Jekyll's `slug` before slugifying).
    public var slug: String
    public var date: Date
    /// Front matter `last_modified_at`/`modified` when set, else nil.
    public var modified: Date?
    public var title: String
    public var categories: [String]
    public var tags: [String]
    public var authors: [Author]
    /// Front matter `excerpt` when it is not blank.
    public var excerpt: String?
    /// Absolute URL of the front-matter image, if any.
    public var image: String?
    /// BCP 47 tag, e.g. `pt-BR`.
    public var language: String
    public var issue: IssueKey?
    /// What else makes posts translations of each other (see `TranslationLinker.Candidate.keys`).
    public var translationKeys: [String]
    /// Absolute URL, byte-identical to the one Jekyll gives the post.
    public var url: String
    /// Stable id (`tag:` URI) that does not change when the post moves.
    public var id: String
    /// 1-based line of the file where the body (after the front matter) starts.
    public var bodyLine: Int
    /// Absolute URL of a wide picture the post names for its top (`banner`, `image.feature`, `header.image`,
    /// `header.overlay_image`).
    public var bannerImage: String?
    /// The media file the front matter names (`MediaFile`), before its length is known.
    public var media: MediaFile?
    /// The media file with its length, once read from the site (by the caller that reads files).
    public var enclosure: Enclosure?
    /// Jekyll's `post.id`, relative to the site (`/posts/NLP_Newsletter_#7_[FR]`): what jekyll-feed's entry ids
    /// are made of (see `JekyllURLFilters.documentID`).
    public var documentID: String
    /// The label of the Jekyll collection the document belongs to, or nil for a post (`_posts`).
    public var collection: String?

    public init(
        path: String, slug: String, date: Date, modified: Date? = nil, title: String, categories: [String] = [],
        tags: [String] = [], authors: [Author] = [], excerpt: String? = nil, image: String? = nil,
        language: String, issue: IssueKey? = nil, translationKeys: [String] = [], url: String, id: String,
        bodyLine: Int = 1, documentID: String = ""
    ) {
        self.path = path
        self.slug = slug
        self.date = date
        self.modified = modified
        self.title = title
        self.categories = categories
        self.tags = tags
        self.authors = authors
        self.excerpt = excerpt
        self.image = image
        self.language = language
        self.issue = issue
        self.translationKeys = translationKeys
        self.url = url
        self.id = id
        self.bodyLine = bodyLine
        self.documentID = documentID
    }
}
