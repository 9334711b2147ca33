import Foundation

/// Which feed: the one holding every language, one language's, or the posts of one tag, category or author.
public enum FeedScope: Hashable, Sendable, Comparable {
    case all
    case language(String)
    case slice(FeedSlice)

    /// The folder of the feed under the output folder: "" for all languages, the lower-case tag (`pt-br`) for a
    /// language, `[LANG/]KIND/SLUG` for a slice (`fr/tags/nlp`).
    public var directory: String {
        switch self {
        case .all: ""
        case .language(let tag): tag.lowercased()
        case .slice(let slice): slice.directory
        }
    }

    /// How messages name the feed: `all-languages`, the tag, or the slice's folder.
    public var label: String {
        switch self {
        case .all: "all-languages"
        case .language(let tag): tag
        case .slice(let slice): slice.directory
        }
    }
}

/// What a slice of the posts is made by: a `tags`, `categories` or `authors` entry of the definitions' `slices:`;
/// or `collections`, a feed per Jekyll collection, whose documents are in no other feed.
public enum SliceKind: String, Sendable, Hashable, Comparable, CaseIterable {
    case tags, categories, authors, collections

    public static func < (lhs: SliceKind, rhs: SliceKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// How a feed title names one term: `tag`, `category`, `author`.
    public var singular: String {
        switch self {
        case .tags: "tag"
        case .categories: "category"
        case .authors: "author"
        case .collections: "collection"
        }
    }

    /// The terms of `post` this kind slices by: its tags, its categories, or its authors' names.
    public func terms(of post: Post) -> [String] {
        switch self {
        case .tags: post.tags
        case .categories: post.categories
        case .authors: post.authors.map(\.name)
        case .collections: post.collection.map { [$0] } ?? []
        }
    }
}

/// The posts of one term (a tag, say), in every language or in one.
///
/// Terms are told apart by their slug, Jekyll's `slugify` in its default mode (lower case, every run of characters
/// other than letters, marks and digits made one `-`, no `-` at either end): `NLP` and `nlp` are one feed.
public struct FeedSlice: Hashable, Sendable, Comparable {
    public var kind: SliceKind
    /// The folder name: the term's slug.
    public var slug: String
    /// The term as the posts write it (the first in code-point order when they spell it several ways).
    public var name: String
    /// The language tag, or nil for the slice of every language.
    public var language: String?

    public init(kind: SliceKind, slug: String, name: String, language: String? = nil) {
        self.kind = kind
        self.slug = slug
        self.name = name
        self.language = language
    }

    /// The slug of `term`; empty when nothing of it is a letter or digit.
    public static func slug(of term: String) -> String {
        Slugify.slugify(term)
    }

    /// `[lang/]KIND/SLUG`, the language lower-cased as in a language feed's folder.
    public var directory: String {
        (language.map { $0.lowercased() + "/" } ?? "") + kind.rawValue + "/" + slug
    }

    /// A slice named by its folder (`fr/tags/nlp`), as an earlier build wrote it; nil for any other folder.
    public init?(directory: String) {
        let parts = directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let kind = SliceKind(rawValue: parts[parts.count - 2]) else {
            return nil
        }
        self.init(kind: kind, slug: parts[parts.count - 1], name: parts[parts.count - 1])
        if parts.count == 3 { language = parts[0] }
    }

    public static func < (lhs: FeedSlice, rhs: FeedSlice) -> Bool {
        (lhs.language ?? "", lhs.kind, lhs.slug) < (rhs.language ?? "", rhs.kind, rhs.slug)
    }

    /// Whether `post` is in this slice.
    public func contains(_ post: Post) -> Bool {
        if let language, post.language != language { return false }
        return kind.terms(of: post).contains { Self.slug(of: $0) == slug }
    }
}

/// The posts one feed will carry, newest first.
public struct FeedSelection: Sendable {
    public var scope: FeedScope
    public var posts: [Post]
    /// True when the limit left posts out: older posts than the last one don't belong in this feed.
    public var isTruncated: Bool
    /// The feed's full archive pages, oldest first (page 1 first); empty without archives.
    public var archive: [ArchivePage] = []
    /// Whether items carry only their summary, not their content (jekyll-feed's `excerpt_only`).
    public var excerptOnly = false
}

/// One RFC 5005 archive document of a feed: page `number` holds the posts `(number - 1) * size ..< number * size`
/// of the feed counted from its oldest, so a new post never moves a post from one page to another.
public struct ArchivePage: Sendable {
    /// 1 for the oldest posts.
    public var number: Int
    /// Newest first, as in every feed document.
    public var posts: [Post]
}

/// Chooses the posts of every feed: which posts count, in what order, and how many.
public enum FeedPlanner {
    /// Posts that Jekyll would publish at `now`: none dated in the future unless `future` is set.
    public static func publishable(_ posts: [Post], now: Date, future: Bool) -> [Post] {
        future ? posts : posts.filter { $0.date <= now }
    }

