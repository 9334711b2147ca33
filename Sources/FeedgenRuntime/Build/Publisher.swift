import FeedgenCore
import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files into the output folder atomically, and only when their bytes change.
///
/// Beside each file it keeps a gzip copy, `NAME.gz` (unless `precompress` is off), for servers that send a
/// precompressed file to clients that accept gzip (nginx's `gzip_static`): published and removed with its file.
public struct Publisher: Sendable {
    /// What happened to one file.
    public enum Outcome: String, Sendable, Equatable {
        case written
        case unchanged
    }

    public var root: URL
    /// Whether each file gets a `.gz` copy beside it.
    public var precompress: Bool
    /// The permissions every file written gets, whatever the umask; nil for 0644 less the umask.
    public var permissions: FilePermissions?

    public init(root: URL, precompress: Bool = false, permissions: FilePermissions? = nil) {
        self.root = root
        self.precompress = precompress
        self.permissions = permissions
    }

    /// Whether a file is already published at `relativePath`.
    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: relativePath).path)
    }

    /// The folders directly in the output folder named like a feed's folder (a lower-case BCP 47 tag such as
    /// `fr` or `pt-br`) that hold one of `documents`: the feeds of languages written by an earlier build.
    public func publishedFeedFolders(documents: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().filter { name in
            LanguageTag.normalized(name)?.lowercased() == name && documents.contains { exists(name + "/" + $0) }
        }
    }

    /// The folders `KIND/SLUG` and `LANG/KIND/SLUG` (LANG as in `publishedFeedFolders`, KIND one of `kinds`) that
    /// hold one of `documents`: the feeds of slices written by an earlier build.
    public func publishedSliceFolders(kinds: [String], documents: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let languages = names.sorted().filter { LanguageTag.normalized($0)?.lowercased() == $0 }
        return ([""] + languages.map { $0 + "/" }).flatMap { prefix in
            kinds.flatMap { kind in
                let folder = prefix + kind
                let slugs =
                    (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: folder).path)) ?? []
                return slugs.sorted().map { folder + "/" + $0 }.filter { path in
                    documents.contains { exists(path + "/" + $0) }
                }
            }
        }
    }

    /// Removes the files of a feed feedgen no longer builds, then its folder when nothing else is left in it.
    /// - Returns: the paths removed, relative to the output folder.
    public func removeFeed(in folder: String, documents: [String]) throws(PublishError) -> [String] {
        var removed: [String] = []
        for document in documents {
            let path = folder + "/" + document
            // The copy first: a `.gz` never stays without its file.
            for (name, listed) in [(path + ".gz", false), (path, true)] {
                let url = root.appending(path: name)
                if unlink(url.path) == 0 {
                    if listed { removed.append(path) }
                } else if errno != ENOENT {
                    throw PublishError(path: url.path, call: "unlink", errno: Errno(rawValue: errno))
                }
            }
        }
        // Then the folders above it inside `folder` (`tags` of `tags/nlp`) that are left empty.
        var parts = folder.split(separator: "/")
        while !parts.isEmpty && rmdir(root.appending(path: parts.joined(separator: "/")).path) == 0 {
            parts.removeLast()
        }
        return removed
    }

    /// Removes the archive pages (`archive/N/`, see `FeedDocument`) of the feed in `folder` ("" for the output
    /// folder's own) numbered above `count`: pages of posts that are gone, or every page when the feed has no
    /// archive any more. Each page loses `documents`, then its folder when nothing else is in it.
    /// - Returns: the paths removed, relative to the output folder, oldest page first.
    public func removeArchivePages(in folder: String, keeping count: Int, documents: [String]) throws(PublishError)
        -> [String]
    {
        let archive = folder.isEmpty ? "archive" : folder + "/archive"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appending(path: archive).path)) ?? []
        let pages = names.compactMap { $0.wholeMatch(of: /[1-9][0-9]{0,8}/) != nil ? Int($0) : nil }
        var removed: [String] = []
        for page in pages.sorted() where page > count {
            removed += try removeFeed(in: archive + "/\(page)", documents: documents)
        }
        if count == 0 { rmdir(root.appending(path: archive).path) }
        return removed
    }

    /// Creates the output folder if it is missing.
    public func prepare() throws(PublishError) {
        try Self.makeFolders(root)
    }

    /// Whether every one of `relativePaths` is published.
    public func existsAll(_ relativePaths: [String]) -> Bool {
        relativePaths.allSatisfy(exists)
    }

    /// Publishes `bytes` at `relativePath`: written to a temporary file in the same folder, flushed, then
    /// renamed over the old one, so a reader sees the old file or the new one, never part of one.
    public func publish(_ bytes: [UInt8], to relativePath: String) throws(PublishError) -> Outcome {
        try publish([(relativePath, bytes)])[0]
    }

    /// Publishes files that belong together (a feed's three documents): every changed one is written to a
    /// temporary file and flushed first, and only when all of them are on disk are they renamed into place. A
    /// failed write (a full disk, say) removes the temporary files and leaves every old file as it was.
    ///
    /// Each file's `.gz` copy is staged with it and renamed into place just before it; a missing copy is
    /// written even when its file is unchanged. The outcomes are those of `files`, not of their copies.
    public func publish(_ files: [(path: String, bytes: [UInt8])]) throws(PublishError) -> [Outcome] {
        var staged: [(temporary: URL, target: URL)] = []
        var outcomes: [Outcome] = []
        do throws(PublishError) {
            for (path, bytes) in files {
                let target = root.appending(path: path)
                let unchanged = (try? Data(contentsOf: target)).map { $0.elementsEqual(bytes) } ?? false
                let copy = root.appending(path: path + ".gz")
                if precompress && (!unchanged || !FileManager.default.fileExists(atPath: copy.path)) {
                    staged.append((try stage(try Gzip.compress(bytes, for: copy.path), for: copy), copy))
                }
                if unchanged {
                    outcomes.append(.unchanged)
                    continue
                }
                staged.append((try stage(bytes, for: target), target))
                outcomes.append(.written)
            }
        } catch {
            for file in staged { unlink(file.temporary.path) }
            throw error
        }
        // swift-system 1.8.1 has no rename (nor unlink, mkdir or rmdir): these stay Glibc calls.
        for (index, file) in staged.enumerated() where rename(file.temporary.path, file.target.path) != 0 {
            let code = Errno(rawValue: errno)
            for rest in staged[index...] { unlink(rest.temporary.path) }
            throw PublishError(path: file.target.path, call: "rename", errno: code)
        }
        return outcomes
    }

    /// Writes `bytes` into a new temporary file beside `target` and flushes it to disk; returns its URL.
    private func stage(_ bytes: [UInt8], for target: URL) throws(PublishError) -> URL {
        let folder = target.deletingLastPathComponent()
        try Self.makeFolders(folder)
        let temporary = folder.appending(path: ".\(target.lastPathComponent).\(getpid()).tmp")
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(temporary.path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: FilePermissions(rawValue: 0o644))
        } catch {
            throw PublishError(path: temporary.path, call: "open", reason: systemReason(error))
        }
        var failure: PublishError?
        // The umask applies to open's permissions, not to fchmod's (swift-system 1.8.1 has no fchmod).
        if let permissions, fchmod(descriptor.rawValue, permissions.rawValue) != 0 {
            failure = PublishError(path: temporary.path, call: "fchmod", errno: Errno(rawValue: errno))
        }
        if failure == nil {
            do {
                // Retries after EINTR and after a short write.
                try descriptor.writeAll(bytes)
            } catch {
                failure = PublishError(path: target.path, call: "write", reason: systemReason(error))
            }
        }
        // swift-system 1.8.1 has no fsync: the Glibc call, on the descriptor's number.
        if failure == nil && fsync(descriptor.rawValue) != 0 {
            failure = PublishError(path: target.path, call: "fsync", errno: Errno(rawValue: errno))
        }
        // Closed on every path (a daemon must not leak a descriptor per failed write); on NFS and some other
        // file systems a write error shows only here.
        do {
            try descriptor.close()
        } catch {
            if failure == nil { failure = PublishError(path: target.path, call: "close", reason: systemReason(error)) }
        }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        return temporary
    }

    /// Creates `folder` and the missing folders above it, naming the one that could not be made and the system's
    /// reason (FileManager's error would print as `Code=512 "(null)"`).
    static func makeFolders(_ folder: URL) throws(PublishError) {
        var missing: [URL] = []
        var current = folder
        var info = stat()
        while lstat(current.path, &info) != 0 && (errno == ENOENT || errno == ENOTDIR) {
            missing.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        // The first folder that exists must be a folder (or a link to one), or nothing can be made in it.
        if stat(current.path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            throw PublishError(path: current.path, call: "mkdir", errno: .notDirectory)
        }
        for url in missing.reversed() where mkdir(url.path, 0o755) != 0 && errno != EEXIST {
            throw PublishError(path: url.path, call: "mkdir", errno: Errno(rawValue: errno))
        }
    }
}

/// A file could not be published; names the system call and keeps its message.
public struct PublishError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var call: String
    public var reason: String

    init(path: String, call: String, reason: String) {
        self.path = path
        self.call = call
        self.reason = reason
    }

    /// A failed call, with the system's words for its error (`Errno`'s description is `strerror`'s text).
    init(path: String, call: String, errno: Errno) {
        self.init(path: path, call: call, reason: errno.description)
    }

    public var description: String { diagnostic.description }

    /// The failure as a diagnostic of the build, at the file it was writing.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, at: FileLocation(path: path), "\(call) failed: \(reason)")
    }
}
