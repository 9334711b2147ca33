import FeedgenCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a Jekyll site's configuration and post files on disk.
public enum SiteReader {
    /// The site's configuration text and the paths of its post files.
    public struct Site: Sendable {
        public var root: URL
        public var configYAML: String
        public var authorsYAML: String?
        /// Post files relative to `root`, `/`-separated, sorted.
        public var postPaths: [String]
    }

    /// Reads `_config.yml` and `_data/authors.yml` and lists every file in every `_posts` folder.
    ///
    /// Jekyll's `Reader#read_directories` walks every folder whose name does not start with `.`, `_`, `#` or
    /// `~` (nor ends with `~`) and is not in `exclude:`, and reads the posts of each `_posts` folder found there,
    /// subfolders included (`_drafts` are not posts). Symbolic links are skipped, as Jekyll does.
    public static func read(root: URL) throws(SiteReadError) -> Site {
        let configURL = root.appending(path: "_config.yml")
        guard FileManager.default.fileExists(atPath: root.path) else { throw .missingSite(root.path) }
        let configYAML: String
        do {
            configYAML = try readText(configURL)
        } catch {
            throw .unreadable(configURL.path, String(describing: error))
        }
        let authorsURL = root.appending(path: "_data/authors.yml")
        var authorsYAML: String?
        if FileManager.default.fileExists(atPath: authorsURL.path) {
            do {
                authorsYAML = try readText(authorsURL)
            } catch {
                throw .unreadable(authorsURL.path, String(describing: error))
            }
        }
        let excluded = excludedPatterns(configYAML)
        var paths: [String] = []
        collectPosts(in: root, relative: "", excluded: excluded, into: &paths)
        return Site(root: root, configYAML: configYAML, authorsYAML: authorsYAML, postPaths: paths.sorted())
    }

    /// Whether Jekyll skips an entry of this name (`EntryFilter#special?` and `#backup?`).
    static func isSpecial(_ name: String) -> Bool {
        guard let first = name.first else { return true }
        return first == "." || first == "_" || first == "#" || first == "~" || name.hasSuffix("~")
    }

    private static func collectPosts(
        in directory: URL, relative: String, excluded: [String], into paths: inout [String]
    ) {
        let postsFolder = relative.isEmpty ? "_posts" : relative + "/_posts"
        listFiles(directory.appending(path: "_posts"), relative: postsFolder, into: &paths)
        for name in entries(of: directory) where !isSpecial(name) {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard !excluded.contains(where: { matches(pattern: $0, path: path) }) else { continue }
            let url = directory.appending(path: name)
            if isDirectory(url) { collectPosts(in: url, relative: path, excluded: excluded, into: &paths) }
        }
    }

    /// Every regular file under a `_posts` folder, skipping special names as Jekyll's `EntryFilter` does.
    private static func listFiles(_ directory: URL, relative: String, into paths: inout [String]) {
        for name in entries(of: directory) where !isSpecial(name) {
            let url = directory.appending(path: name)
            let path = relative + "/" + name
            if isDirectory(url) {
                listFiles(url, relative: path, into: &paths)
            } else if isRegularFile(url) {
                paths.append(path)
            }
        }
    }

    private static func entries(of directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []
    }

    /// The file type bits of `lstat`, so links are neither files nor folders (Jekyll skips them too).
    /// FileManager's `attributesOfItem` also looks up the owner's name in /etc/passwd and /etc/group for every
    /// file: on a 10,000-post site that was 40,000 extra file reads.
    private static func fileType(_ url: URL) -> mode_t? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private static func isDirectory(_ url: URL) -> Bool { fileType(url) == S_IFDIR }
    private static func isRegularFile(_ url: URL) -> Bool { fileType(url) == S_IFREG }

    /// `exclude:` entries of `_config.yml`, read leniently (a broken config is reported by the parser later).
    private static func excludedPatterns(_ configYAML: String) -> [String] {
        (try? SiteConfigParser.excludes(configYAML)) ?? []
    }

    /// Jekyll matches `exclude:` entries as path prefixes or `File.fnmatch` globs.
    static func matches(pattern: String, path: String) -> Bool {
        let pattern = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
        if path == pattern || path.hasPrefix(pattern + "/") { return true }
        return fnmatch(pattern, path, 0) == 0
    }

    static func readText(_ url: URL) throws -> String {
        let data = try Data(contentsOf: url)
        return try SourceText.decode([UInt8](data)).text
    }
}

/// Why a site could not be read at all.
public enum SiteReadError: Error, Equatable, CustomStringConvertible {
    case missingSite(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .missingSite(let path): "\(path): error: no such folder (expected a Jekyll site with _config.yml)"
        case .unreadable(let path, let reason): "\(path): error: cannot read: \(reason)"
        }
    }
}
