import FeedgenCore
import Foundation

/// What a post's Liquid can read besides its own front matter: the site, its includes and its posts' URLs.
///
/// Loaded by the runtime (`_config.yml`, `_data`, `_includes`, the posts) and passed in, so evaluation
/// does no I/O.
public struct LiquidEnvironment: Sendable {
    /// `site`: the configuration's keys, `data`, `posts`.
    public var site: LiquidObject
    /// The site's `_includes` files by path relative to `_includes` (`note.html`, `a/b.html`).
    public var includes: [String: String]
    /// `{% post_url NAME %}`: a post's file name without its extension (`2020-01-05-hello`) to its URL path.
    public var postURLs: [String: String]
    /// `{% link PATH %}`: a file's path from the site root (`_posts/2020-01-05-hello.md`) to its URL path.
    public var linkURLs: [String: String]
    /// The zone dates are shown in (`_config.yml` `timezone`).
    public var timeZone: TimeZone
    /// What `"now"` means to the `date` filter.
    public var now: Date
    /// Loop iterations one evaluation may run, all loops together.
    public var maxIterations = 100_000
    /// Bytes one evaluation may produce.
    public var maxOutputBytes = 16 << 20

    public init(
        site: LiquidObject = LiquidObject(), includes: [String: String] = [:], postURLs: [String: String] = [:],
        linkURLs: [String: String] = [:], timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        now: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.site = site
        self.includes = includes
        self.postURLs = postURLs
        self.linkURLs = linkURLs
        self.timeZone = timeZone
        self.now = now
    }

    /// `text` without the characters XML 1.0 forbids and without Unicode noncharacters (which stand for HTML
    /// kept from cmark while a post renders): what the texts Liquid reads (data files, includes, front matter)
    /// go through before they are parsed, so that nothing they hold can reach a feed or pose as such a piece.
    public static func removingForbiddenCharacters(_ text: String) -> String {
        TextCharacters.removingForbidden(from: text) { _, _ in }
    }

    /// `value` with `removingForbiddenCharacters` applied to its strings: YAML and JSON escapes (`"\x01"`)
    /// make characters the file's text did not hold.
    public static func removingForbiddenCharacters(_ value: LiquidValue) -> LiquidValue {
        value.mappingStrings { removingForbiddenCharacters($0) }
    }

    /// `site.url` (the origin of `siteURL`) and `site.baseurl` (empty) when the configuration has none, as Jekyll.
    public mutating func setDefaults(siteURL: String) {
        if site["url"] == nil {
            let origin = RenderContext.origin(of: siteURL)
            site["url"] = .string(origin)
        }
        if site["baseurl"] == nil { site["baseurl"] = .string("") }
    }

    /// `site` from `_config.yml`'s flattened scalars (`owner.name`), for contexts made without a full environment.
    static func site(fromFlattened variables: [String: String]) -> LiquidObject {
        var root = LiquidObject()
        for key in variables.keys.sorted() {
            let path = key.split(separator: ".").map(String.init)
            set(.string(variables[key]!), at: path[...], in: &root)
        }
        return root
    }

    private static func set(_ value: LiquidValue, at path: ArraySlice<String>, in object: inout LiquidObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var child: LiquidObject
        if case .object(let existing)? = object[first] { child = existing } else { child = LiquidObject() }
        set(value, at: path.dropFirst(), in: &child)
        object[first] = .object(child)
    }
}
