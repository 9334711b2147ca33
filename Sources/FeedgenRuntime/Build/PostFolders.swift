import FeedgenCore

/// Which folders of a site hold posts: the one rule `SiteReader` lists posts by and `feedgen watch` watches by.
///
/// Jekyll's `Reader#read_directories` walks every folder whose name is not special (`EntryFilter#special?` and
/// `#backup?`: `.`, `_`, `#` or `~` first, `~` last) and whose path is not in `exclude:`, and reads each `_posts`
/// folder found in one, its subfolders with names not special included. With jekyll-multiple-languages-plugin,
/// `_i18n/LANG/_posts` of every language replace the site's own `_posts` (not those of other folders).
public struct PostFolders: Sendable, Equatable {
    /// `_config.yml`'s `exclude:` entries, as written.
    public var excluded: [String]
    /// jekyll-multiple-languages-plugin's folders of translated posts (`_i18n/LANG/_posts`), or none.
    public var translated: [String]

    public init(excluded: [String] = [], translated: [String] = []) {
        self.excluded = excluded
        self.translated = translated
    }

    /// The rule of a site with this `_config.yml`, read leniently (a broken config is reported by the parser later).
    public init(configYAML: String) {
        self.init(
            excluded: (try? SiteConfigParser.excludes(configYAML)) ?? [],
            translated: (try? SiteConfigParser.translatedPostFolders(configYAML)) ?? [])
    }

    /// Whether the reader walks into the folder at `path` (relative to the site) from its parent, walked already.
    func walksInto(_ path: String, named name: String) -> Bool {
        !SiteReader.isSpecial(name) && !excluded.contains { SiteReader.matches(pattern: $0, path: path) }
    }

    /// Whether the reader walks the folder at `relative` looking for `_posts` (`""` is the site).
    public func isWalked(_ relative: String) -> Bool {
        isWalked(relative.split(separator: "/").map(String.init)[...])
    }

    private func isWalked(_ parts: ArraySlice<String>) -> Bool {
        var path = ""
        for name in parts {
            path = path.isEmpty ? name : path + "/" + name
            if !walksInto(path, named: name) { return false }
        }
        return true
    }

    /// Whether the site's own `_posts` folder is read (jekyll-multiple-languages-plugin replaces it).
    var readsSitePosts: Bool { translated.isEmpty }

    /// Whether the folder at `relative` is a folder of posts the reader lists, or a subfolder of one.
    public func holdsPosts(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/").map(String.init)
        for folder in translated {
            let top = folder.split(separator: "/").map(String.init)
            if parts.starts(with: top) { return parts.dropFirst(top.count).allSatisfy { !SiteReader.isSpecial($0) } }
        }
        guard let posts = parts.firstIndex(of: "_posts"), posts > 0 || readsSitePosts else { return false }
        return isWalked(parts[..<posts]) && parts[(posts + 1)...].allSatisfy { !SiteReader.isSpecial($0) }
    }

    /// Whether the folder at `relative` lies on the way to a folder of translated posts (`_i18n`, `_i18n/fr`).
    public func leadsToTranslatedPosts(_ relative: String) -> Bool {
        translated.contains { $0.hasPrefix(relative + "/") }
    }
}
