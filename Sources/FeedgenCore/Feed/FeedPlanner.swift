import Foundation

/// Which feed: the one holding every language, or one language's.
public enum FeedScope: Hashable, Sendable, Comparable {
    case all
    case language(String)

    /// The folder of the feed under the output folder: "" for all languages, else the lower-case tag (`pt-br`).
    public var directory: String {
        switch self {
        case .all: ""
        case .language(let tag): tag.lowercased()
        }
    }

    /// How messages name the feed: `all-languages`, or the tag.
    public var label: String {
        switch self {
        case .all: "all-languages"
        case .language(let tag): tag
        }
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
    public static func plan(
        _ posts: [Post], limit: Int, limits: [String: Int] = [:], archivePageSize: Int? = nil
    ) -> [FeedSelection] {
        let sorted = posts.sorted(by: newestFirst)
        let languages = Set(sorted.map(\.language)).sorted()
        let scopes: [FeedScope] = [.all] + languages.map(FeedScope.language)
        return scopes.map { scope in
            let members = scope == .all ? sorted : sorted.filter { .language($0.language) == scope }
            let key = scope == .all ? "all" : scope.label
            let limit = limits[key] ?? limits[key.lowercased()] ?? limit
            if let archivePageSize, limit > 0 {
                return archived(members, scope: scope, limit: limit, pageSize: archivePageSize)
            }
            let kept = limit > 0 ? Array(members.prefix(limit)) : members
            return FeedSelection(scope: scope, posts: kept, isTruncated: kept.count < members.count)
        }
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
