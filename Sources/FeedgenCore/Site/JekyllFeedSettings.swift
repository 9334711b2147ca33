import Foundation

/// The `jekyll_feed:` keys: also publish the Atom document jekyll-feed published, with its path, its entry ids
/// and its own id, so a site switching from jekyll-feed shows its subscribers nothing old as new.
///
/// ```yaml
/// jekyll_feed:        # or `jekyll_feed: true` for every default
///   path: feed.xml    # default: _config.yml's feed.path, else feed.xml (jekyll-feed's defaults)
///   limit: 10         # default: _config.yml's feed.posts_limit, else 10
/// ```
public struct JekyllFeedSettings: Sendable, Equatable {
    public var path: String?
    public var limit: Int?

    public init(path: String? = nil, limit: Int? = nil) {
        self.path = path
        self.limit = limit
    }

    /// jekyll-feed's own default of `posts_limit`.
    public static let defaultLimit = 10

    /// The key and message of the first invalid value, if any.
    var problem: (key: String, message: String)? {
        if let limit, limit <= 0 { return ("limit", "'jekyll_feed.limit' must be positive, got \(limit)") }
        if let path, JekyllFeedSettings.relativePath(path) == nil {
            return ("path", "'jekyll_feed.path' must be a file path inside the output folder, got '\(path)'")
        }
        return nil
    }

    /// The document's path under the output folder (`feed.xml` for `/feed.xml`), or nil when it would leave it.
    public static func relativePath(_ path: String) -> String? {
        let trimmed = path.drop { $0 == "/" }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, !trimmed.hasSuffix("/"),
            !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else { return nil }
        return String(trimmed)
    }
}

extension JekyllFeedSettings: Decodable {
    enum CodingKeys: String, CodingKey { case path, limit }

    public init(from decoder: any Decoder) throws {
        if try takesDefaults(decoder) {
            self.init()
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try container.decodeIfPresent(String.self, forKey: .path),
            limit: try container.decodeIfPresent(Int.self, forKey: .limit))
    }
}

/// The `archive:` keys: the whole history as RFC 5005 archive pages of `page_size` posts, counted from the oldest.
///
/// ```yaml
/// archive:            # or `archive: true` for every default
///   page_size: 50
/// ```
public struct ArchiveSettings: Sendable, Equatable {
    public var pageSize: Int

    public static let defaultPageSize = 50

    public init(pageSize: Int = defaultPageSize) {
        self.pageSize = pageSize
    }
}

extension ArchiveSettings: Decodable {
    enum CodingKeys: String, CodingKey { case pageSize = "page_size" }

    public init(from decoder: any Decoder) throws {
        if try takesDefaults(decoder) {
            self.init()
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(pageSize: try container.decodeIfPresent(Int.self, forKey: .pageSize) ?? Self.defaultPageSize)
    }
}

/// Whether a key that takes a mapping says `true`, for every default; `false` is refused (leaving the key out
/// turns the feature off).
private func takesDefaults(_ decoder: any Decoder) throws -> Bool {
    guard let single = try? decoder.singleValueContainer(), let enabled = try? single.decode(Bool.self) else {
        return false
    }
    guard enabled else {
        throw DecodingError.dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "leave the key out to turn it off"))
    }
    return true
}
