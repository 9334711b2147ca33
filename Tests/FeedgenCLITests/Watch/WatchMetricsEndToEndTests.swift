import FeedgenServe
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `feedgen watch --metrics`: the real daemon scraped over real HTTP (curl) on a listener of its own.
@Suite(.serialized) struct WatchMetricsEndToEndTests {
    /// Starts the daemon with `--metrics 127.0.0.1:0` and reads the port it bound from its `metrics listening` line.
    private func start(_ repository: ContentRepository, _ extra: [String] = []) async throws -> (
        BackgroundProcess, HTTPClient
    ) {
        let daemon = try repository.watch(["--metrics", "127.0.0.1:0"] + extra)
        return (daemon, HTTPClient(port: try await metricsPort(of: daemon)))
    }

    private func samples(_ body: Data) -> [String: String] { prometheusSamples(body) }

    /// The series whose values differ between two scrapes, with the later value.
    private func moved(_ before: [String: String], _ after: [String: String]) -> [String: String] {
        after.filter { before[$0.key] != $0.value }
    }

    @Test func aScrapeAfterAnEditSeesTheCountersMoveByTheRebuild() async throws {
        let repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/2026-01-02-premier.md": ContentRepository.post("Premier", lang: "fr"),
        ])
        let (daemon, client) = try await start(repository)
        await #expect(
            daemon.waitForLines(where: isRebuild).map(rebuildFields) == [
                ["trigger": "start", "posts.changed": "2", "feeds.rewritten": "3"]
            ])

        let first = try await client.get("/metrics")
        #expect(first.status == 200)
        #expect(first.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        let before = samples(first.body)
        #expect(before["feedgen_rebuilds_total{trigger=\"start\"}"] == "1")
        #expect(before["feedgen_rebuilds_total{trigger=\"change\"}"] == "0")
        #expect(before["feedgen_posts_read_total"] == "2")
        #expect(before["feedgen_posts_rendered_total"] == "2")
        #expect(before["feedgen_feeds_rewritten_total"] == "3")
        #expect(before["feedgen_rebuild_duration_seconds_count"] == "1")
        #expect(before["feedgen_websub_notifications_total{result=\"sent\"}"] == "0")
        #expect(before["feedgen_diagnostics_total{level=\"error\",kind=\"post\"}"] == "0")
        // The fixed set of series: 7 triggers, 10 diagnostics, 2 WebSub results, 3 counts, 12 buckets + Inf,
        // a sum and a count.
        let series: Int = 7 + 10 + 2 + 3 + 13 + 2
        #expect(before.count == series, "\(before.keys.sorted())")

        try repository.write(ContentRepository.post("First, edited"), to: "_posts/2026-01-01-first.md")
        await #expect(
            daemon.waitForLines(2, where: isRebuild).map(rebuildFields).last == [
                "trigger": "change", "posts.changed": "1", "feeds.rewritten": "2",
            ])
        let after = samples(try await client.get("/metrics").body)
        var changed = moved(before, after)
        // The histogram moved too; which buckets depends on how long the rebuild took.
        #expect(changed.removeValue(forKey: "feedgen_rebuild_duration_seconds_count") == "2")
        #expect(changed.removeValue(forKey: "feedgen_rebuild_duration_seconds_bucket{le=\"+Inf\"}") == "2")
        changed = changed.filter { !$0.key.hasPrefix("feedgen_rebuild_duration_seconds_") }
        #expect(
            changed == [
                "feedgen_rebuilds_total{trigger=\"change\"}": "1",
                // One post read and rendered again; the other came from the cache.
                "feedgen_posts_read_total": "3",
                "feedgen_posts_rendered_total": "3",
                "feedgen_feeds_rewritten_total": "5",
            ])

        // A post that cannot be read: an error about a post, counted once.
        try repository.write("---\ntitle: \"Broken\n---\nText.\n", to: "_posts/2026-01-03-broken.md")
        await daemon.waitForLines(3, where: isRebuild)
        let broken = moved(after, samples(try await client.get("/metrics").body))
        #expect(broken["feedgen_diagnostics_total{level=\"error\",kind=\"post\"}"] == "1")
        #expect(broken["feedgen_posts_read_total"] == "4")
        #expect(broken["feedgen_posts_rendered_total"] == nil)
        #expect(broken.keys.filter { $0.hasPrefix("feedgen_diagnostics_total") }.count == 1)

        await #expect(daemon.stop(SIGTERM) == 0)
    }

    @Test func onlyGetAndHeadOfSlashMetricsAreAnsweredAndNeverOnTheFeedListener() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let servePort = try freeLoopbackPort()
        let (daemon, client) = try await start(repository, ["--serve", "127.0.0.1:\(servePort)"])
        await daemon.waitForLines(where: isRebuild)

        for path in ["/", "/metrics/", "/metrics.txt", "/feed.json", "/Metrics"] {
            await #expect(try client.get(path).status == 404, "\(path)")
        }
        let post = try await client.get("/metrics", ["-X", "POST"])
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
        await #expect(try client.get("/metrics", ["-X", "DELETE"]).status == 405)

        let get = try await client.get("/metrics")
        let head = try await client.head("/metrics")
        #expect(head.status == 200)
        #expect(head.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        // Nothing happened between the two: the same exposition, so the same length.
        #expect(head.headers["content-length"] == "\(get.body.count)")
        #expect(get.headers["content-length"] == "\(get.body.count)")
        #expect(String(decoding: get.body, as: UTF8.self).contains("\nfeedgen_rebuilds_total{trigger=\"start\"} 1\n"))

        // The public feed listener serves the feeds, and no metrics.
        let feeds = HTTPClient(port: servePort)
        await #expect(try feeds.get("/feed.json").status == 200)
        await #expect(try feeds.get("/metrics").status == 404)
        await #expect(daemon.stop(SIGTERM) == 0)
    }

    @Test func anAddressInUseStopsWatchBeforeItBuilds() async throws {
        let folder = try TemporaryDirectory(["rss.xml": "<rss/>"])
        let port = try freeLoopbackPort()
        let first = try BackgroundProcess(
            Paths.feedgen, ["serve", "--out", folder.url.path, "--listen", "127.0.0.1:\(port)"])
        try await #require(acceptsConnections(on: port) { first.isRunning })

        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let watch = try await run(
            Paths.feedgen,
            ["watch", "--site", repository.site.path, "--out", repository.out.path, "--metrics", "127.0.0.1:\(port)"])
        #expect(watch.status == 1)
        #expect(
            watch.stderr.hasSuffix(
                "feedgen: error: cannot serve metrics on 127.0.0.1:\(port): Address already in use\n"))
        #expect(!FileManager.default.fileExists(atPath: repository.out.appending(path: "feed.json").path))

        // With --serve on a free port too, the message still names the listener that failed.
        let out = repository.out.deletingLastPathComponent().appending(path: "out-both")
        let both = try await run(
            Paths.feedgen,
            [
                "watch", "--site", repository.site.path, "--out", out.path, "--serve",
                "127.0.0.1:\(try freeLoopbackPort())", "--metrics", "127.0.0.1:\(port)",
            ])
        #expect(both.status == 1)
        // The feed server that did listen stopped gracefully, not cancelled (Hummingbird logs errors then).
        #expect(!both.stderr.contains(" error "), "\(both.stderr)")
        #expect(
            both.stderr.hasSuffix("feedgen: error: cannot serve metrics on 127.0.0.1:\(port): Address already in use\n")
        )
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "feed.json").path))
        await #expect(first.stop(SIGTERM) == 0)
    }

    @Test func aMetricsAddressWithoutAPortIsAUsageError() async throws {
        let folder = try TemporaryDirectory()
        let watch = try await run(Paths.feedgen, ["watch", "--site", folder.url.path, "--metrics", "9464"])
        #expect(watch.status == 64)
        #expect(watch.stderr.hasPrefix("Error: --metrics wants HOST:PORT (e.g. 127.0.0.1:9464), not '9464'\n"))
    }

    @Test(arguments: [
        ("GET", "/metrics", MetricsRoute.exposition(head: false)),
        ("HEAD", "/metrics", .exposition(head: true)),
        ("POST", "/metrics", .methodNotAllowed),
        ("get", "/metrics", .methodNotAllowed),
        ("GET", "/", .notFound),
        ("POST", "/other", .notFound),
        ("GET", "/metrics/", .notFound),
    ])
    func theRouteDependsOnTheMethodAndPathAlone(method: String, path: String, route: MetricsRoute) {
        #expect(MetricsRoute(method: method, path: path) == route)
    }
}
