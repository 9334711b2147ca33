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
/// titles:                       # feed titles per language tag; "all" names the all-languages feed
///   fr: "Exemple (français)"
/// languages:                    # see LanguageRules
///   markers: [...]
/// issues:                       # see IssueRules
///   patterns: [...]
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
        } catch let error as YamlError {
            throw FeedDefinitionsError(line: yamlLine(error), message: "invalid YAML: \(error)")
        } catch {
            throw FeedDefinitionsError(line: nil, message: "invalid YAML: \(error)")
        }
        guard let node else { return FeedDefinitions() }
        let definitions: FeedDefinitions
        do {
            definitions = try YAMLDecoder().decode(FeedDefinitions.self, from: node)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw FeedDefinitionsError(line: nil, message: "'\(path)': \(context.debugDescription)")
        } catch {
            throw FeedDefinitionsError(line: nil, message: String(describing: error))
        }
        guard definitions.limit >= 0 else {
            throw FeedDefinitionsError(line: nil, message: "'limit' must be 0 (all) or more, got \(definitions.limit)")
        }
        if let (feed, value) = definitions.limits.first(where: { $0.value < 0 }) {
            throw FeedDefinitionsError(line: nil, message: "'limits.\(feed)' must be 0 (all) or more, got \(value)")
        }
        guard definitions.summaryLength > 0 else {
            throw FeedDefinitionsError(line: nil, message: "'summary_length' must be positive")
        }
        if let baseURL = definitions.baseURL, !["http", "https"].contains(URLSafety.scheme(of: baseURL) ?? "") {
            throw FeedDefinitionsError(
                line: nil, message: "'base_url' must be an absolute http(s) URL, got '\(baseURL)'")
        }
        if let problem = definitions.digest.problem { throw FeedDefinitionsError(line: nil, message: problem) }
        if let (key, value) = definitions.postLimits.invalid {
            throw FeedDefinitionsError(line: nil, message: "'post_limits.\(key)' must be positive, got \(value)")
        }
        return definitions
    }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }
}

extension FeedDefinitions: Decodable {
    enum CodingKeys: String, CodingKey {
        case site, out, limit, limits, titles, languages, issues, digest
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