    /// Newest first, as Jekyll lists `site.posts` (and so the site's index pages): by date, then by path, both
    /// descending. Jekyll 4.3 sorts with `Document#<=>` ("cmp = data["date"] <=> other.data["date"]; cmp = path <=>
    /// other.path if cmp.nil? || cmp.zero?") and `SiteDrop#posts` reverses it (`sort { |a, b| b <=> a }`). Ruby
    /// compares the paths' bytes, so this does too (not Swift's normalized `String` order). The order never depends
    /// on reading order.
    public static func newestFirst(_ lhs: Post, _ rhs: Post) -> Bool {
        lhs.date != rhs.date ? lhs.date > rhs.date : rhs.path.utf8.lexicographicallyPrecedes(lhs.path.utf8)
    }

    /// The all-languages feed first, then one per language in tag order.
    /// - Parameters:
    ///   - limit: items per feed; 0 means every post.
    ///   - limits: per-feed limits by language tag (or `all`), overriding `limit`.
    ///   - archivePageSize: posts per archive page, or nil for no archive (see `archived`).
    ///   - excerptOnly: whether the all-languages and language feeds carry summaries only.
    ///   - slices: the feeds per tag, category or author the definitions ask for, after the language feeds (see
    ///     `slices(of:kind:settings:languages:)`); their own `limit`, else `limit`, applies.
    public static func plan(
        _ posts: [Post], limit: Int, limits: [String: Int] = [:], archivePageSize: Int? = nil,
        excerptOnly: Bool = false, slices: [SliceKind: SliceSettings] = [:]
    ) -> [FeedSelection] {
        let everything = posts.sorted(by: newestFirst)
        let sorted = everything.filter { $0.collection == nil }
        let documents = everything.filter { $0.collection != nil }
        let languages = Set(everything.map(\.language)).sorted()
        let scopes: [FeedScope] = [.all] + Set(sorted.map(\.language)).sorted().map(FeedScope.language)
        let main = scopes.map { scope in
            let members = scope == .all ? sorted : sorted.filter { .language($0.language) == scope }
            let key = scope == .all ? "all" : scope.label
            var selection = select(
                members, scope: scope, limit: limits[key] ?? limits[key.lowercased()] ?? limit,
                archivePageSize: archivePageSize)
            selection.excerptOnly = excerptOnly
            return selection
        }
        let sliced = SliceKind.allCases.flatMap { kind -> [FeedSelection] in
            guard let settings = slices[kind] else { return [] }
            let members = kind == .collections ? documents : sorted
            return self.slices(of: members, kind: kind, settings: settings, languages: languages).map { slice in
                var selection = select(
                    members.filter(slice.contains), scope: .slice(slice), limit: settings.limit ?? limit,
                    archivePageSize: archivePageSize)
                selection.excerptOnly = settings.excerptOnly
                return selection
            }
        }
        return main + sliced
    }

    /// The newest `limit` of `members` (every one for 0), with their archive pages when there are archives.
    private static func select(_ members: [Post], scope: FeedScope, limit: Int, archivePageSize: Int?)
        -> FeedSelection
    {
        if let archivePageSize, limit > 0 {
            return archived(members, scope: scope, limit: limit, pageSize: archivePageSize)
        }
        let kept = limit > 0 ? Array(members.prefix(limit)) : members
        return FeedSelection(scope: scope, posts: kept, isTruncated: kept.count < members.count)
    }

    /// The slices of `kind` the posts make, in folder order: one per slug of every language, and one per slug and
    /// language when the site has several languages. A term whose slug is empty makes none; `settings.only` and
    /// `settings.except` choose terms by slug.
    static func slices(of posts: [Post], kind: SliceKind, settings: SliceSettings, languages: [String])
        -> [FeedSlice]
    {
        var names: [String: String] = [:]
        var languagesOf: [String: Set<String>] = [:]
        for post in posts {
            for term in kind.terms(of: post) {
                let slug = FeedSlice.slug(of: term)
                guard !slug.isEmpty, settings.admits(slug: slug) else { continue }
                if names[slug].map({ !$0.unicodeScalars.lexicographicallyPrecedes(term.unicodeScalars) }) ?? true {
                    names[slug] = term
                }
                languagesOf[slug, default: []].insert(post.language)
            }
        }
        var slices = names.map { FeedSlice(kind: kind, slug: $0.key, name: $0.value) }
        if languages.count > 1 {
            slices += names.flatMap { slug, name in
                languagesOf[slug, default: []].map { FeedSlice(kind: kind, slug: slug, name: name, language: $0) }
            }
        }
        return slices.sorted()
    }

    /// A feed and its archive (RFC 5005 §4): every full page of `pageSize` posts, counted from the oldest, is an
    /// archive page that never changes again; the current document carries the newest `limit` posts and at least
    /// every post not yet on a full page, so a reader walking back from it through `prev-archive` finds every post.
    /// A partial page is never published as an archive page, since archive pages must not change.
    /// - Parameter members: the feed's posts, newest first.
    static func archived(_ members: [Post], scope: FeedScope, limit: Int, pageSize: Int) -> FeedSelection {
        let oldestFirst = Array(members.reversed())
        let fullPages = oldestFirst.count / pageSize
        let pages = (0..<fullPages).map { page in
            ArchivePage(
                number: page + 1, posts: oldestFirst[page * pageSize..<(page + 1) * pageSize].reversed())
        }
        let current = Array(members.prefix(max(limit, oldestFirst.count - fullPages * pageSize)))
        return FeedSelection(scope: scope, posts: current, isTruncated: current.count < members.count, archive: pages)
    }
}
