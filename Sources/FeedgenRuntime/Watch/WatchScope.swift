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
    /// These are the folders `SiteReader` walks or reads posts from, as `folders` (the site's `PostFolders`)
    /// names them, those on the way to jekyll-multiple-languages-plugin's `_i18n/LANG/_posts`, and `_data`.
    public static func isWatchedDirectory(_ relative: String, folders: PostFolders = PostFolders()) -> Bool {
        let parts = relative.split(separator: "/")
        if parts.isEmpty || parts.first == "_data" { return true }
        return folders.isWalked(relative) || folders.holdsPosts(relative) || folders.leadsToTranslatedPosts(relative)
    }

    /// The rule of the site's `_config.yml`, read leniently (nothing excluded, no translated posts, when it is
    /// missing or broken: the build reports that).
    public static func postFolders(site: URL) -> PostFolders {
        guard let text = try? SiteReader.readText(site.appending(path: "_config.yml")) else { return PostFolders() }
        return PostFolders(configYAML: text)
    }

    /// Whether a file (relative to the site) is one a rebuild reads: a post, `_config.yml` or a `_data` file.
    public static func isWatchedFile(_ relative: String, folders: PostFolders = PostFolders()) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last, !isTemporary(name) else { return false }
        if parts == ["_config.yml"] { return true }
        if parts.first == "_data" { return true }
        return folders.holdsPosts(parts.dropLast().joined(separator: "/"))
    }

    /// Every watched folder under `root` (relative paths, `""` for the root), symbolic links not followed.
    public static func directories(
        under root: URL, from relative: String = "", folders: PostFolders = PostFolders()
    ) -> [String] {
        var found: [String] = []
        func walk(_ relative: String) {
            found.append(relative)
            let url = relative.isEmpty ? root : root.appending(path: relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard isWatchedDirectory(child, folders: folders), isDirectory(root.appending(path: child)) else {
                    continue
                }
                walk(child)
            }
        }
        walk(relative)
        return found
    }

    /// The watched files directly in `relative` (a folder of the site).
    public static func files(in relative: String, under root: URL, folders: PostFolders = PostFolders()) -> [String] {
        let url = relative.isEmpty ? root : root.appending(path: relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? []
        return names.map { relative.isEmpty ? $0 : relative + "/" + $0 }.filter {
            isWatchedFile($0, folders: folders) && !isDirectory(root.appending(path: $0))
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
