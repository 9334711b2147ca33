import Foundation
import Yams

/// Turns the text of `_config.yml` and `_data/authors.yml` into a `SiteConfig`.
public enum SiteConfigParser {
    /// What the two files say, plus every scalar of `_config.yml` flattened for Liquid's `site.*`.
    public struct Result: Sendable {
        public var config: SiteConfig
        /// `"url"`, `"owner.name"`, ... for resolving `{{ site.X }}` in posts.
        public var siteVariables: [String: String]
    }

    /// Parses both files; `authorsYAML` is nil when the site has no `_data/authors.yml`.
    /// - Throws: `SiteConfigError` naming the file and line.
    public static func parse(configYAML: String, authorsYAML: String?) throws(SiteConfigError) -> Result {
        let root = try mapping(configYAML, file: .config)
        func string(_ key: String) -> String? {
            guard let value = root[key]?.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                return nil
            }
            return value
        }
        guard let rawURL = string("url") else {
            throw SiteConfigError(file: .config, line: nil, reason: .missingURL)
        }
        guard let components = URLComponents(string: rawURL), let scheme = components.scheme,
            ["http", "https"].contains(scheme.lowercased()), components.host?.isEmpty == false
        else {
            throw SiteConfigError(file: .config, line: root["url"]?.mark?.line, reason: .invalidURL(rawURL))
        }
        var timeZone = TimeZone(identifier: "UTC")!
        if let name = string("timezone") {
            guard let zone = TimeZone(identifier: name) else {
                throw SiteConfigError(file: .config, line: root["timezone"]?.mark?.line, reason: .unknownTimeZone(name))
            }
            timeZone = zone
        }
        let owner = (root["author"] ?? root["owner"]).flatMap(author(from:))
        var authors: [String: Author] = [:]
        if let authorsYAML {
            for (key, value) in try mapping(authorsYAML, file: .authors) {
                if let name = author(from: value) { authors[key] = name }
            }
        }
        let (polyglot, multipleLanguages) = languagePlugins(root)
        let url = trimmingTrailingSlashes(rawURL)
        let baseurl = normalizedBaseurl(string("baseurl") ?? "")
        var config = SiteConfig(
            url: url,
            baseurl: baseurl,
            title: string("title") ?? "",
            description: string("description") ?? text(root["author"]?["bio"] ?? root["owner"]?["bio"]) ?? "",
            branding: branding(root, siteURL: url, baseurl: baseurl),
            timeZone: timeZone,
            permalink: string("permalink") ?? "date",
            language: polyglot?.defaultLanguage ?? multipleLanguages?.languages.first ?? string("lang")
                ?? string("locale").map(languageOfLocale),
            owner: owner,
            authors: authors,
            polyglot: polyglot,
            multipleLanguages: multipleLanguages
        )
        (config.collections, config.collectionsDir) = collections(root)
        var variables: [String: String] = [:]
        flatten(.mapping(.init(root.map { (Node($0.key), $0.value) })), prefix: "", into: &variables)
        return Result(config: config, siteVariables: variables)
    }

    /// The `exclude:` list of `_config.yml`.
    /// The folders of posts that jekyll-multiple-languages-plugin reads (`_i18n/LANG/_posts`), for the site reader.
    public static func translatedPostFolders(_ configYAML: String) throws(SiteConfigError) -> [String] {
        languagePlugins(try mapping(configYAML, file: .config)).1?.postFolders ?? []
    }

    /// jekyll-polyglot's settings (`languages:` and `default_lang:`, unless `plugins:` names the other plugin),
    /// and jekyll-multiple-languages-plugin's (named in `plugins:`, with `languages:`).
    private static func languagePlugins(_ root: [String: Node]) -> (SiteConfig.Polyglot?, SiteConfig.MultipleLanguages?)
    {
        func string(_ key: String) -> String? {
            guard let value = root[key]?.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                return nil
            }
            return value
        }
        func flag(_ key: String) -> Bool { ["true", "yes", "on"].contains(string(key)?.lowercased() ?? "") }
        guard case .sequence(let list)? = root["languages"] else { return (nil, nil) }
        let languages = list.compactMap { $0.string?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let plugins = (root["plugins"] ?? root["gems"])?.array().compactMap(\.string) ?? []
        if plugins.contains("jekyll-multiple-languages-plugin"), !languages.isEmpty {
            let excluded = root["exclude_from_localizations"]?.array().compactMap(\.string) ?? []
            return (
                nil,
                SiteConfig.MultipleLanguages(
                    languages: languages, defaultInSubfolder: flag("default_locale_in_subfolder"),
                    translatesPosts: !excluded.contains("_posts"))
            )
        }
        guard let defaultLanguage = string("default_lang") else { return (nil, nil) }
        return (
            SiteConfig.Polyglot(
                languages: languages, defaultLanguage: defaultLanguage, languageFromPath: flag("lang_from_path")),
            nil
        )
    }

    /// The collections of `_config.yml` (a mapping of label to settings, or a list of labels), `posts` left out,
    /// and `collections_dir`.
    public static func collections(_ configYAML: String) throws(SiteConfigError) -> ([JekyllCollection], String) {
        collections(try mapping(configYAML, file: .config))
    }

    private static func collections(_ root: [String: Node]) -> ([JekyllCollection], String) {
        var directory = root["collections_dir"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
        while directory.hasPrefix("/") { directory.removeFirst() }
        while directory.hasSuffix("/") { directory.removeLast() }
        var collections: [JekyllCollection] = []
        switch root["collections"] {
        case .mapping(let entries)?:
            for (key, value) in entries {
                guard let label = key.string, !label.isEmpty, label != "posts" else { continue }
                let output = ["true", "yes", "on"].contains(value["output"]?.string?.lowercased() ?? "")
                let permalink = value["permalink"]?.string.flatMap { $0.isEmpty ? nil : $0 }
                collections.append(JekyllCollection(label: label, output: output, permalink: permalink))
            }
        case .sequence(let labels)?:
            for label in labels.compactMap(\.string) where !label.isEmpty && label != "posts" {
                collections.append(JekyllCollection(label: label))
            }
        default: break
        }
        return (collections.sorted { $0.label < $1.label }, directory)
    }

    public static func excludes(_ configYAML: String) throws(SiteConfigError) -> [String] {
        (try mapping(configYAML, file: .config))["exclude"]?.array().compactMap(\.string) ?? []
    }

    private static func mapping(_ yaml: String, file: SiteConfigError.File) throws(SiteConfigError) -> [String: Node] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error)
            throw SiteConfigError(file: file, line: problem.line, reason: .invalidYAML(problem.message))
        }
        switch node {
        case nil: return [:]
        case .mapping(let mapping)?:
            var result: [String: Node] = [:]
            for (key, value) in mapping { if let name = key.string { result[name] = value } }
            return result
        case let other?:
            throw SiteConfigError(file: file, line: other.mark?.line, reason: .notAMapping)
        }
    }

    /// The settings Jekyll themes keep their pictures in: `logo` (Minimal Mistakes, Chirpy's `avatar`, ...) and the
    /// avatar of the site (`avatar`), its author (`author.avatar`, Minimal Mistakes) or its owner (`owner.avatar`,
    /// HPSTR and So Simple), made absolute by `SiteImage`; `copyright`, else `rights`, as the feeds' rights.
    private static func branding(_ root: [String: Node], siteURL: String, baseurl: String) -> SiteBranding {
        func image(_ node: Node?) -> String? {
            text(node).flatMap { SiteImage.url($0, siteURL: siteURL, baseurl: baseurl) }
        }
        return SiteBranding(
            icon: image(root["avatar"]) ?? image(root["author"]?["avatar"]) ?? image(root["owner"]?["avatar"]),
            logo: image(root["logo"]),
            rights: text(root["copyright"]) ?? text(root["rights"]))
    }

    /// A scalar's text, trimmed; nil when it is absent, null, not a scalar or blank.
    private static func text(_ node: Node?) -> String? {
        guard case .scalar? = node, node?.null == nil,
            let value = node?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }

    /// An author is a name string, or a mapping with `name` and optionally `web`/`uri`/`url` and `email`.
    private static func author(from node: Node) -> Author? {
        if case .scalar = node, let name = node.string, !name.isEmpty { return Author(name: name) }
        guard let name = node["name"]?.string, !name.isEmpty else { return nil }
        let uri = (node["web"] ?? node["uri"] ?? node["url"])?.string.flatMap { $0.isEmpty ? nil : $0 }
        let email = node["email"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        return Author(name: name, uri: uri, email: email)
    }

    private static func flatten(_ node: Node, prefix: String, into variables: inout [String: String]) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                flatten(value, prefix: prefix.isEmpty ? name : "\(prefix).\(name)", into: &variables)
            }
        case .scalar(let scalar):
            if !prefix.isEmpty, node.null == nil { variables[prefix] = scalar.string }
        default:
            break
        }
    }

    private static func trimmingTrailingSlashes(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `locale` is a formatting locale (`en_US`); posts are written in its language (`en`), not its region.
    static func languageOfLocale(_ locale: String) -> String {
        String(locale.split(whereSeparator: { $0 == "_" || $0 == "-" }).first ?? Substring(locale)).lowercased()
    }

    /// Jekyll sites write `baseurl: ""`, `"/"` or `"/blog"`; feedgen keeps `""` or `/blog`.
    static func normalizedBaseurl(_ baseurl: String) -> String {
        let trimmed = trimmingTrailingSlashes(baseurl)
        if trimmed.isEmpty { return "" }
        return trimmed.hasPrefix("/") ? trimmed : "/" + trimmed
    }
}

/// Why `_config.yml` or `_data/authors.yml` could not be used, and where.
public struct SiteConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum File: String, Sendable {
        case config = "_config.yml"
        case authors = "_data/authors.yml"
    }

    public enum Reason: Equatable, Sendable {
        case invalidYAML(String)
        case notAMapping
        case missingURL
        case invalidURL(String)
        case unknownTimeZone(String)
    }

    public var file: File
    public var line: Int?
    public var reason: Reason

    public init(file: File, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .invalidYAML(let message): "invalid YAML: \(message)"
        case .notAMapping: "expected a mapping of 'key: value' lines"
        case .missingURL: "no 'url' (feeds need absolute links, e.g. url: https://example.org)"
        case .invalidURL(let url): "'url' must be an absolute http(s) URL, got '\(url)'"
        case .unknownTimeZone(let name): "unknown 'timezone' '\(name)' (use an IANA name such as Europe/Paris)"
        }
    }
}
