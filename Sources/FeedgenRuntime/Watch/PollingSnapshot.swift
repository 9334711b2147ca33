import Foundation

/// The watched files of a site with their size, times and inode, taken every `--poll` interval where inotify is
/// not available (network and FUSE file systems); two snapshots differ where files changed.
public struct PollingSnapshot: Sendable, Equatable {
    /// Signature by path relative to the site; the definitions file is under `definitionsKey`.
    var files: [String: RenderCache.Signature]
    var siteExists: Bool
    var indexLock: Bool

    static let definitionsKey = "\u{0}definitions"

    /// Looks at every watched file now, or only at those under `folders` (relative to the site; `""` is all).
    public static func take(
        site: URL, definitions: URL?, gitDirectory: URL?, folders: some Sequence<String> = [""]
    ) -> PollingSnapshot {
        var files: [String: RenderCache.Signature] = [:]
        let siteExists = WatchScope.isDirectory(site)
        if siteExists {
            let rule = WatchScope.postFolders(site: site)
            for folder in folders.flatMap({ WatchScope.directories(under: site, from: $0, folders: rule) }) {
                for file in WatchScope.files(in: folder, under: site, folders: rule) {
                    files[file] = RenderCache.signature(site.appending(path: file))
                }
            }
        }
        if let definitions { files[definitionsKey] = RenderCache.signature(definitions) }
        let lock = gitDirectory.map { FileManager.default.fileExists(atPath: $0.appending(path: "index.lock").path) }
        return PollingSnapshot(files: files, siteExists: siteExists, indexLock: lock ?? false)
    }

    /// What changed between `self` (older) and `newer`, as a watcher would have reported it.
    public func events(to newer: PollingSnapshot) -> [WatchEvent] {
        if siteExists && !newer.siteExists { return [.siteGone] }
        var events: [WatchEvent] = []
        if indexLock != newer.indexLock { events.append(.indexLock(present: newer.indexLock)) }
        for path in Set(files.keys).union(newer.files.keys).sorted() where files[path] != newer.files[path] {
            events.append(path == Self.definitionsKey ? .definitionsChanged : .changed(path))
        }
        return events
    }
}
