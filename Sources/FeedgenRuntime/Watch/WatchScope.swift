import FeedgenCore
import Foundation

/// Which files of a site `feedgen watch` looks at, and which of their names it ignores.
public enum WatchScope {
    /// Whether a file name is an editor's or a tool's temporary file, never a post.
    ///
    /// Vim writes `.name.swp` (`.swx`, `.swo`, ...) and, before saving, tests a directory with a file named `4913`
    /// (then `5036`, ...: "4913 + N*123"); Emacs makes `name~` backups and `.#name` lock links; many editors
    /// write `.name.tmp` first. Jekyll itself skips names starting with `.`, `_`, `#`, `~` or ending with `~`.
    public static func isTemporary(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasPrefix("~") || name.hasSuffix("~") { return true }
        if name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") || name.hasSuffix(".tmp") {
            return true
        }
        if let number = Int(name), number >= 4913, (number - 4913) % 123 == 0 { return true }
        return false
    }

    /// Whether a folder (relative to the site) can hold posts or configuration, so it must be watched.
    ///
    /// These are the folders Jekyll's reader walks (names not special, not in `_config.yml`'s `exclude:`, given
    /// as `excluded`), every `_posts` folder and everything under one, and `_data`.
    public static func isWatchedDirectory(_ relative: String, excluded: [String] = []) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        if parts.isEmpty { return true }
        if parts.first == "_data" { return true }
        if isExcluded(parts, excluded: excluded) { return false }
        if let posts = parts.firstIndex(of: "_posts") {
            return parts[..<posts].allSatisfy { !SiteReader.isSpecial($0) }
                && parts[(posts + 1)...].allSatisfy { !SiteReader.isSpecial($0) }
        }
        return parts.allSatisfy { !SiteReader.isSpecial($0) }
    }

    /// Whether Jekyll's reader never walks into the folder `parts` because it, or a folder above it, is in
    /// `exclude:` (a `_posts` folder's own listing is not filtered, as in `SiteReader`).
    static func isExcluded(_ parts: [String], excluded: [String]) -> Bool {
        guard !excluded.isEmpty, parts.first != "_data" else { return false }
        let walked = parts.firstIndex(of: "_posts") ?? parts.count
        guard walked > 0 else { return false }
        for length in 1...walked {
            let path = parts[..<length].joined(separator: "/")
            if excluded.contains(where: { SiteReader.matches(pattern: $0, path: path) }) { return true }
        }
        return false
    }

    /// The `exclude:` entries of the site's `_config.yml`, read leniently (none when it is missing or broken:
    /// the build reports that).
    public static func excludedPatterns(site: URL) -> [String] {
        guard let text = try? SiteReader.readText(site.appending(path: "_config.yml")) else { return [] }
        return (try? SiteConfigParser.excludes(text)) ?? []
    }

    /// Whether a file (relative to the site) is one a rebuild reads: a post, `_config.yml` or a `_data` file.
    public static func isWatchedFile(_ relative: String, excluded: [String] = []) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last, !isTemporary(name) else { return false }
        if parts == ["_config.yml"] { return true }
        let folder = parts.dropLast().joined(separator: "/")
        return (parts.first == "_data" || parts.contains("_posts")) && isWatchedDirectory(folder, excluded: excluded)
    }

    /// Every watched folder under `root` (relative paths, `""` for the root), symbolic links not followed.
    public static func directories(under root: URL, from relative: String = "", excluded: [String] = []) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            found.append(relative)
            let url = relative.isEmpty ? root : root.appending(path: relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard isWatchedDirectory(child, excluded: excluded), isDirectory(root.appending(path: child)) else {
                    continue
                }
                walk(child)
            }
        }
        walk(relative)
        return found
    }

    /// The watched files directly in `relative` (a folder of the site).
    public static func files(in relative: String, under root: URL, excluded: [String] = []) -> [String] {
        let url = relative.isEmpty ? root : root.appending(path: relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
        return names.map { relative.isEmpty ? $0 : relative + "/" + $0 }.filter {
            isWatchedFile($0, excluded: excluded) && !isDirectory(root.appending(path: $0))
        }
    }

    /// The `.git` folder of the repository holding `site`, if there is one (looking upwards).
    public static func gitDirectory(of site: URL) -> URL? {
        var folder = site.standardizedFileURL
        while true {
            let git = folder.appending(path: ".git")
            if isDirectory(git) { return git }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
