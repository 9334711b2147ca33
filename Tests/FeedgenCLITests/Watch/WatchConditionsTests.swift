import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon under conditions made for real: git's index.lock present at start, the limit on inotify watches
/// reached.
@Suite(.serialized) struct WatchConditionsTests {
    private func rebuilds(_ daemon: BackgroundProcess, _ count: Int) async -> [[String: String]] {
        await daemon.waitForLines(count, where: isRebuild).map(rebuildFields)
    }

    private func messages(_ daemon: BackgroundProcess) -> [String] {
        daemon.lines.filter { !isRebuild($0) }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
    }

    @Test func theFirstBuildWaitsForGitsIndexLock() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let lock = repository.site.appending(path: ".git/index.lock")
        #expect(FileManager.default.createFile(atPath: lock.path, contents: Data()))
        let daemon = try repository.watch()
        let waiting = await daemon.waitForLines { $0.contains(" waiting for git to finish before the first build ") }
        #expect(waiting.count == 1, "\(daemon.lines)")
        #expect(try repository.titles() == nil)
        try FileManager.default.removeItem(at: lock)
        await #expect(rebuilds(daemon, 1) == [["trigger": "start", "posts.changed": "1", "feeds.rewritten": "2"]])
        #expect(try repository.titles() == ["First"])
        await #expect(daemon.stop() == 0)
        #expect(
            messages(daemon) == [
                "info .git/index.lock exists: waiting for git to finish before the first build "
                    + "site=\(repository.site.path)",
                "info SIGTERM: stopping", "info stopped",
            ])
    }

    /// A post rewritten every 150 ms, faster than the 200 ms debounce, is still published while the writes go on
    /// (the debounce waits at most 2 s, ten times itself). The first write is a lone change, built at once; the
    /// ones after it are a burst, and a later draft than the first published must appear while they go on. The
    /// pause between writes is the condition, not a synchronisation; the writes stop once that draft is
    /// published or after 20 s, far beyond the longest wait, so a debounce that waits for quiet publishes only
    /// after they stop, and fails. Which rebuild publishes is not asserted: on a loaded machine a rebuild may read
    /// the file while the next write has just truncated it, and the one after publishes.
    @Test func aFileRewrittenFasterThanTheDebounceIsStillPublished() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let daemon = try repository.watch()
        await #expect(rebuilds(daemon, 1).count == 1)
        let began = ContinuousClock.now
        var version = 0
        var firstDraft: Int?
        var laterDraft: Int?
        while laterDraft == nil && ContinuousClock.now - began < .seconds(20) {
            version += 1
            try repository.write(ContentRepository.post("Draft \(version)"), to: "_posts/2026-01-01-first.md")
            try await Task.sleep(for: .milliseconds(150))
            guard let title = try repository.titles()?.first, title.hasPrefix("Draft "),
                let draft = Int(title.dropFirst("Draft ".count))
            else { continue }
            if let firstDraft {
                if draft > firstDraft { laterDraft = draft }
            } else {
                firstDraft = draft
            }
        }
        #expect(firstDraft != nil && laterDraft != nil, "\(daemon.lines)")
        // The rebuilds that published are logged once their feeds are in place, so their lines may come after.
        let published = ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"]
        await #expect(daemon.waitForLines(2) { isRebuild($0) && rebuildFields($0) == published }.count == 2)
        #expect(daemon.lines.filter(isRebuild).dropFirst().allSatisfy { rebuildFields($0)["trigger"] == "change" })
        await #expect(daemon.stop() == 0)
    }

    /// Whether this machine lets a user namespace lower its own limit on inotify watches.
    static let canLowerInotifyLimit: Bool = {
        let result = try? runBlocking(
            URL(filePath: "/usr/bin/unshare"),
            ["--user", "--map-root-user", "sh", "-c", "echo 3 > /proc/sys/user/max_inotify_watches"])
        return result?.status == 0
    }()

    @Test(
        .enabled(
            if: canLowerInotifyLimit,
            "needs a user namespace whose /proc/sys/user/max_inotify_watches can be lowered (unshare --user)"))
    func aFolderMadeOnceTheWatchLimitIsReachedIsPolled() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        // The daemon runs in a user namespace of its own whose limit is the three watches it needs at start
        // (the site, `_posts`, `.git`): the machine's limit, shared with everything else, is not touched.
        let script = "echo 3 > /proc/sys/user/max_inotify_watches || exit 99; exec \"$@\""
        let daemon = try BackgroundProcess(
            URL(filePath: "/usr/bin/unshare"),
            [
                "--user", "--map-root-user", "sh", "-c", script, "sh", Paths.feedgen.path, "watch", "--site",
                repository.site.path, "--out", repository.out.path,
            ])
        await #expect(rebuilds(daemon, 1) == [["trigger": "start", "posts.changed": "1", "feeds.rewritten": "2"]])

        // A folder of posts moved in: no watch is left for it.
        let staging = try TemporaryDirectory(["_posts/2026-01-05-news.md": ContentRepository.post("News")])
        try FileManager.default.moveItem(at: staging.url, to: repository.site.appending(path: "news"))
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["News", "First"])
        // Later changes in it are seen by polling.
        try repository.write(ContentRepository.post("More news"), to: "news/_posts/2026-01-06-more.md")
        await #expect(rebuilds(daemon, 3).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["More news", "News", "First"])
        await #expect(daemon.stop() == 0)
        #expect(
            messages(daemon) == [
                "error \(repository.site.path)/news: error: inotify_add_watch failed: No space left on device; "
                    + "polling it every 2 s instead",
                "info SIGTERM: stopping", "info stopped",
            ])
    }
}
