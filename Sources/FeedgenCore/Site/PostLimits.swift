/// What one post may cost: bytes of source, bytes of rendered HTML, and how much larger than its source the
/// HTML may grow. A post past a limit is an error; the feeds it belongs in keep their last good version.
///
/// The `post_limits:` keys of the definitions file:
///
/// ```yaml
/// post_limits:
///   source_bytes: 10000000   # the post's file
///   html_bytes: 10000000     # its rendered HTML
///   html_ratio: 50           # rendered HTML bytes per source byte, counted past the first 64 KiB of HTML
/// ```
public struct PostLimits: Sendable, Equatable, Decodable {
    public var sourceBytes: Int
    public var htmlBytes: Int
    public var htmlRatio: Int

    public static let defaultSourceBytes = 10_000_000
    public static let defaultHTMLBytes = 10_000_000
    public static let defaultHTMLRatio = 50
    /// HTML that any post may have whatever its ratio: a one-line post with an include is not a threat.
    public static let ratioFloor = 64 * 1024

    public init(
        sourceBytes: Int = defaultSourceBytes, htmlBytes: Int = defaultHTMLBytes, htmlRatio: Int = defaultHTMLRatio
    ) {
        self.sourceBytes = sourceBytes
        self.htmlBytes = htmlBytes
        self.htmlRatio = htmlRatio
    }

    enum CodingKeys: String, CodingKey {
        case sourceBytes = "source_bytes"
        case htmlBytes = "html_bytes"
        case htmlRatio = "html_ratio"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sourceBytes: try container.decodeIfPresent(Int.self, forKey: .sourceBytes) ?? Self.defaultSourceBytes,
            htmlBytes: try container.decodeIfPresent(Int.self, forKey: .htmlBytes) ?? Self.defaultHTMLBytes,
            htmlRatio: try container.decodeIfPresent(Int.self, forKey: .htmlRatio) ?? Self.defaultHTMLRatio)
    }

    /// The first limit that is not positive, as `(key, value)`, for the definitions file's error.
    public var invalid: (key: String, value: Int)? {
        for (key, value) in [("source_bytes", sourceBytes), ("html_bytes", htmlBytes), ("html_ratio", htmlRatio)]
        where value <= 0 {
            return (key, value)
        }
        return nil
    }

    /// The most HTML a post of `sourceBytes` may render to.
    public func maxHTMLBytes(forSource sourceBytes: Int) -> Int {
        let (byRatio, overflow) = sourceBytes.multipliedReportingOverflow(by: htmlRatio)
        return min(htmlBytes, max(Self.ratioFloor, overflow ? Int.max : byRatio))
    }

    /// Why a post is over a limit, worded once.
    public enum Exceeded: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file is longer than `limit` bytes (`bytes` is how much was read when it stopped, at least).
        case source(limit: Int)
        /// Rendering made more than `limit` bytes of HTML (`source` bytes of Markdown).
        case html(bytes: Int, limit: Int, source: Int, limits: PostLimits)

        public var description: String {
            switch self {
            case .source(let limit):
                return "the post is over the limit of \(limit) bytes of source (post_limits.source_bytes)"
            case .html(let bytes, let limit, let source, let limits):
                let key =
                    limit == limits.htmlBytes
                    ? "post_limits.html_bytes"
                    : "post_limits.html_ratio: \(limits.htmlRatio) times its \(source) bytes of source"
                return "the post renders to \(bytes) bytes of HTML, over the limit of \(limit) bytes (\(key))"
            }
        }
    }
}
