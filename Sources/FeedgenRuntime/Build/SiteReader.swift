import FeedgenCore
import Foundation
import SystemPackage

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
        /// Folders that could not be listed and entries that could not be taken as posts, sorted by path.
        public var problems: [ListingProblem] = []
        /// The files of the collections Jekyll writes pages for (`output: true`), relative to `root`, sorted.
        public var documents: [Document] = []
    }

    /// A file of a collection's folder (`_talks/x.md`, `content/_talks/x.md`).
    public struct Document: Sendable, Equatable {
        public var collection: JekyllCollection
        public var path: String
    }

    /// A folder or file of the site that the listing could not take in, with why.
    public struct ListingProblem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A folder that could not be listed (its posts, whatever their language, are missing).
            case folder
            /// A file under a `_posts` folder that was left out; its name as far as it can be decoded.
            case file(name: String)
            /// A symbolic link, skipped as Jekyll's safe mode does.
            case link
        }

        /// Relative to the site; bytes that are not UTF-8 and control characters escaped (`\xFF`, `\n`).
        public var path: String
        public var kind: Kind
        public var reason: String
    }

    /// Reads `_config.yml` and `_data/authors.yml` and lists every file in every `_posts` folder.
    ///
    /// The folders are those `PostFolders` names (Jekyll's walk; with jekyll-multiple-languages-plugin,
    /// `_i18n/LANG/_posts`; `_drafts` are not posts). Symbolic links are skipped, as Jekyll's safe mode (GitHub
    /// Pages) does, a `_posts` folder that is a link included; those under or named `_posts` are reported.
    /// A folder that cannot be listed is a problem of the site, never an empty folder.
    public static func read(root: URL) throws(SiteReadError) -> Site {
        let configURL = root.appending(path: "_config.yml")
        guard FileManager.default.fileExists(atPath: root.path) else { throw .missingSite(root.path) }
        let configYAML: String
        do {
            configYAML = try readText(configURL)
        } catch {
            throw .unreadable(configURL.path, error.reason, hint: error.code == ENOENT ? "not a Jekyll site?" : nil)
        }
        let authorsURL = root.appending(path: "_data/authors.yml")
        var authorsYAML: String?
        if FileManager.default.fileExists(atPath: authorsURL.path) {
            do {
                authorsYAML = try readText(authorsURL)
            } catch {
                throw .unreadable(authorsURL.path, error.reason, hint: nil)
            }
        }
        let folders = PostFolders(configYAML: configYAML)
        var listing = Listing()
        collectPosts(in: root, relative: "", folders: folders, into: &listing)
        // jekyll-multiple-languages-plugin reads `_i18n/LANG/_posts` instead of the site's `_posts`.
        if !folders.readsSitePosts {
            listing.paths.removeAll { $0.hasPrefix("_posts/") }
            listing.problems.removeAll { $0.path == "_posts" || $0.path.hasPrefix("_posts/") }
            for folder in folders.translated where isDirectory(root.appending(path: folder)) {
                listFiles(root.appending(path: folder), relative: folder, into: &listing)
            }
        }
        // Collections with pages (`output: true`): the files of `COLLECTIONS_DIR/_LABEL`, subfolders included.
        var documents: [Document] = []
        if let (collections, directory) = try? SiteConfigParser.collections(configYAML) {
            // With `collections_dir`, Jekyll reads posts from `COLLECTIONS_DIR/_posts` only.
            if !directory.isEmpty {
                listing.paths.removeAll { !$0.hasPrefix(directory + "/") }
                listing.problems.removeAll { $0.kind != .folder && !$0.path.hasPrefix(directory + "/") }
            }
            for collection in collections where collection.output {
                let folder = collection.folder(collectionsDir: directory)
                guard isDirectory(root.appending(path: folder)) else { continue }
                var found = Listing()
                listFiles(root.appending(path: folder), relative: folder, into: &found)
                documents += found.paths.sorted().map { Document(collection: collection, path: $0) }
                listing.problems += found.problems
            }
        }
        return Site(
            root: root, configYAML: configYAML, authorsYAML: authorsYAML, postPaths: listing.paths.sorted(),
            problems: listing.problems.sorted { $0.path < $1.path }, documents: documents)
    }

    /// What a walk of the site found so far.
    private struct Listing {
        var paths: [String] = []
        var problems: [ListingProblem] = []
    }

    /// Whether Jekyll skips an entry of this name (`EntryFilter#special?` and `#backup?`).
    static func isSpecial(_ name: String) -> Bool {
        guard let first = name.first else { return true }
        return first == "." || first == "_" || first == "#" || first == "~" || name.hasSuffix("~")
    }

    private static func collectPosts(
        in directory: URL, relative: String, folders: PostFolders, into listing: inout Listing
    ) {
        let postsFolder = relative.isEmpty ? "_posts" : relative + "/_posts"
        let posts = directory.appending(path: "_posts")
        switch fileType(posts) {
        case S_IFDIR?: listFiles(posts, relative: postsFolder, into: &listing)
        case S_IFLNK?:
            listing.problems.append(.init(path: postsFolder, kind: .link, reason: Self.linkReason))
        default: break
        }
        guard let names = entries(of: directory, relative: relative, into: &listing) else { return }
        for entry in names {
            guard case .name(let name) = entry else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            guard folders.walksInto(path, named: name) else { continue }
            let url = directory.appending(path: name)
            if isDirectory(url) { collectPosts(in: url, relative: path, folders: folders, into: &listing) }
        }
    }

    static let linkReason = "symbolic link skipped: feedgen follows no links, as Jekyll's safe mode (GitHub Pages)"

    /// Every regular file under a `_posts` folder, skipping special names as Jekyll's `EntryFilter` does.
    private static func listFiles(_ directory: URL, relative: String, into listing: inout Listing) {
        guard let names = entries(of: directory, relative: relative, into: &listing) else { return }
        for entry in names {
            switch entry {
            case .name(let name):
                guard !isSpecial(name) else { continue }
                let url = directory.appending(path: name)
                let path = relative + "/" + name
                switch fileType(url) {
                case S_IFDIR?: listFiles(url, relative: path, into: &listing)
                case S_IFREG?:
                    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                        listing.problems.append(
                            .init(
                                path: relative + "/" + escaped(Array(name.utf8)), kind: .file(name: name),
                                reason: "left out: the file name holds a control character"))
                    } else {
                        listing.paths.append(path)
                    }
                case S_IFLNK?: listing.problems.append(.init(path: path, kind: .link, reason: Self.linkReason))
                default: break
                }
            case .undecodable(let bytes):
                guard bytes.first != UInt8(ascii: ".") else { continue }
                listing.problems.append(
                    .init(
                        path: relative + "/" + escaped(bytes),
                        kind: .file(name: String(decoding: bytes, as: UTF8.self)),
                        reason: "left out: the file name is not valid UTF-8; rename it"))
            }
        }
    }

    /// One name read from a folder.
    private enum Entry {
        case name(String)
        /// A name that is not valid UTF-8: it cannot be a path feedgen opens nor a URL Jekyll writes.
        case undecodable([UInt8])
    }

    /// The entries of a folder, sorted by name; nil (and a problem) when it cannot be listed.
    ///
    /// `opendir`/`readdir` rather than FileManager, which gives no `errno` and drops names that are not UTF-8.
    private static func entries(of directory: URL, relative: String, into listing: inout Listing) -> [Entry]? {
        func problem(_ code: Int32) -> [Entry]? {
            listing.problems.append(
                .init(
                    path: relative.isEmpty ? "." : relative, kind: .folder,
                    reason: "cannot list folder: \(Errno(rawValue: code).description)"))
            return nil
        }
        guard let stream = opendir(directory.path) else { return problem(errno) }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return problem(errno) }
                break
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                entries.append(.name(name))
            } else {
                entries.append(.undecodable(bytes))
            }
        }
        return entries.sorted { lhs, rhs in
            switch (lhs, rhs) {
            case (.name(let a), .name(let b)): a < b
            case (.name, .undecodable): true
            case (.undecodable, .name): false
            case (.undecodable(let a), .undecodable(let b)): a.lexicographicallyPrecedes(b)
            }
        }
    }

    /// A file name as it can be shown on one line: bytes that are not UTF-8 as `\xFF`, controls as `\n`, `\u{1B}`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            var decoder = UTF8()
            var iterator = rest.makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                let width = UTF8.width(scalar)
                rest = rest.dropFirst(width)
                switch scalar.value {
                case 0x0A: text += "\\n"
                case 0x09: text += "\\t"
                case 0x0D: text += "\\r"
                case 0x5C: text += "\\\\"
                case 0..<0x20, 0x7F: text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                default: text.unicodeScalars.append(scalar)
                }
            case .emptyInput: rest = rest[rest.endIndex...]
            case .error:
                text += "\\x" + String(rest.first!, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return text
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

    /// Jekyll matches `exclude:` entries as path prefixes or `File.fnmatch` globs.
    static func matches(pattern: String, path: String) -> Bool {
        let pattern = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
        if path == pattern || path.hasPrefix(pattern + "/") { return true }
        return fnmatch(pattern, path, 0) == 0
    }

    /// The file's text; a failure keeps the system's reason (FileManager's would print an NSError dump).
    static func readText(_ url: URL) throws(ReadFailure) -> String {
        let bytes: [UInt8]
        do {
            bytes = try PostFileReader.readAll(url)
        } catch {
            throw ReadFailure(code: error.code ?? 0, reason: error.description)
        }
        do {
            return try SourceText.decode(bytes).text
        } catch {
            throw ReadFailure(code: 0, reason: error.description)
        }
    }

    /// Why a file could not be read: `errno` (0 when the bytes were read but are not text) and the reason.
    struct ReadFailure: Error {
        var code: Int32
        var reason: String
    }
}

/// Why a site could not be read at all.
public enum SiteReadError: Error, Equatable, CustomStringConvertible {
    case missingSite(String)
    /// The path, the system's reason and a hint for the user, if one helps.
    case unreadable(String, String, hint: String?)

    public var description: String {
        switch self {
        case .missingSite(let path): "\(path): error: no such folder (expected a Jekyll site with _config.yml)"
        case .unreadable(let path, let reason, let hint):
            "\(path): error: \(reason)\(hint.map { " (\($0))" } ?? "")"
        }
    }
}
