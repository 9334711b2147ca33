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
    public static func plan(_ posts: [Post], limit: Int, limits: [String: Int] = [:]) -> [FeedSelection] {
        let sorted = posts.sorted(by: newestFirst)
        let languages = Set(sorted.map(\.language)).sorted()
        let scopes: [FeedScope] = [.all] + languages.map(FeedScope.language)
        return scopes.map { scope in
            let members = scope == .all ? sorted : sorted.filter { .language($0.language) == scope }
            let key = scope == .all ? "all" : scope.label
            let limit = limits[key] ?? limits[key.lowercased()] ?? limit
            let kept = limit > 0 ? Array(members.prefix(limit)) : members
            return FeedSelection(scope: scope, posts: kept, isTruncated: kept.count < members.count)
        }
    }
}
