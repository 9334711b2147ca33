import Foundation
import Testing

/// One header policy: real nginx with exactly the block in `systemd/nginx-feedgen.conf` and the real
/// `feedgen serve`, over the same built folder, asked the same requests by the same HTTP client, send the same
/// values for every header the two must agree on, for one file of each kind.
@Suite(.serialized) struct HeaderDriftTests {
    /// The headers that must agree (ETag and Last-Modified are each server's own: nginx makes its ETag from
    /// the time and size, `feedgen serve` from the bytes; both round-trip, as their own tests check).
    static let agreed = ["content-type", "cache-control", "access-control-allow-origin", "vary", "content-encoding"]

    /// One request per kind of file: each feed format, the three OPML lists, the page at `/` and by name,
    /// the stylesheet, and a feed and a page negotiated to their `.gz` copies.
    static let requests: [(method: String, path: String, headers: [String: String])] = [
        ("GET", "/rss.xml", [:]), ("GET", "/fr/atom.xml", [:]), ("GET", "/ar/feed.json", [:]),
        ("GET", "/feeds.opml", [:]), ("GET", "/feeds-atom.opml", [:]), ("GET", "/feeds-json.opml", [:]),
        ("GET", "/", [:]), ("GET", "/index.html", [:]), ("GET", "/feed.xsl", [:]),
        ("GET", "/rss.xml", ["Accept-Encoding": "gzip"]), ("GET", "/feed.json", ["Accept-Encoding": "gzip"]),
        ("GET", "/index.html", ["Accept-Encoding": "gzip"]), ("HEAD", "/atom.xml", ["Accept-Encoding": "gzip"]),
    ]

    @Test(.enabled(if: Unprivileged.unavailable == nil, "cannot run nginx as nobody here"))
    func nginxAndFeedgenServeSendTheSameHeaders() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let nginx = try await NginxTests.Nginx(serving: site.out, in: site.folder.url)
        let port = try freeLoopbackPort()
        let serve = try BackgroundProcess(
            Paths.feedgen, ["serve", "--out", site.out.path, "--listen", "127.0.0.1:\(port)"])
        defer { serve.send(SIGTERM) }
        try await #require(acceptsConnections(on: port) { serve.isRunning }, "feedgen serve: \(serve.lines)")

        let fromNginx = try await nginx.ask(Self.requests)
        let fromServe = try await NginxTests.ask(port: port, Self.requests)
        for (request, (expected, found)) in zip(Self.requests, zip(fromNginx, fromServe)) {
            let label = "\(request.method) \(request.path) \(request.headers)"
            #expect(expected.status == 200 && found.status == 200, "\(label)")
            for name in Self.agreed {
                #expect(found.headers[name] == expected.headers[name], "\(label): \(name)")
            }
            #expect(found.body == expected.body, "\(label)")
        }
        // The gzip requests were answered from the .gz copies, by both.
        #expect(fromNginx.suffix(4).map { $0.headers["content-encoding"] } == Array(repeating: "gzip", count: 4))
    }
}
