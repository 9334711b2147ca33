import Foundation

/// Polling: of every file where inotify cannot be used (`--poll`, or inotify failed at start), and of the
/// folders inotify could not watch once started.
extension WatchDaemon {
    /// Polls `folder` (relative to the site), which inotify could not watch, beside inotify.
    func startPolling(_ folder: String, because error: WatcherError) async {
        // A folder under one already polled is polled with it.
        let parts = folder.split(separator: "/")
        guard !polledFolders.contains(where: { $0.isEmpty || parts.starts(with: $0.split(separator: "/")) }) else {
            return
        }
        logger.error("\(error); polling it every \(Self.fallbackPoll.spoken) instead")
        polledFolders.insert(folder)
        // From now on the poll compares with what is there now; what is there now counts as changed, since a
        // file may have been written between the watcher's look and this one.
        let baseline = takeSnapshot()
        snapshot = baseline
        for path in baseline.files.keys.sorted() where path.hasPrefix(folder + "/") {
            await send(.fileChanged(path))
        }
        startPolling()
    }

    /// The watched files now: all of them when polling replaces inotify, else those of `polledFolders`.
    func takeSnapshot() -> PollingSnapshot {
        if pollInterval != nil {
            return PollingSnapshot.take(
                site: options.site, definitions: settings.definitions, gitDirectory: gitDirectory)
        }
        return PollingSnapshot.take(
            site: options.site, definitions: nil, gitDirectory: nil, folders: polledFolders.sorted())
    }

    /// How often to poll when inotify cannot be used.
    static let fallbackPoll = Duration.seconds(2)

    /// Starts the polling timer when something is to be polled and it is not running yet.
    func startPolling() {
        guard let interval = pollInterval ?? (polledFolders.isEmpty ? nil : Self.fallbackPoll), pollTimer == nil
        else { return }
        pollTimer = repeating(every: interval) { .pollTick }
    }
}
