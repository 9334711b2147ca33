import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What a watcher saw.
public enum WatchEvent: Sendable, Equatable {
    /// A watched file (relative to the site) or folder was written, created, renamed or deleted.
    case changed(String)
    case definitionsChanged
    case indexLock(present: Bool)
    /// Events were lost: everything must be looked at again.
    case overflow
    /// The site folder itself was deleted, moved or unmounted.
    case siteGone
    /// A folder (relative to the site) that appeared could not be watched, for this reason: poll it.
    case unwatched(folder: String, WatcherError)
}

/// Watches a site's post folders, `_config.yml`, `_data`, the feed definitions and `.git/index.lock` with inotify.
///
/// Every folder that can hold posts is watched (new ones are added as they appear, and the files already in a
/// new folder are reported, since they may have been written before its watch existed); folders in
/// `_config.yml`'s `exclude:` are not, as Jekyll does not read them. A folder that cannot be watched once
/// started (typically `fs.inotify.max_user_watches` reached) is reported as `.unwatched`, for the caller to
/// poll. A reading thread blocks in `poll` on the inotify descriptor and a wake-up pipe, and hands each event
/// to `handler`.
public final class InotifyWatcher: Sendable {
    /// What the reading thread changes as folders come and go.
    private struct State: Sendable {
        /// Watch descriptor to the folder it watches, relative to the site.
        var folders: [Int32: String] = [:]
        var definitionsWatch: Int32 = -1
        var gitWatch: Int32 = -1
        /// Which folders hold posts, from `_config.yml` (`exclude:`, translated posts), read again when it changes.
        var postFolders = PostFolders()
        var started = false
    }

