import Foundation
import Yams

/// The feed definitions file (`feeds/feedgen.yml`): what to build from which site, and how.
///
/// ```yaml
/// site: example                 # the content repository, relative to this file
/// out: ../public/feeds          # where the feeds are written, relative to this file
/// base_url: https://example.org/feeds/   # public URL of `out` (default: {url}{baseurl}/feeds/)
/// limit: 20                     # items per feed, newest first; 0 means all
/// limits:                       # per feed, by language tag ("all" for the all-languages feed)
///   all: 50
/// summary_length: 300           # characters of the plain-text summary when a post has no excerpt
/// post_limits:                  # what one post may cost, see PostLimits
///   source_bytes: 10000000
/// archive:                      # RFC 5005 archive pages, see ArchiveSettings
///   page_size: 50
/// jekyll_feed:                  # jekyll-feed's /feed.xml kept for its subscribers, see JekyllFeedSettings
///   path: feed.xml
/// titles:                       # feed titles per language tag; "all" names the all-languages feed
///   fr: "Exemple (français)"
/// languages:                    # see LanguageRules
///   markers: [...]
/// issues:                       # see IssueRules
///   patterns: [...]
/// poll_minutes: 60              # how often readers should poll: RSS `ttl` and `sy:updatePeriod`
/// hub: https://hub.example/     # a WebSub hub: linked from every feed and told of every change
/// links_include: true           # also write SITE/_includes/feedgen-links.html (the `feedgen links` tags)
/// excerpt_only: false           # the all-languages and language feeds carry summaries, no content
/// slices:                       # feeds per tag, category or author, see SliceSettings
///   tags: { limit: 10, excerpt_only: true }
/// ```
/// Every key is optional.
public struct FeedDefinitions: Sendable, Equatable {
    public var site: String?
    public var out: String?
    public var baseURL: String?
    public var limit: Int
    /// Per-feed limits by language tag, or `all`; feeds not named use `limit`.
    public var limits: [String: Int]
    public var summaryLength: Int
    public var titles: [String: String]
    public var languages: LanguageRules
    public var issues: IssueRules
    /// The `digest:` keys: who the weekly digest mail is from and to.
    public var digest = DigestDefinitions()
    /// The `post_limits:` keys: bytes of source and of rendered HTML one post may have.
    public var postLimits = PostLimits()
    /// The `jekyll_feed:` keys: jekyll-feed's document, kept for its subscribers; nil when not asked for.
    public var jekyllFeed: JekyllFeedSettings?
    /// The `archive:` keys: RFC 5005 archive pages of every feed; nil when not asked for.
    public var archive: ArchiveSettings?
    /// The `poll_minutes:` key: how often a reader should fetch a feed; nil leaves the hints out.
    public var pollMinutes: Int?
    /// The `hub:` key: the URL of a WebSub hub.
    public var hub: String?
    /// The `links_include:` key: write the autodiscovery tags into the site's `_includes/feedgen-links.html`.
    public var linksInclude = false
    /// The `excerpt_only:` key: the all-languages and language feeds carry summaries and no content.
    public var excerptOnly = false
    /// The `slices:` keys: the feeds per tag, category or author asked for.
    public var slices: [SliceKind: SliceSettings] = [:]

    public static let defaultLimit = 20
    public static let defaultSummaryLength = 300

    public init(
        site: String? = nil, out: String? = nil, baseURL: String? = nil, limit: Int = defaultLimit,
        limits: [String: Int] = [:],
        summaryLength: Int = defaultSummaryLength, titles: [String: String] = [:],
        languages: LanguageRules = .defaults, issues: IssueRules = .defaults
    ) {
        self.site = site
        self.out = out
        self.baseURL = baseURL
        self.limit = limit
        self.limits = limits
        self.summaryLength = summaryLength
        self.titles = titles
        self.languages = languages
        self.issues = issues
    }

