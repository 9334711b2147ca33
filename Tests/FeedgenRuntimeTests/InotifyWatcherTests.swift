import FeedgenRuntime
import Foundation
import Testing

/// The inotify watcher on a real folder: what it reports for the ways editors, git and people change files.
@Suite(.serialized) struct InotifyWatcherTests {
    /// Events handed over by the watcher's thread.
    private final class Collected: @unchecked Sendable {
        private let condition = NSCondition()
        private var events: [WatchEvent] = []

        func append(_ event: WatchEvent) {
            condition.lock()
            events.append(event)
            condition.broadcast()
            condition.unlock()
        }

        /// Waits until `last` has been reported; returns everything reported so far.
        func until(_ last: WatchEvent, timeout: TimeInterval = 10) -> [WatchEvent] {
            let deadline = Date(timeIntervalSinceNow: timeout)
            condition.lock()
            defer { condition.unlock() }
            while !events.contains(last), condition.wait(until: deadline) {}
            return events
        }
    }

    private func watch(_ site: borrowing TemporaryDirectory) throws -> (InotifyWatcher, Collected) {
        let collected = Collected()
        let watcher = try InotifyWatcher(
            site: site.url, definitions: site.url.appending(path: "defs/feedgen.yml"),
            gitDirectory: site.url.appending(path: ".git")
        ) { collected.append($0) }
        watcher.start()
        return (watcher, collected)
    }

    @Test func editsRenamesDeletionsAndNewFoldersAreReportedButNotTemporaryFiles() throws {
        let site = try TemporaryDirectory([
            "_config.yml": "url: https://example.org\n", "_posts/2026-01-01-a.md": "a", ".git/HEAD": "",
            "defs/feedgen.yml": "limit: 1\n", "_drafts/2026-01-01-d.md": "",
        ])
        let (watcher, collected) = try watch(site)
        defer { watcher.stop() }
        try site.write("x", to: "_posts/.2026-01-01-a.md.swp")
        try site.write("x", to: "_posts/2026-01-01-a.md~")
        try site.write("x", to: "_posts/4913")
        try site.write("x", to: "_drafts/2026-01-02-e.md")
        try site.write("b", to: "_posts/2026-01-01-a.md")
        try site.write("new", to: "_posts/.2026-01-02-b.md.tmp")
        try FileManager.default.moveItem(
            at: site.url.appending(path: "_posts/.2026-01-02-b.md.tmp"),
            to: site.url.appending(path: "_posts/2026-01-02-b.md"))
        try FileManager.default.removeItem(at: site.url.appending(path: "_posts/2026-01-01-a.md"))
        try site.write("", to: ".git/index.lock")
        try FileManager.default.removeItem(at: site.url.appending(path: ".git/index.lock"))
        try site.write("limit: 2\n", to: "defs/feedgen.yml")
        try site.write("url: https://example.org/\n", to: "_config.yml")
        // A folder of posts made elsewhere and moved in: its files were never written inside a watched folder.
        let staging = try TemporaryDirectory(["_posts/2026-01-03-c.md": "c"])
        try FileManager.default.moveItem(at: staging.url, to: site.url.appending(path: "news"))
        // Once its files are reported, the new folder is watched: a file written there now is seen.
        #expect(
            collected.until(.changed("news/_posts/2026-01-03-c.md")).last == .changed("news/_posts/2026-01-03-c.md"))
        try site.write("d", to: "news/_posts/2026-01-04-d.md")
        #expect(
            collected.until(.changed("news/_posts/2026-01-04-d.md")) == [
                .changed("_posts/2026-01-01-a.md"), .changed("_posts/2026-01-02-b.md"),
                .changed("_posts/2026-01-01-a.md"),
                .indexLock(present: true), .indexLock(present: false), .definitionsChanged, .changed("_config.yml"),
                .changed("news/_posts/2026-01-03-c.md"), .changed("news/_posts/2026-01-04-d.md"),
            ])
    }

    /// Jekyll reads no folder in `exclude:` (bundler's `vendor/` is full of gems): nor does the watcher look there.
    @Test func excludedFoldersAreNotWatched() throws {
        let site = try TemporaryDirectory([
            "_config.yml": "url: https://example.org\nexclude: [vendor, \"node_*\"]\n", "_posts/2026-01-01-a.md": "a",
            "vendor/bundle/gems/theme/_posts/2020-01-01-sample.md": "", "node_modules/x/_posts/2020-01-01-y.md": "",
            ".git/HEAD": "", "defs/feedgen.yml": "",
        ])
        let (watcher, collected) = try watch(site)
        defer { watcher.stop() }
        try site.write("changed", to: "vendor/bundle/gems/theme/_posts/2020-01-01-sample.md")
        try site.write("new", to: "vendor/bundle/gems/other/_posts/2020-01-02-new.md")
        try site.write("changed", to: "node_modules/x/_posts/2020-01-01-y.md")
        try site.write("b", to: "_posts/2026-01-02-b.md")
        #expect(collected.until(.changed("_posts/2026-01-02-b.md")) == [.changed("_posts/2026-01-02-b.md")])
        // Polling leaves them out too.
        let snapshot = PollingSnapshot.take(site: site.url, definitions: nil, gitDirectory: nil)
        try site.write("again", to: "vendor/bundle/gems/theme/_posts/2020-01-01-sample.md")
        #expect(snapshot.events(to: PollingSnapshot.take(site: site.url, definitions: nil, gitDirectory: nil)) == [])
    }

    @Test func theSiteFolderMovedAwayIsReported() throws {
        let parent = try TemporaryDirectory(["site/_config.yml": "url: https://example.org\n", "site/_posts/x.md": ""])
        let collected = Collected()
        let watcher = try InotifyWatcher(site: parent.url.appending(path: "site"), definitions: nil, gitDirectory: nil)
        {
            collected.append($0)
        }
        watcher.start()
        defer { watcher.stop() }
        try FileManager.default.moveItem(
            at: parent.url.appending(path: "site"), to: parent.url.appending(path: "moved"))
        #expect(collected.until(.siteGone) == [.siteGone])
    }

    @Test func aMissingSiteCannotBeWatched() {
        #expect(throws: WatcherError.self) {
            try InotifyWatcher(site: URL(filePath: "/nonexistent-feedgen-site"), definitions: nil, gitDirectory: nil) {
                _ in
            }
        }
    }
}