    private let site: URL
    private let definitions: URL?
    private let handler: @Sendable (WatchEvent) -> Void
    private let descriptor: Int32
    private let wake: (read: Int32, write: Int32)
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    /// `IN_ATTRIB` too: a folder or post whose permissions change becomes readable (or not) without any write.
    private static let folderMask: UInt32 =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)
        | UInt32(IN_ATTRIB | IN_ONLYDIR)

    /// Sets up the watches; events go to `handler` once `start()` is called.
    public init(site: URL, definitions: URL?, gitDirectory: URL?, handler: @escaping @Sendable (WatchEvent) -> Void)
        throws(WatcherError)
    {
        self.site = site
        self.definitions = definitions
        self.handler = handler
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw WatcherError(call: "inotify_init1", path: site.path, errno: errno) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw WatcherError(call: "pipe", path: site.path, errno: errno)
        }
        wake = (ends[0], ends[1])
        do throws(WatcherError) {
            var initial = State(postFolders: WatchScope.postFolders(site: site))
            let tree = watchTree(from: "", into: &initial)
            if let failure = tree.failures.first { throw failure.error }
            if let definitions {
                initial.definitionsWatch = try add(definitions.deletingLastPathComponent().path)
            }
            if let gitDirectory { initial.gitWatch = try add(gitDirectory.path) }
            state.withLock { $0 = initial }
        } catch {
            closeAll()
            throw error
        }
    }

    /// Starts the reading thread.
    public func start() {
        state.withLock { $0.started = true }
        let thread = Thread { [self] in
            readLoop()
            closeAll()
            finished.signal()
        }
        thread.name = "feedgen-inotify"
        thread.start()
    }

    /// Stops the reading thread and closes the descriptors; no event is delivered after this returns.
    public func stop() {
        guard state.withLock({ $0.started }) else { return closeAll() }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        finished.wait()
        state.withLock { $0.started = false }
    }

    private func closeAll() {
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    private func add(_ path: String) throws(WatcherError) -> Int32 {
        let watch = inotify_add_watch(descriptor, path, Self.folderMask)
        guard watch >= 0 else { throw WatcherError(call: "inotify_add_watch", path: path, errno: errno) }
        return watch
    }

    /// Watches `relative` and every watched folder below it; returns the files already there (in every folder,
    /// watched or not) and the folders that could not be watched, with why.
    private func watchTree(from relative: String, into state: inout State) -> (
        files: [String], failures: [(folder: String, error: WatcherError)]
    ) {
        var files: [String] = []
        var failures: [(folder: String, error: WatcherError)] = []
        for folder in WatchScope.directories(under: site, from: relative, folders: state.postFolders) {
            do {
                let watch = try add(folder.isEmpty ? site.path : site.appending(path: folder).path)
                state.folders[watch] = folder
            } catch {
                failures.append((folder, error))
            }
            files += WatchScope.files(in: folder, under: site, folders: state.postFolders)
        }
        return (files, failures)
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var fds = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || fds[1].revents != 0 { return }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            if count <= 0 { return }
            var offset = 0
            while offset < count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                let events = state.withLock { state in
                    handle(watch: watch, mask: mask, name: String(decoding: nameBytes, as: UTF8.self), state: &state)
                }
                for event in events { handler(event) }
            }
        }
    }

    /// The events one inotify event stands for; adds and removes watches as folders come and go.
    private func handle(watch: Int32, mask: UInt32, name: String, state: inout State) -> [WatchEvent] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Folders may have appeared while events were lost: watch them too.
            let tree = watchTree(from: "", into: &state)
            return tree.failures.map { .unwatched(folder: $0.folder, $0.error) } + [.overflow]
        }
        var events: [WatchEvent] = []
        if watch == state.gitWatch, name == "index.lock" {
            // Git creates the lock, writes and closes it, then renames it over `index` (or deletes it): only
            // creation and removal count, not the write.
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { events.append(.indexLock(present: true)) }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { events.append(.indexLock(present: false)) }
        }
        if watch == state.definitionsWatch, name == definitions?.lastPathComponent,
            mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0
        {
            events.append(.definitionsChanged)
        }
        guard let folder = state.folders[watch] else { return events }
        if mask & UInt32(IN_IGNORED) != 0 {
            state.folders[watch] = nil
            return events + (folder.isEmpty ? [.siteGone] : [])
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT) != 0 {
            return events + (folder.isEmpty ? [.siteGone] : [])
        }
        if name.isEmpty { return events }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            guard WatchScope.isWatchedDirectory(path, folders: state.postFolders) else { return events }
            // A folder whose permissions changed is watched already unless it could not be watched before; adding
            // a watch again would fail while it is unreadable, though the watch it has still reports.
            let attributesOfUnwatched =
                mask & UInt32(IN_ATTRIB) != 0 && !state.folders.values.contains(path)
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 || attributesOfUnwatched {
                let tree = watchTree(from: path, into: &state)
                events += tree.failures.map { .unwatched(folder: $0.folder, $0.error) }
                events += tree.files.map { .changed($0) }
            } else if mask & UInt32(IN_MOVED_FROM) != 0 {
                // The watches follow the moved folder under its new name; drop them.
                for (other, otherFolder) in state.folders
                where otherFolder == path || otherFolder.hasPrefix(path + "/") {
                    inotify_rm_watch(descriptor, other)
                    state.folders[other] = nil
                }
            }
            if path.split(separator: "/").contains("_posts") { events.append(.changed(path)) }
            return events
        }
        // A file is complete when closed after writing or renamed into place; creation alone is not enough.
        guard mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB) != 0,
            WatchScope.isWatchedFile(path, folders: state.postFolders)
        else { return events }
        if path == "_config.yml" {
            // `exclude:` or `languages:` may have changed: folders that now hold posts are watched from now on.
            state.postFolders = WatchScope.postFolders(site: site)
            let tree = watchTree(from: "", into: &state)
            events += tree.failures.map { .unwatched(folder: $0.folder, $0.error) }
        }
        return events + [.changed(path)]
    }
}

/// An inotify call failed.
public struct WatcherError: Error, Equatable, CustomStringConvertible {
    public var call: String
    public var path: String
    public var reason: String

    init(call: String, path: String, errno code: Int32) {
        self.call = call
        self.path = path
        reason = String(cString: strerror(code))
    }

    public var description: String { "\(path): error: \(call) failed: \(reason)" }
}
