import Foundation
import Testing

/// Feed readers subscribe through each server, nginx with the repository's block and `feedgen serve`, over the
/// same built site: feedparser (with its `etag` and `modified` arguments) and newsboat read every item of the
/// built files, and their next conditional poll gets 304.
@Suite(.serialized) struct SubscribingTests {
    enum Server: String, CaseIterable, CustomTestStringConvertible {
        case nginx, feedgenServe
        var testDescription: String { rawValue }
    }

    /// One of the servers, running over `out`: its port, and the statuses it logged for a target.
    final class Running {
        let port: Int
        let statuses: (String) -> [String]
        private let keep: AnyObject

        init(_ server: Server, serving out: URL, in folder: URL) async throws {
            switch server {
            case .nginx:
                let nginx = try await NginxTests.Nginx(serving: out, in: folder)
                port = nginx.port
                statuses = { nginx.statuses(for: $0) }
                keep = nginx
            case .feedgenServe:
                let port = try freeLoopbackPort()
                let serve = try BackgroundProcess(
                    Paths.feedgen, ["serve", "--out", out.path, "--listen", "127.0.0.1:\(port)"])
                try await #require(acceptsConnections(on: port) { serve.isRunning }, "feedgen serve: \(serve.lines)")
                self.port = port
                statuses = { target in
                    serve.lines.filter { $0.split(separator: " ").dropFirst(1).starts(with: ["info", "request"]) }
                        .map(rebuildFields).filter { $0["http.target"] == target && $0["http.method"] == "GET" }
                        .map { $0["http.status"] ?? "" }
                }
                keep = serve
            }
        }

        deinit { (keep as? BackgroundProcess)?.send(SIGTERM) }
    }

    /// The feeds read, and how many items each has.
    static let feeds = [("rss.xml", 3), ("atom.xml", 3), ("fr/atom.xml", 1), ("ar/rss.xml", 1)]

    @Test(.enabled(if: Unprivileged.unavailable == nil, "cannot run nginx as nobody here"), arguments: Server.allCases)
    func feedparserReadsEveryItemThenGets304(through server: Server) async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let running = try await Running(server, serving: site.out, in: site.folder.url)
        // For each feed: the items fetched are those of the built file (id, title, date), then a poll with the
        // ETag and one with the Last-Modified date get 304.
        let script = """
            import feedparser, sys
            base, out = sys.argv[1], sys.argv[2]
            def items(parsed):
                return [(e.get("id"), e.get("title"), e.get("published", e.get("updated"))) for e in parsed.entries]
            for path in sys.argv[3:]:
                first = feedparser.parse(base + path)
                built = feedparser.parse(out + "/" + path)
                by_etag = feedparser.parse(base + path, etag=first.get("etag"))
                by_date = feedparser.parse(base + path, modified=first.get("modified"))
                print(path, first.get("status"), bool(first.bozo), len(first.entries), items(first) == items(built),
                      by_etag.get("status"), by_date.get("status"))
            """
        let result = try await python(
            script, ["http://127.0.0.1:\(running.port)/", site.out.path] + Self.feeds.map(\.0))
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.feeds.map { "\($0) 200 False \($1) True 304 304\n" }.joined())
    }

    @Test(.enabled(if: Unprivileged.unavailable == nil, "cannot run nginx as nobody here"), arguments: Server.allCases)
    func newsboatReadsEveryItemThenGets304(through server: Server) async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let running = try await Running(server, serving: site.out, in: site.folder.url)
        for (path, count) in Self.feeds {
            let newsboat = try NewsboatSubscription("http://127.0.0.1:\(running.port)/\(path)")
            try await newsboat.reload()
            // Every item of the built file, by GUID and title (feedparser reads the file for comparison).
            let stored = try await run(
                URL(filePath: "/usr/bin/sqlite3"),
                [newsboat.cache, "SELECT guid || ' ' || title FROM rss_item ORDER BY guid"])
            let built = try await python(
                """
                import feedparser, sys
                print("".join(sorted(e.id + " " + e.title + "\\n" for e in feedparser.parse(sys.argv[1]).entries)), end="")
                """, [site.out.appending(path: path).path])
            #expect(stored.stdout.split(separator: "\n").count == count, "\(path): \(stored.stderr)")
            #expect(stored.stdout == built.stdout, "\(path): \(built.stderr)")
            // newsboat 2.21 stores a feed's ETag and Last-Modified from its second fetch on (at the first, the
            // feed's row does not exist yet when it saves them), so its third poll is the first conditional one.
            try await newsboat.reload()
            try await newsboat.reload()
            #expect(running.statuses("/" + path) == ["200", "200", "304"], "\(path)")
        }
    }
}
