import Foundation

/// One entry of the definitions' `slices:` (`tags:`, `categories:` or `authors:`): a feed per term.
///
/// ```yaml
/// slices:
///   tags: { limit: 10, excerpt_only: true, except: [misc] }
///   categories: {}
/// ```
public struct SliceSettings: Sendable, Equatable, Decodable {
    /// Items per feed; nil uses the definitions' `limit`.
    public var limit: Int?
    /// Items carry their summary and no content (jekyll-feed's `excerpt_only`).
    public var excerptOnly = false
    /// Only these terms, compared by slug; nil for every term.
    public var only: [String]?
    /// Never these terms, compared by slug.
    public var except: [String] = []

    public init(limit: Int? = nil, excerptOnly: Bool = false, only: [String]? = nil, except: [String] = []) {
        self.limit = limit
        self.excerptOnly = excerptOnly
        self.only = only
        self.except = except
    }

    enum CodingKeys: String, CodingKey {
        case limit, only, except
        case excerptOnly = "excerpt_only"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        excerptOnly = try container.decodeIfPresent(Bool.self, forKey: .excerptOnly) ?? false
        only = try container.decodeIfPresent([String].self, forKey: .only)
        except = try container.decodeIfPresent([String].self, forKey: .except) ?? []
    }

    /// Whether the term of `slug` gets a feed.
    public func admits(slug: String) -> Bool {
        let slugs = { (terms: [String]) in terms.map(FeedSlice.slug(of:)) }
        return (only.map { slugs($0).contains(slug) } ?? true) && !slugs(except).contains(slug)
    }
}
