import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `feedgen watch --serve` builds, watches and serves in one process; `feedgen serve` refuses what it cannot do.
@Suite(.serialized) struct WatchServeTests {
    @Test func aPostAddedWhileServingIsServedAfterTheRepublish() async throws {
        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let port = try freeLoopbackPort()
        let daemon = try repository.watch(["--serve", "127.0.0.1:\(port)"])
        await #expect(daemon.waitForLines(where: isRebuild).count == 1)
        let client = HTTPClient(port: port)
        try await #require(acceptsConnections(on: port) { daemon.isRunning }, "\(daemon.lines)")

        let before = try await client.get("/feed.json")
        #expect(before.status == 200)
        #expect(try titles(before.body) == ["First"])
        let etag = try #require(before.headers["etag"])
        await #expect(try client.get("/feed.json", ["-H", "If-None-Match: \(etag)"]).status == 304)

        try repository.write(ContentRepository.post("Second"), to: "_posts/2026-01-02-second.md")
        await #expect(daemon.waitForLines(2, where: isRebuild).count == 2)
        let after = try await client.get("/feed.json", ["-H", "If-None-Match: \(etag)"])
        #expect(after.status == 200)
        #expect(try titles(after.body) == ["Second", "First"])
        #expect(after.headers["etag"] != etag)
        #expect(daemon.lines.contains { $0.contains(" info request ") && $0.contains("http.target=/feed.json") })

        await #expect(daemon.stop(SIGTERM) == 0)
        // The server stopped with the daemon.
        #expect(!(await acceptsConnections(on: port, timeout: 0)))
    }

    @Test func anAddressInUseStopsServeAndWatchWithAClearError() async throws {
        let folder = try TemporaryDirectory(["rss.xml": "<rss/>"])
        let port = try freeLoopbackPort()
        let first = try BackgroundProcess(
            Paths.feedgen, ["serve", "--out", folder.url.path, "--listen", "127.0.0.1:\(port)"])
        try await #require(acceptsConnections(on: port) { first.isRunning })

        let second = try await run(Paths.feedgen, ["serve", "--out", folder.url.path, "--listen", "127.0.0.1:\(port)"])
        #expect(second.status == 1)
        #expect(second.stderr.hasSuffix("feedgen: error: cannot serve on 127.0.0.1:\(port): Address already in use\n"))

        let repository = try await ContentRepository(["_posts/2026-01-01-first.md": ContentRepository.post("First")])
        let watch = try await run(
            Paths.feedgen,
            ["watch", "--site", repository.site.path, "--out", repository.out.path, "--serve", "127.0.0.1:\(port)"])
        #expect(watch.status == 1)
        #expect(watch.stderr.hasSuffix("feedgen: error: cannot serve on 127.0.0.1:\(port): Address already in use\n"))
        // It stopped before building.
        #expect(!FileManager.default.fileExists(atPath: repository.out.appending(path: "feed.json").path))
        await #expect(first.stop(SIGTERM) == 0)
    }

    @Test func badArgumentsAreRefused() async throws {
        let folder = try TemporaryDirectory()
        let listen = try await run(Paths.feedgen, ["serve", "--out", folder.url.path, "--listen", "8080"])
        #expect(listen.status == 64)
        #expect(listen.stderr.hasPrefix("Error: --listen wants HOST:PORT (e.g. 127.0.0.1:8080), not '8080'\n"))
        let missing = folder.url.appending(path: "missing").path
        let out = try await run(Paths.feedgen, ["serve", "--out", missing, "--listen", "127.0.0.1:0"])
        #expect(out.status == 1)
        #expect(out.stderr == "\(missing): error: no such folder\n")
        let watch = try await run(Paths.feedgen, ["watch", "--site", folder.url.path, "--serve", "localhost"])
        #expect(watch.status == 64)
        #expect(watch.stderr.hasPrefix("Error: --serve wants HOST:PORT (e.g. 127.0.0.1:8080), not 'localhost'\n"))
    }

    private func titles(_ json: Data) throws -> [String] {
        struct Feed: Decodable {
            struct Item: Decodable { var title: String }
            var items: [Item]
        }
        return try JSONDecoder().decode(Feed.self, from: json).items.map(\.title)
    }
}
