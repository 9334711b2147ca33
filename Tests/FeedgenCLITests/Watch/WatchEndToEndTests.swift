import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Starts the real `feedgen watch` daemon on a temporary git content repository and reads what it publishes.
@Suite(.serialized) struct WatchEndToEndTests {
    private func rebuilds(_ daemon: BackgroundProcess, _ count: Int) async -> [[String: String]] {
        await daemon.waitForLines(count, where: isRebuild).map(rebuildFields)
    }

    @Test func aPostAddedEditedRenamedAndDeletedShowsInTheFeeds() async throws {
        let repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/2026-01-02-premier.md": ContentRepository.post("Premier", lang: "fr"),
        ])
        let daemon = try repository.watch()
        await #expect(rebuilds(daemon, 1) == [["trigger": "start", "posts.changed": "2", "feeds.rewritten": "3"]])
        #expect(try repository.titles() == ["Premier", "First"])

        // Added, written to a temporary name and renamed into place as many editors and tools do.
        try repository.write(ContentRepository.post("Second"), to: "_posts/.2026-01-03-second.md.tmp")
        try FileManager.default.moveItem(
            at: repository.site.appending(path: "_posts/.2026-01-03-second.md.tmp"),
            to: repository.site.appending(path: "_posts/2026-01-03-second.md"))
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "Premier", "First"])
        #expect(try repository.titles("en/feed.json") == ["Second", "First"])
        #expect(try repository.titles("fr/feed.json") == ["Premier"])

        // Edited in place.
        try repository.write(ContentRepository.post("First, edited"), to: "_posts/2026-01-01-first.md")
        await #expect(rebuilds(daemon, 3).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "Premier", "First, edited"])

        // Editor temporary files change nothing. The pause only gives a wrong rebuild time to show up in the
        // count checked at the end; nothing waits on it.
        for name in [".2026-01-03-second.md.swp", "2026-01-03-second.md~", ".#2026-01-03-second.md", "4913"] {
            try repository.write("scratch", to: "_posts/" + name)
        }
        // Vim removes its `4913` test file at once (the others stay while the file is being edited).
        try FileManager.default.removeItem(at: repository.site.appending(path: "_posts/4913"))
        try await Task.sleep(for: .milliseconds(600))

        // Renamed: a new file name is a new post (with a new id), in the same feeds.
        try FileManager.default.moveItem(
            at: repository.site.appending(path: "_posts/2026-01-03-second.md"),
            to: repository.site.appending(path: "_posts/2026-01-04-second-renamed.md"))
        await #expect(rebuilds(daemon, 4).last == ["trigger": "change", "posts.changed": "2", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Second", "Premier", "First, edited"])
        let json = try String(contentsOf: repository.out.appending(path: "en/feed.json"), encoding: .utf8)
        #expect(json.contains("tag:letter.example.org,2026-01-04:second-renamed"))
        #expect(!json.contains("tag:letter.example.org,2026-01-03:second"))

        // Deleted.
        try FileManager.default.removeItem(at: repository.site.appending(path: "_posts/2026-01-04-second-renamed.md"))
        await #expect(rebuilds(daemon, 5).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Premier", "First, edited"])
        #expect(try repository.titles("fr/feed.json") == ["Premier"])

        // A `_posts` folder made after the start is watched too. Its events (the folder made, then the file written
        // in it) may straddle a rebuild: the post is read by one of them, and the other finds nothing new.
        try repository.write(ContentRepository.post("News"), to: "news/_posts/2026-01-05-news.md")
        let changed = await daemon.waitForLines(6) { isRebuild($0) && rebuildFields($0)["posts.changed"] != "0" }
        #expect(changed.last.map(rebuildFields) == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles("en/feed.json") == ["News", "First, edited"])

        await #expect(daemon.stop() == 0)
        // Six rebuilds and no other, but for one that changed nothing beside the new folder's: the temporary files
        // made none (a rebuild of theirs before the fourth would have failed the wait for it above).
        let noChange = ["trigger": "change", "posts.changed": "0", "feeds.rewritten": "0"]
        let all = daemon.lines.filter(isRebuild).map(rebuildFields)
        #expect(all.filter { $0 != noChange }.count == 6, "\(daemon.lines)")
        #expect(all.dropFirst(5).filter { $0 == noChange }.count <= 1, "\(daemon.lines)")
        #expect(
            daemon.lines.filter { !isRebuild($0) }.map { $0.split(separator: " ").dropFirst().joined(separator: " ") }
                == ["info SIGTERM: stopping", "info stopped"])
    }

    @Test func aCheckoutOfTwoHundredFilesGivesOneRebuild() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        try await repository.git("checkout", "--quiet", "-b", "burst")
        for day in 0..<200 {
            let date = Calendar(identifier: .gregorian).date(
                byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_735_689_600))!  // 2025-01-01
            let name = date.formatted(.iso8601.year().month().day())
            try repository.write(ContentRepository.post("Burst \(day)"), to: "_posts/\(name)-burst-\(day).md")
        }
        try await repository.commit("Two hundred posts")
        try await repository.git("checkout", "--quiet", "main")
        let daemon = try repository.watch(["--limit", "0"])
        await #expect(rebuilds(daemon, 1) == [["trigger": "start", "posts.changed": "1", "feeds.rewritten": "2"]])

        try await repository.git("checkout", "--quiet", "burst")
        await #expect(
            rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "200", "feeds.rewritten": "2"])
        #expect(try repository.titles()?.count == 201)

        // The next change is a rebuild of its own with one post: no rebuild was left over from the checkout.
        try repository.write(ContentRepository.post("After"), to: "_posts/2026-02-01-after.md")
        await #expect(rebuilds(daemon, 3).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles()?.first == "After")
        await #expect(daemon.stop() == 0)
        #expect(daemon.lines.filter(isRebuild).count == 3)
    }

    @Test func aPostWithBrokenYAMLIsReportedAndOtherFeedsAreUntouched() async throws {
        let repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/2026-01-02-premier-fr.md": ContentRepository.post("Premier", lang: "fr"),
        ])
        let daemon = try repository.watch()
        await #expect(rebuilds(daemon, 1).count == 1)
        let english = repository.out.appending(path: "en/feed.json")
        let before = try FileManager.default.attributesOfItem(atPath: english.path)[.modificationDate] as? Date
        let published = try repository.titles("fr/feed.json")

        try repository.write("---\ntitle: \"Broken\nlang: fr\n---\nText.\n", to: "_posts/2026-01-03-broken-fr.md")
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "0"])
        let site = repository.site.path
        let said: [String] = daemon.lines.filter { !isRebuild($0) }.map {
            $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        #expect(
            said
                == [
                    "error \(site)/_posts/2026-01-03-broken-fr.md:4:1: error: invalid YAML in front matter: "
                        + "while scanning a quoted scalar: found unexpected end of stream",
                    "warning kept the published all-languages feed: it would lack \(site)/_posts/2026-01-03-broken-fr.md",
                    "warning kept the published fr feed: it would lack \(site)/_posts/2026-01-03-broken-fr.md",
                ])
        #expect(try repository.titles("fr/feed.json") == published)
        #expect(try FileManager.default.attributesOfItem(atPath: english.path)[.modificationDate] as? Date == before)

        // Fixed: published.
        try repository.write(ContentRepository.post("Réparé", lang: "fr"), to: "_posts/2026-01-03-broken-fr.md")
        await #expect(rebuilds(daemon, 3).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles("fr/feed.json") == ["Réparé", "Premier"])
        await #expect(daemon.stop() == 0)
    }

    @Test func pullBringsANewIssueFromTheRemote() async throws {
        let repository = try await ContentRepository([
            "_posts/2026-01-01-issue-1.md": ContentRepository.post("Issue #1")
        ])
        let remote = repository.folder.url.appending(path: "remote.git")
        let editor = repository.folder.url.appending(path: "editor")
        try await repository.git(
            "clone", "--quiet", "--bare", repository.site.path, remote.path, in: repository.folder.url)
        try await repository.git("remote", "add", "origin", remote.path)
        try await repository.git("fetch", "--quiet", "origin")
        try await repository.git("branch", "--quiet", "--set-upstream-to=origin/main")
        try await repository.git("clone", "--quiet", remote.path, editor.path, in: repository.folder.url)

        let daemon = try repository.watch(["--pull", "200ms"])
        await #expect(rebuilds(daemon, 1).count == 1)
        try Data(ContentRepository.post("Issue #2").utf8).write(
            to: editor.appending(path: "_posts/2026-02-01-issue-2.md"))
        try await repository.git("add", "--all", in: editor)
        try await repository.git("commit", "--quiet", "-m", "Issue 2", in: editor)
        try await repository.git("push", "--quiet", "origin", "main", in: editor)
        let hash = try await repository.git("rev-parse", "--short", "HEAD", in: editor).trimmingCharacters(
            in: .whitespacesAndNewlines)

        await #expect(
            daemon.waitForLines { $0.hasSuffix(" info pulled \(hash) Issue 2") }.count == 1, "\(daemon.lines)")
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles() == ["Issue #2", "Issue #1"])

        // The remote goes away: each pull fails, is logged and retried, and the checkout stays as it was.
        try FileManager.default.moveItem(at: remote, to: repository.folder.url.appending(path: "moved.git"))
        let failures = await daemon.waitForLines(2) { $0.contains(" error git pull failed: ") }
        #expect(failures.count == 2, "\(daemon.lines)")
        await #expect(try repository.git("status", "--porcelain") == "")
        await #expect(
            try repository.git("rev-parse", "--short", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == hash)
        #expect(try repository.titles() == ["Issue #2", "Issue #1"])
        #expect(
            failures.first.map { String($0.split(separator: " ", maxSplits: 1)[1]) }
                == "error git pull failed: fatal: '\(remote.path)' does not appear to be a git repository; "
                + "the checkout is unchanged; retrying")

        // An edit made on the server itself is never mixed with the remote's commits.
        try repository.write(
            ContentRepository.post("Issue #1, edited on the server"), to: "_posts/2026-01-01-issue-1.md")
        await #expect(
            daemon.waitForLines { $0.contains(" warning git pull skipped: tracked files have local changes") }.count
                == 1)
        await #expect(daemon.stop() == 0)
    }

    @Test func aPostAddedToATranslatedPostsFolderIsPublished() async throws {
        // jekyll-multiple-languages-plugin keeps each language's posts in `_i18n/LANG/_posts`.
        let repository = try await ContentRepository([
            "_config.yml": ContentRepository.config
                + "plugins: [jekyll-multiple-languages-plugin]\nlanguages: [\"en\", \"fr\"]\n",
            "_i18n/en/_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_i18n/fr/_posts/2026-01-02-premier.md": ContentRepository.post("Premier"),
        ])
        let daemon = try repository.watch()
        await #expect(rebuilds(daemon, 1) == [["trigger": "start", "posts.changed": "2", "feeds.rewritten": "3"]])
        #expect(try repository.titles("fr/feed.json") == ["Premier"])

        try repository.write(ContentRepository.post("Deuxième"), to: "_i18n/fr/_posts/2026-01-03-deuxieme.md")
        await #expect(rebuilds(daemon, 2).last == ["trigger": "change", "posts.changed": "1", "feeds.rewritten": "2"])
        #expect(try repository.titles("fr/feed.json") == ["Deuxième", "Premier"])
        #expect(try repository.titles("en/feed.json") == ["First"])
        await #expect(daemon.stop() == 0)
    }

    @Test func sigtermEndsCleanlyAndSystemdIsTold() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let socketPath = repository.folder.url.appending(path: "notify").path
        let receiver = try DatagramReceiver(path: socketPath)
        let daemon = try repository.watch(
            environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "200000", "JOURNAL_STREAM": "8:1234"])
        await #expect(daemon.waitForLines(where: isJournalRebuild).count == 1)
        // Watchdog pings come every 100 ms (half of WATCHDOG_USEC): wait for two before stopping.
        var messages = [receiver.next(), receiver.next(), receiver.next(), receiver.next()]
        #expect(
            messages == [
                "STATUS=2 feeds from 1 post files (last rebuild: start)", "READY=1", "WATCHDOG=1", "WATCHDOG=1",
            ])
        await #expect(daemon.stop(SIGTERM) == 0)
        messages = receiver.messages(until: "STOPPING=1")
        #expect(messages.last == "STOPPING=1")
        #expect(messages.dropLast().allSatisfy { $0 == "WATCHDOG=1" })
        #expect(
            daemon.lines == [
                "<6>rebuild trigger=start posts.changed=1 feeds.rewritten=2 ms=\(rebuildMilliseconds(daemon.lines[0]))",
                "<6>SIGTERM: stopping", "<6>stopped",
            ])
    }

    private func rebuildMilliseconds(_ line: String) -> String {
        line.split(separator: " ").first { $0.hasPrefix("ms=") }.map { String($0.dropFirst(3)) } ?? "?"
    }

    private func isJournalRebuild(_ line: String) -> Bool { line.hasPrefix("<6>rebuild ") }
}