    /// Parses the YAML text of a definitions file.
    /// - Throws: `FeedDefinitionsError` with the line Yams reports.
    public static func parse(_ yaml: String) throws(FeedDefinitionsError) -> FeedDefinitions {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            let problem = YAMLProblem(error)
            throw FeedDefinitionsError(line: problem.line, message: "invalid YAML: \(problem.message)")
        }
        guard let node else { return FeedDefinitions() }
        let definitions: FeedDefinitions
        do {
            definitions = try YAMLDecoder().decode(FeedDefinitions.self, from: node)
        } catch let error as DecodingError {
            throw decodingProblem(error, in: node)
        } catch {
            throw FeedDefinitionsError(line: nil, message: String(describing: error))
        }
        /// The line of the value at `keys`, for a message about it.
        func line(_ keys: String...) -> Int? {
            YAMLProblem.line(of: keys.reduce(Optional(node)) { node, key in node?[key] })
        }
        guard definitions.limit >= 0 else {
            throw FeedDefinitionsError(
                line: line("limit"), message: "'limit' must be 0 (all) or more, got \(definitions.limit)")
        }
        if let (feed, value) = definitions.limits.first(where: { $0.value < 0 }) {
            throw FeedDefinitionsError(
                line: line("limits", feed), message: "'limits.\(feed)' must be 0 (all) or more, got \(value)")
        }
        guard definitions.summaryLength > 0 else {
            throw FeedDefinitionsError(line: line("summary_length"), message: "'summary_length' must be positive")
        }
        if let baseURL = definitions.baseURL, !["http", "https"].contains(URLSafety.scheme(of: baseURL) ?? "") {
            throw FeedDefinitionsError(
                line: line("base_url"), message: "'base_url' must be an absolute http(s) URL, got '\(baseURL)'")
        }
        if let minutes = definitions.pollMinutes, minutes <= 0 {
            throw FeedDefinitionsError(
                line: line("poll_minutes"), message: "'poll_minutes' must be positive, got \(minutes)")
        }
        if let hub = definitions.hub, !["http", "https"].contains(URLSafety.scheme(of: hub) ?? "") {
            throw FeedDefinitionsError(
                line: line("hub"), message: "'hub' must be an absolute http(s) URL, got '\(hub)'")
        }
        if let (key, message) = definitions.digest.problem {
            throw FeedDefinitionsError(line: line("digest", key), message: message)
        }
        if let (key, message) = definitions.jekyllFeed?.problem {
            throw FeedDefinitionsError(line: line("jekyll_feed", key), message: message)
        }
        if let pageSize = definitions.archive?.pageSize, pageSize <= 0 {
            throw FeedDefinitionsError(
                line: line("archive", "page_size"), message: "'archive.page_size' must be positive, got \(pageSize)")
        }
        if let (kind, settings) = definitions.slices.first(where: { ($0.value.limit ?? 0) < 0 }) {
            throw FeedDefinitionsError(
                line: line("slices", kind.rawValue, "limit"),
                message: "'slices.\(kind.rawValue).limit' must be 0 (all) or more, got \(settings.limit ?? 0)")
        }
        if let (key, value) = definitions.postLimits.invalid {
            throw FeedDefinitionsError(
                line: line("post_limits", key), message: "'post_limits.\(key)' must be positive, got \(value)")
        }
        return definitions
    }

    /// A decoding error as the user's words: the key, its line, what was expected and what was found; Swift's
    /// own description names types (`Expected to decode Int but found Scalar`).
    private static func decodingProblem(_ error: DecodingError, in root: Node) -> FeedDefinitionsError {
        func node(at path: [any CodingKey]) -> Node? {
            path.reduce(Optional(root)) { node, key in
                if let index = key.intValue, case .sequence(let items)? = node {
                    return items.indices.contains(index) ? items[index] : nil
                }
                return node?[key.stringValue]
            }
        }
        func named(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        func found(_ node: Node?) -> String {
            switch node {
            case .scalar(let scalar)?: "'\(scalar.string)'"
            case .sequence?: "a list"
            case .mapping?: "a mapping"
            default: "nothing"
            }
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let value = node(at: context.codingPath)
            return FeedDefinitionsError(
                line: YAMLProblem.line(of: value),
                message: "'\(named(context.codingPath))': expected \(expected(type)), found \(found(value))")
        case .keyNotFound(let key, let context):
            return FeedDefinitionsError(
                line: YAMLProblem.line(of: node(at: context.codingPath)),
                message: "'\(named(context.codingPath + [key]))': missing")
        case .dataCorrupted(let context):
            return FeedDefinitionsError(
                line: YAMLProblem.line(of: node(at: context.codingPath)),
                message: "'\(named(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return FeedDefinitionsError(line: nil, message: "\(error)")
        }
    }

    /// What a value of `type` looks like in YAML.
    private static func expected(_ type: Any.Type) -> String {
        let name = String(describing: type)
        return switch name {
        case "Int": "a whole number"
        case "Double": "a number"
        case "Bool": "true or false"
        case "String", "Scalar": "a single value"
        case _ where name.hasPrefix("Array") || name == "Sequence": "a list"
        case _ where name.hasPrefix("Dictionary") || name == "Mapping": "a mapping"
        default: "another kind of value"
        }
    }
}

extension FeedDefinitions: Decodable {
    enum CodingKeys: String, CodingKey {
        case site, out, limit, limits, titles, languages, issues, digest, archive, hub
        case jekyllFeed = "jekyll_feed"
        case pollMinutes = "poll_minutes"
        case linksInclude = "links_include"
        case excerptOnly = "excerpt_only"
        case slices
        case postLimits = "post_limits"
        case baseURL = "base_url"
        case summaryLength = "summary_length"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            site: try container.decodeIfPresent(String.self, forKey: .site),
            out: try container.decodeIfPresent(String.self, forKey: .out),
            baseURL: try container.decodeIfPresent(String.self, forKey: .baseURL),
            limit: try container.decodeIfPresent(Int.self, forKey: .limit) ?? Self.defaultLimit,
            limits: try container.decodeIfPresent([String: Int].self, forKey: .limits) ?? [:],
            summaryLength: try container.decodeIfPresent(Int.self, forKey: .summaryLength) ?? Self.defaultSummaryLength,
            titles: try container.decodeIfPresent([String: String].self, forKey: .titles) ?? [:],
            languages: try container.decodeIfPresent(LanguageRules.self, forKey: .languages) ?? .defaults,
            issues: try container.decodeIfPresent(IssueRules.self, forKey: .issues) ?? .defaults
        )
        digest = try container.decodeIfPresent(DigestDefinitions.self, forKey: .digest) ?? DigestDefinitions()
        postLimits = try container.decodeIfPresent(PostLimits.self, forKey: .postLimits) ?? PostLimits()
        jekyllFeed = try container.decodeIfPresent(JekyllFeedSettings.self, forKey: .jekyllFeed)
        archive = try container.decodeIfPresent(ArchiveSettings.self, forKey: .archive)
        pollMinutes = try container.decodeIfPresent(Int.self, forKey: .pollMinutes)
        hub = try container.decodeIfPresent(String.self, forKey: .hub)
        linksInclude = try container.decodeIfPresent(Bool.self, forKey: .linksInclude) ?? false
        excerptOnly = try container.decodeIfPresent(Bool.self, forKey: .excerptOnly) ?? false
        let slices = try container.decodeIfPresent([String: SliceSettings].self, forKey: .slices) ?? [:]
        for (key, settings) in slices {
            guard let kind = SliceKind(rawValue: key) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: [CodingKeys.slices],
                        debugDescription: "unknown slicing '\(key)' (known: tags, categories, authors, collections)"))
            }
            self.slices[kind] = settings
        }
    }
}

/// Why the feed definitions file could not be used.
public struct FeedDefinitionsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { message }
}
