import FeedgenCore
import FeedgenRender
import Foundation

extension SiteReader {
    /// The texts of every file under `folder` (e.g. `_data`), by path relative to it; hidden files and
    /// symbolic links are skipped, files past `maxBytes` or not text are reported and left out.
    static func readTree(_ root: URL, folder: String, maxBytes: Int = 8 << 20) -> (
        files: [String: String], diagnostics: [Diagnostic]
    ) {
        var files: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let base = root.appending(path: folder)
        guard
            let enumerator = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey],
                options: [.skipsHiddenFiles])
        else { return ([:], []) }
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey])
            guard values?.isSymbolicLink != true, values?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
            if let size = values?.fileSize, size > maxBytes {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: FileLocation(path: "\(folder)/\(relative)"),
                        "larger than \(maxBytes) bytes; not read for Liquid"))
                continue
            }
            do {
                files[relative] = LiquidEnvironment.removingForbiddenCharacters(try readText(url))
            } catch {
                diagnostics.append(Diagnostic(.warning, at: FileLocation(path: "\(folder)/\(relative)"), error.reason))
            }
        }
        return (files, diagnostics)
    }

    /// The files of `_data` and `_includes`, as read for Liquid.
    public struct LiquidFiles: Sendable {
        public var data: [String: String]
        public var includes: [String: String]
        public var diagnostics: [Diagnostic]

        /// What the files say, for knowing when renderings made with them are stale.
        public var fingerprint: String {
            (data.sorted { $0.key < $1.key } + includes.sorted { $0.key < $1.key })
                .map { "\($0.key)\u{0}\($0.value)" }.joined(separator: "\u{0}")
        }
    }

    /// Reads `_data` and `_includes` under `root`.
    public static func readLiquidFiles(root: URL) -> LiquidFiles {
        let data = readTree(root, folder: "_data")
        let includes = readTree(root, folder: "_includes")
        return LiquidFiles(
            data: data.files, includes: includes.files, diagnostics: data.diagnostics + includes.diagnostics)
    }

    /// What posts' Liquid reads: `site` (`_config.yml`, `_data`, `site.posts`), `_includes`, and the URLs
    /// `post_url` and `link` resolve to; with the problems of the data files.
    public static func liquidEnvironment(
        site: Site, config: SiteConfig, posts: [Post], now: Date, files: LiquidFiles? = nil
    ) -> (environment: LiquidEnvironment, diagnostics: [Diagnostic]) {
        let files = files ?? readLiquidFiles(root: site.root)
        var object = LiquidObject()
        let configYAML = LiquidEnvironment.removingForbiddenCharacters(site.configYAML)
        let parsedConfiguration = (try? LiquidValue.parseYAML(configYAML)) ?? .null
        if case .object(let configuration) = LiquidEnvironment.removingForbiddenCharacters(parsedConfiguration) {
            object = configuration
        }
        object["url"] = .string(config.url)
        object["baseurl"] = .string(config.baseurl)
        let data = SiteData.parse(files: files.data)
        object["data"] = LiquidEnvironment.removingForbiddenCharacters(data.data)
        let prefix = config.url + config.baseurl
        let newestFirst = posts.sorted { ($0.date, $0.path) > ($1.date, $1.path) }
        object["posts"] = .array(newestFirst.map { $0.liquidValue(sitePrefix: prefix) })
        object["time"] = .date(now)
        var postURLs: [String: String] = [:]
        var linkURLs: [String: String] = [:]
        for post in posts {
            let path = post.url.hasPrefix(prefix) ? String(post.url.dropFirst(prefix.count)) : post.url
            let name = (post.path as NSString).lastPathComponent
            let stem = (name as NSString).deletingPathExtension
            postURLs[stem] = path
            linkURLs[post.path] = path
        }
        var environment = LiquidEnvironment(
            site: object, includes: files.includes, postURLs: postURLs, linkURLs: linkURLs,
            timeZone: config.timeZone, now: now)
        environment.setDefaults(siteURL: prefix)
        return (environment, files.diagnostics + data.diagnostics)
    }
}
