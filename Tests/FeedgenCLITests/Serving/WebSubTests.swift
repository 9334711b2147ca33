import Foundation
import Testing

/// WebSub: a hub started by the test on the loopback hears of exactly the feeds each publish changed, from
/// `feedgen build` and `feedgen watch`, and a refusal is retried without failing the build.
@Suite(.serialized) struct WebSubTests {
    /// A WebSub hub: answers 503 to the first argv[1] notifications of each feed URL, 204 after; writes
    /// `STATUS MODE URL CONTENT-TYPE` on standard error before answering, and its port first.
    static let hubProgram = """
        import http.server, sys, urllib.parse
        refuse, seen = int(sys.argv[1]), {}
        class Hub(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                url = form.get("hub.url", [""])[0]
                seen[url] = seen.get(url, 0) + 1
                status = 503 if seen[url] <= refuse else 204
                sys.stderr.write("%d %s %s %s\\n" % (status, form.get("hub.mode", [""])[0], url, self.headers["Content-Type"]))
                sys.stderr.flush()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *arguments): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
        sys.stderr.write("listening %d\\n" % server.server_address[1])
        sys.stderr.flush()
        server.serve_forever()
        """

    final class Hub {
        let process: BackgroundProcess
        let url: String
        private var marks = 0

        init(refusing refuse: Int = 0) async throws {
            process = try BackgroundProcess(
                URL(filePath: "/usr/bin/env"), ["python3", "-c", WebSubTests.hubProgram, String(refuse)])
            let line = await process.waitForLines { $0.hasPrefix("listening ") }.first ?? ""
            url = "http://127.0.0.1:\(line.dropFirst("listening ".count))/"
        }

        /// The notifications heard since the last call, in order. A marker notification sent now is heard after
        /// all of them (feedgen has exited, or was seen to send them), so none still on the way is missed.
        func heard() async throws -> [String] {
            marks += 1
            let marker = "marker-\(marks)"
            let sent = try await run(
                URL(filePath: "/usr/bin/curl"), ["-s", "-d", "hub.mode=publish&hub.url=\(marker)", url])
            #expect(sent.status == 0)
            await process.waitForLines { $0.contains(" \(marker) ") }
            let lines = process.lines.filter { !$0.hasPrefix("listening ") }
            let start = lines.lastIndex { $0.contains(" marker-\(marks - 1) ") }.map { $0 + 1 } ?? 0
            let end = lines.lastIndex { $0.contains(" \(marker) ") } ?? lines.endIndex
            return Array(lines[start..<end])
        }

        deinit { process.send(SIGTERM) }
    }

    static func feeds(_ folders: [String]) -> [String] {
        folders.flatMap { folder in
            ["rss.xml", "atom.xml", "feed.json"].map { "https://letter.example.org/feeds/" + folder + $0 }
        }
    }

    static func accepted(_ urls: [String]) -> [String] {
        urls.map { "204 publish \($0) application/x-www-form-urlencoded" }.sorted()
    }

    @Test func everyFeedLinksTheHub() async throws {
        let site = try ServedSite("hub: https://hub.example.org/\n")
        _ = try await site.build(["--hub-retry", "1ms"])
        let rss = try String(contentsOf: site.out.appending(path: "fr/rss.xml"), encoding: .utf8)
        #expect(rss.contains("<atom:link rel=\"hub\" href=\"https://hub.example.org/\"/>"))
        let atom = try String(contentsOf: site.out.appending(path: "atom.xml"), encoding: .utf8)
        #expect(atom.contains("<link rel=\"hub\" href=\"https://hub.example.org/\"/>"))
        struct Hubs: Decodable { var hubs: [[String: String]] }
        let json = try JSONDecoder().decode(Hubs.self, from: Data(contentsOf: site.out.appending(path: "ar/feed.json")))
        #expect(json.hubs == [["type": "WebSub", "url": "https://hub.example.org/"]])
    }

    @Test func buildNotifiesOncePerChangedFeed() async throws {
        let hub = try await Hub()
        let site = try ServedSite("hub: \(hub.url)\n")
        _ = try await site.build()
        await #expect(try hub.heard().sorted() == Self.accepted(Self.feeds(["", "ar/", "en/", "fr/"])))
        _ = try await site.build()
        await #expect(try hub.heard() == [], "nothing changed, nothing to tell")
        try site.write(
            ServedSite.post("Notes du port, un", lang: "fr"), to: "site/_posts/2026-01-14-notes-du-port-fr.md")
        _ = try await site.build()
        await #expect(try hub.heard().sorted() == Self.accepted(Self.feeds(["", "fr/"])))
    }

