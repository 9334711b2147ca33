import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Real faults (permissions as an unprivileged user, a full disk, odd file names, links): nothing the site
/// publishes vanishes from the feeds, and each problem is one line naming its path.
@Suite struct FaultInjectionTests {
    static let site: [String: String] = [
        "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\npermalink: /:year/:title/\n",
        "site/_posts/2024-01-01-issue-1-en.md": "---\ntitle: \"Issue #1\"\n---\nHello.\n",
        "site/_posts/2024-01-02-issue-1-fr.md": "---\ntitle: \"Numéro #1 [FR]\"\n---\nBonjour.\n",
        "site/_posts/2024-02-01-issue-2-en.md": "---\ntitle: \"Issue #2\"\n---\nSecond.\n",
    ]

    /// Every published file of `out`, relative path to bytes.
    static func published(_ out: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = FileManager.default.subpaths(atPath: out.path) ?? []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let url = out.appending(path: name)
            // The output folder's lock file names the last process that held it: not a published file.
            if name == ".feedgen.lock" { continue }
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test(.enabled(if: Unprivileged.unavailable == nil, "needs the user nobody and setpriv"))
    func anUnreadablePostsFolderIsAnErrorAndKeepsEveryPublishedFeed() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let out = folder.url.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Unprivileged.give(out)
        let good = try await Unprivileged.feedgen(["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        let before = try Self.published(out)
        // The feeds and their lists, without the .gz copies and the HTML page with its stylesheet.
        let documents = before.keys.filter { !$0.hasSuffix(".gz") && $0 != "index.html" && $0 != "feed.xsl" }
        #expect(documents.count == 12, "\(before.keys.sorted())")

        let posts = folder.url.appending(path: "site/_posts")
        chmod(posts.path, 0)
        defer { chmod(posts.path, 0o755) }
        let build = try await Unprivileged.feedgen(["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr == """
                site/_posts: error: cannot list folder: Permission denied
                out: warning: kept the published all-languages feed: it would lack site/_posts

                """)
        #expect(
            build.stdout == """
                Built 0 feeds (0 languages) from site into out
                language    posts  items  files
                (all)           0      0  3 kept
                feeds.opml: kept
                feeds-atom.opml: kept
                feeds-json.opml: kept
                0 post files (1 left out); files: 0 written, 6 kept; 1 errors, 0 warnings

                """)
        #expect(try Self.published(out) == before)

        let check = try await Unprivileged.feedgen(["check", "--site", "site"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("site/_posts: error: cannot list folder: Permission denied\n"))
    }

    @Test(.enabled(if: Unprivileged.unavailable == nil, "needs the user nobody and setpriv"))
    func watchKeepsTheFeedsWhileAFolderIsUnreadableAndRebuildsWhenItIsBack() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let out = folder.url.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Unprivileged.give(out)
        let ids = try #require(Unprivileged.ids)
        let daemon = try BackgroundProcess(
            URL(filePath: "/usr/bin/setpriv"),
            [
                "--reuid=\(ids.uid)", "--regid=\(ids.gid)", "--clear-groups", Paths.feedgen.path, "watch", "--site",
                "site", "--out", "out", "--debounce", "50ms",
            ], in: folder.url)
        defer { daemon.send(SIGTERM) }
        let isRebuild = { (line: String) in line.contains(" info rebuild ") }
        await #expect(daemon.waitForLines(1, where: isRebuild).count == 1, "\(daemon.lines)")
        let before = try Self.published(out)

        let posts = folder.url.appending(path: "site/_posts")
        chmod(posts.path, 0)
        defer { chmod(posts.path, 0o755) }
        let errors = await daemon.waitForLines(1) { $0.contains("error") }
        #expect(
            errors.map { $0.split(separator: " ").dropFirst().joined(separator: " ") } == [
                "error site/_posts: error: cannot list folder: Permission denied"
            ])
        // A new issue arrives while the folder cannot be read (root can still write there).
        try Data("---\ntitle: \"Issue #3\"\n---\nThird.\n".utf8).write(
            to: posts.appending(path: "2024-03-01-issue-3-en.md"))
        await #expect(daemon.waitForLines(2) { $0.contains("cannot list folder") }.count == 2, "\(daemon.lines)")
        #expect(try Self.published(out) == before)

        // Permissions come back: that alone rebuilds, and the new issue is published.
        await #expect(daemon.waitForLines(3, where: isRebuild).count == 3, "\(daemon.lines)")
        chmod(posts.path, 0o755)
        await #expect(daemon.waitForLines(4, where: isRebuild).count == 4, "\(daemon.lines)")
        let feed = try String(contentsOf: out.appending(path: "en/atom.xml"), encoding: .utf8)
        #expect(feed.contains("Issue #3"), "\(daemon.lines)")
    }

    @Test func theFeedOfALanguageWithoutPostsIsRemoved() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let out = folder.url.appending(path: "out")
        await #expect(try run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url).status == 0)
        #expect(try Self.published(out).keys.contains("fr/rss.xml"))
        try FileManager.default.removeItem(at: folder.url.appending(path: "site/_posts/2024-01-02-issue-1-fr.md"))

        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(
            build.stdout == """
                Built 2 feeds (1 languages) from site into out
                language    posts  items  files
                (all)           2      2  3 written
                en              2      2  3 written
                fr              0      0  3 removed
                feeds.opml: written
                feeds-atom.opml: written
                feeds-json.opml: written
                2 post files; files: 9 written, 3 removed; 0 errors, 0 warnings

                """)
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "fr").path))
        let opml = try String(contentsOf: out.appending(path: "feeds.opml"), encoding: .utf8)
        #expect(!opml.contains("/fr/"))
    }

    @Test func aSiteWithoutAnyPostRemovesNoFeed() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let out = folder.url.appending(path: "out")
        await #expect(try run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url).status == 0)
        let before = try Self.published(out)
        let posts = folder.url.appending(path: "site/_posts")
        for name in try FileManager.default.contentsOfDirectory(atPath: posts.path) {
            try FileManager.default.removeItem(at: posts.appending(path: name))
        }
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try Self.published(out) == before)
    }

    @Test func fileNamesThatAreNotUTF8OrHoldANewlineAreReportedEscaped() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let posts = folder.url.appending(path: "site/_posts")
        let text = Array("---\ntitle: \"Issue #3\"\n---\nThird.\n".utf8)
        for name in [Array("2024-03-01-caf".utf8) + [0xE9] + Array(".md".utf8), Array("2024-03-02-a\nb.md".utf8)] {
            let path = Array(posts.path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let descriptor = path.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            try #require(descriptor >= 0)
            _ = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        try Data(text).write(to: posts.appending(path: "2024-03-03-...md"))
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr == """
                site/_posts/2024-03-01-caf\\xE9.md: error: left out: the file name is not valid UTF-8; rename it
                site/_posts/2024-03-02-a\\nb.md: error: left out: the file name holds a control character
                site/_posts/2024-03-03-...md: error: left out: the file name has no title after the date; rename it

                """)
    }

    @Test func symbolicLinksAreSkippedWithAWarningAPostsFolderIncluded() async throws {
        let folder = try TemporaryDirectory(
            Self.site.merging(["elsewhere/2024-03-01-issue-3-en.md": "---\ntitle: \"Issue #3\"\n---\nThird.\n"]) {
                $1
            })
        let site = folder.url.appending(path: "site")
        try FileManager.default.createDirectory(at: site.appending(path: "news"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.appending(path: "news/_posts").path, withDestinationPath: "../../elsewhere")
        try FileManager.default.createSymbolicLink(
            atPath: site.appending(path: "_posts/2024-03-02-issue-4-en.md").path,
            withDestinationPath: "../../elsewhere/2024-03-01-issue-3-en.md")
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 0)
        let reason = "symbolic link skipped: feedgen follows no links, as Jekyll's safe mode (GitHub Pages)"
        #expect(
            build.stderr == """
                site/_posts/2024-03-02-issue-4-en.md: warning: \(reason)
                site/news/_posts: warning: \(reason)

                """)
        #expect(build.stdout.hasSuffix("3 post files; files: 12 written; 0 errors, 2 warnings\n"))
    }

    @Test(.enabled(if: SmallDisk.canMount, "mounting a tmpfs is refused here"))
    func aFullDiskLeavesEachFeedAllOldOrAllNewAndTriesEveryFeed() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let out = folder.url.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let disk = try await SmallDisk(at: out, size: "400k")
        _ = disk
        await #expect(try run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url).status == 0)
        let before = try Self.published(out)

        // An English issue too big for the disk three times over (the old files stay until the new ones are
        // in), and a French change that fits.
        let big = String(repeating: "Words that fill the disk. ", count: 10_000)
        try Data("---\ntitle: \"Issue #3\"\n---\n\(big)\n".utf8).write(
            to: folder.url.appending(path: "site/_posts/2024-03-01-issue-3-en.md"))
        try Data("---\ntitle: \"Numéro #1 [FR]\"\n---\nBonjour encore.\n".utf8).write(
            to: folder.url.appending(path: "site/_posts/2024-01-02-issue-1-fr.md"))
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr == """
                out/atom.xml: error: write failed: No space left on device
                out/en/atom.xml: error: write failed: No space left on device

                """)
        #expect(
            build.stdout == """
                Built 3 feeds (2 languages) from site into out
                language    posts  items  files
                (all)           4      4  3 failed
                en              3      3  3 failed
                fr              1      1  3 written
                feeds.opml: written
                feeds-atom.opml: written
                feeds-json.opml: written
                4 post files; files: 6 written, 6 failed; 2 errors, 0 warnings

                """)
        let after = try Self.published(out)
        for name in ["rss.xml", "atom.xml", "feed.json", "en/rss.xml", "en/atom.xml", "en/feed.json"] {
            #expect(after[name] == before[name], "\(name)")
        }
        for name in ["fr/rss.xml", "fr/atom.xml", "fr/feed.json"] {
            #expect(after[name] != before[name], "\(name)")
        }
        #expect(after.keys.sorted() == before.keys.sorted(), "no temporary file left behind")
    }
}
