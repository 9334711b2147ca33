import FeedgenCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What one build remembers of each post for the next: the post read from its front matter and its rendered
/// item, keyed by the FNV-1a hash of the file's bytes, so a rebuild reads and renders only changed posts.
///
/// A post whose size, modification time and inode did not change is not even read; one named in
/// `invalidate(_:)` (inotify saw it written) or after `forgetSignatures()` is read and hashed, and is parsed and
/// rendered again only when its bytes changed. Everything is dropped when the site's configuration or the feed
/// definitions change, since every post's URL and HTML depend on them. Entries of posts that no longer exist are
/// removed after every build, so memory is bounded by the site. Builds on several threads share it: everything it
/// remembers sits behind one `Mutex`, held only to look up or store, never while reading or rendering a post.
public final class RenderCache: Sendable {
    /// The part of `stat` that changes when a file is written or replaced.
    struct Signature: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
        var changeSeconds: Int
        var changeNanoseconds: Int
    }

    private struct Entry: Sendable {
        var signature: Signature?
        var hash: UInt64
        var loaded: PostCatalog.Loaded
        var rendered: ItemRenderer.Result?
    }

    /// What the cache remembers, guarded by `state`.
    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var context: [UInt8] = []
        var reread: Set<String> = []
        var changed: Set<String> = []
        var removed = 0
        /// Posts rendered in the last build (not taken from the cache).
        var renders = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// How many posts the cache holds.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Posts whose bytes were new or different in the last build, relative to the site, sorted.
    public var changedPaths: [String] { state.withLock { $0.changed.sorted() } }

    /// Posts that were new, changed or removed in the last build.
    public var changeCount: Int { state.withLock { $0.changed.count + $0.removed } }

    /// Posts read and parsed in the last build: those whose bytes were new or different (every post, when the
    /// configuration changed); a post the cache still held is not counted, even when it was read to hash it.
    public var readCount: Int { state.withLock { $0.changed.count } }

    /// Posts rendered in the last build; a post whose rendering the cache still held is not counted.
    public var renderCount: Int { state.withLock { $0.renders } }

    /// Marks posts to be read again at the next build, whatever their signature says.
    public func invalidate<S: Sequence<String>>(_ paths: S) {
        state.withLock { $0.reread.formUnion(paths) }
    }

    /// Makes the next build read and hash every post (their rendered items are kept when the bytes match).
    public func forgetSignatures() {
        state.withLock { state in
            for key in state.entries.keys { state.entries[key]?.signature = nil }
        }
    }

    /// Starts a build; `context` is everything besides a post's bytes that its result depends on.
    func begin(context newContext: [UInt8]) {
        state.withLock { state in
            if newContext != state.context {
                state.entries.removeAll()
                state.context = newContext
            }
            state.changed.removeAll()
            state.removed = 0
            state.renders = 0
        }
    }

    /// Forgets posts that are no longer in the site.
    func prune(keeping paths: [String]) {
        let present = Set(paths)
        state.withLock { state in
            let gone = state.entries.keys.filter { !present.contains($0) }
            for path in gone { state.entries[path] = nil }
            state.removed = gone.count
            state.reread.removeAll()
        }
    }

    /// The remembered result of reading `path`, or the result of `load` (then remembered). A file over `limit`
    /// bytes (`post_limits.source_bytes`) is not read to hash it: `load` refuses it without reading it whole.
    func loaded(
        _ path: String, root: URL, limit: Int, load: () -> PostCatalog.Loaded
    ) -> PostCatalog.Loaded {
        let url = root.appending(path: path)
        let signature = Self.signature(url)
        let (known, forced) = state.withLock { ($0.entries[path], $0.reread.contains(path)) }
        if let known, !forced, let signature, known.signature == signature { return known.loaded }
        // Hash the bytes before parsing: if a writer changes the file in between, the next event reads it again.
        let bytes = (try? PostFileReader.readAll(url, limit: limit)) ?? []
        let hash = Self.fnv1a(bytes)
        if let known, known.hash == hash, signature != nil {
            state.withLock { $0.entries[path]?.signature = signature }
            return known.loaded
        }
        let result = load()
        state.withLock { state in
            state.entries[path] = Entry(signature: signature, hash: hash, loaded: result, rendered: nil)
            state.changed.insert(path)
        }
        return result
    }

    /// The remembered rendering of the post at `path`, or the result of `render` (then remembered).
    func rendered(_ path: String, render: () -> ItemRenderer.Result) -> ItemRenderer.Result {
        if let known = state.withLock({ $0.entries[path]?.rendered }) { return known }
        let result = render()
        state.withLock { state in
            state.entries[path]?.rendered = result
            state.renders += 1
        }
        return result
    }

    static func signature(_ url: URL) -> Signature? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Signature(
            size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
            inode: UInt64(info.st_ino), changeSeconds: info.st_ctim.tv_sec, changeNanoseconds: info.st_ctim.tv_nsec)
    }

    /// The 64-bit FNV-1a hash: fast, and collisions between two versions of one post are not a concern here.
    static func fnv1a<C: Collection<UInt8>>(_ bytes: C, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