    @Test func aRefusedNotificationIsRetriedAndNeverFailsTheBuild() async throws {
        let hub = try await Hub(refusing: 1)
        let site = try ServedSite("hub: \(hub.url)\n")
        let build = try await site.build(["--hub-retry", "10ms"])
        let urls = Self.feeds(["", "ar/", "en/", "fr/"])
        let refused = urls.map { "503 publish \($0) application/x-www-form-urlencoded" }
        await #expect(try hub.heard().sorted() == (refused + Self.accepted(urls)).sorted())
        let warnings = build.stderr.split(separator: "\n").filter {
            $0.contains("warning the WebSub hub did not take the notification: HTTP 503; retrying")
        }
        #expect(warnings.count == urls.count, "\(build.stderr)")
    }

    @Test func aHubThatIsDownIsLoggedAndThePublishStands() async throws {
        let port = try freeLoopbackPort()
        let site = try ServedSite("hub: http://127.0.0.1:\(port)/\n")
        let build = try await site.feedgen(["build", "--hub-retry", "1ms"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.out.appending(path: "fr/rss.xml").path))
        let givenUp = build.stderr.split(separator: "\n").filter { $0.contains("; giving up") }
        #expect(givenUp.count == 12, "\(build.stderr)")
    }

    @Test func watchNotifiesAfterEachPublish() async throws {
        let hub = try await Hub()
        let site = try ServedSite("hub: \(hub.url)\n")
        let daemon = try BackgroundProcess(
            Paths.feedgen, ["watch", "--config", site.definitions.path, "--debounce", "50ms"], in: site.folder.url)
        let notified = { (count: Int) async in
            await daemon.waitForLines(count) { $0.contains("notified the WebSub hub") }.count
        }
        #expect(await notified(12) == 12, "\(daemon.lines)")
        await #expect(try hub.heard().sorted() == Self.accepted(Self.feeds(["", "ar/", "en/", "fr/"])))
        try site.write(
            ServedSite.post("Harbour notes, one", lang: "en"), to: "site/_posts/2026-01-12-harbour-notes-en.md")
        #expect(await notified(18) == 18, "\(daemon.lines)")
        await #expect(daemon.stop() == 0)
        await #expect(try hub.heard().sorted() == Self.accepted(Self.feeds(["", "en/"])))
    }

    /// `--metrics` counts each feed URL once: sent when the hub took it (after a refusal and a retry), failed when
    /// the hub still refused it at the last attempt (five attempts per feed).
    @Test func watchCountsNotificationsSentAndFailed() async throws {
        let sent = try await notificationCounts(refusing: 1, untilTwelve: "notified the WebSub hub")
        #expect(sent == ["sent": "12", "failed": "0"])
        let failed = try await notificationCounts(refusing: 5, untilTwelve: "; giving up")
        #expect(failed == ["sent": "0", "failed": "12"])
    }

    /// Runs `watch --metrics` against a hub refusing each feed `refusing` times, waits for twelve log lines
    /// containing `line` (one per feed URL), and returns the notification counts scraped then, by result.
    private func notificationCounts(refusing: Int, untilTwelve line: String) async throws -> [String: String] {
        let hub = try await Hub(refusing: refusing)
        let site = try ServedSite("hub: \(hub.url)\n")
        let daemon = try BackgroundProcess(
            Paths.feedgen,
            ["watch", "--config", site.definitions.path, "--hub-retry", "1ms", "--metrics", "127.0.0.1:0"],
            in: site.folder.url)
        let metrics = HTTPClient(port: try await metricsPort(of: daemon))
        #expect(await daemon.waitForLines(12) { $0.contains(line) }.count == 12)
        let samples = prometheusSamples(try await metrics.get("/metrics").body)
        await #expect(daemon.stop() == 0)
        var counts: [String: String] = [:]
        for result in ["sent", "failed"] {
            counts[result] = samples["feedgen_websub_notifications_total{result=\"\(result)\"}"]
        }
        return counts
    }
}
