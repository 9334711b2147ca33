import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daemon survives its site going away, reloads its definitions, and works by polling.
@Suite(.serialized) struct WatchResilienceTests {
    private func rebuilds(_ daemon: BackgroundProcess, _ count: Int) async -> [[String: String]] {
        await daemon.waitForLines(count, where: isRebuild).map(rebuildFields)
    }

    private func messages(_ daemon: BackgroundProcess) -> [String] {
        daemon.lines.filter { !isRebuild($0) }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
    }

    @Test func aSiteThatDisappearsIsRetriedAndTheFeedsStay() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        // Looked for again every 200 ms rather than every 5 s, so the test does not wait seconds for it.
        let daemon = try repository.watch(["--site-retry", "200ms"])
        await #expect(rebuilds(daemon, 1).count == 1)
        let away = repository.folder.url.appending(path: "away")
        try FileManager.default.moveItem(at: repository.site, to: away)
        await #expect(
            daemon.waitForLines { $0.contains(" error the site folder is gone") }.count == 1, "\(daemon.lines)")
        #expect(try repository.titles() == ["First"])

        // Changed while away: seen by the rescan when the folder is back.
        try Data(ContentRepository.post("Second").utf8).write(to: away.appending(path: "_posts/2026-01-02-second.md"))
        try FileManager.default.moveItem(at: away, to: repository.site)
        await #expect(rebuilds(daemon, 2).last == ["trigger": "site", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "First"])
        await #expect(daemon.stop() == 0)
        #expect(
            messages(daemon) == [
                "error the site folder is gone; keeping the last good feeds and retrying site=\(repository.site.path)",
                "info the site folder is back site=\(repository.site.path)", "info SIGTERM: stopping", "info stopped",
            ])
    }

    @Test func definitionsAreReloadedWhenChangedAndOnSIGHUP() async throws {
        let repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/2026-01-02-second.md": ContentRepository.post("Second"),
        ])
        let definitions = repository.folder.url.appending(path: "feedgen.yml")
        try Data("limit: 1\n".utf8).write(to: definitions)
        let daemon = try repository.watch(["--config", definitions.path])
        await #expect(rebuilds(daemon, 1).count == 1)
        #expect(try repository.titles() == ["Second"])

        try Data("limit: 2\n".utf8).write(to: definitions)
        await #expect(rebuilds(daemon, 2).last == ["trigger": "reload", "posts.changed": "0", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "First"])

        daemon.send(SIGHUP)
        await #expect(rebuilds(daemon, 3).last == ["trigger": "reload", "posts.changed": "0", "feeds.rewritten": "0"])
        await #expect(daemon.stop(SIGINT) == 0)
        #expect(
            messages(daemon) == [
                "info reloaded the feed definitions", "info SIGHUP: reloading the feed definitions",
                "info reloaded the feed definitions", "info SIGINT: stopping", "info stopped",
            ])
    }

    @Test func aPostDatedInTheFutureIsPublishedWhenItsTimeComes() async throws {
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 8).rounded(.up))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        let day = formatter.string(from: due)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
        let repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/\(day)-scheduled.md":
                "---\ntitle: \"Scheduled\"\ndate: \(formatter.string(from: due))\n---\nSoon.\n",
        ])
        let daemon = try repository.watch()
        await #expect(rebuilds(daemon, 1).count == 1)
        #expect(try repository.titles() == ["First"])
        await #expect(rebuilds(daemon, 2).last == ["trigger": "due", "posts.changed": "0", "feeds.rewritten": "2"])
        #expect(Date() >= due)
        #expect(try repository.titles() == ["Scheduled", "First"])
        await #expect(daemon.stop() == 0)
    }

    @Test func pollingSeesChangesWithoutInotify() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let daemon = try repository.watch(["--poll", "100ms"])
        await #expect(rebuilds(daemon, 1).count == 1)
        try repository.write(ContentRepository.post("Second"), to: "_posts/2026-01-02-second.md")
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "First"])
        try FileManager.default.removeItem(at: repository.site.appending(path: "_posts/2026-01-01-first.md"))
        await #expect(rebuilds(daemon, 3).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second"])
        await #expect(daemon.stop() == 0)
    }
}
