import Foundation
import Testing

/// Feed readers subscribe through the real `feedgen serve`: feedparser (with its ETag and Last-Modified support)
/// and newsboat read every item, then get 304 on the second poll; a republish never shows a mixed file.
@Suite(.serialized) struct ServeReaderTests {
    /// Every feed of the served folder, and how many items it has.
    static let feeds = [
        ("rss.xml", 5), ("atom.xml", 5), ("feed.json", 5), ("en/rss.xml", 3), ("en/atom.xml", 3),
        ("en/feed.json", 3), ("fr/rss.xml", 2), ("fr/atom.xml", 2), ("fr/feed.json", 2),
    ]

    @Test func feedparserReadsEveryItemThenGets304() async throws {
        let folder = try await ServedFolder()
        // feedparser 6 reads RSS and Atom; JSON Feed it fetches (conditionally too) but cannot parse, so those
        // items are counted with Python's json module from the same response.
        let script = """
            import feedparser, json, sys, urllib.request
            base = sys.argv[1]
            for path in sys.argv[2:]:
                first = feedparser.parse(base + path)
                second = feedparser.parse(base + path, etag=first.get("etag"), modified=first.get("modified"))
                if path.endswith(".json"):
                    with urllib.request.urlopen(base + path) as response:
                        feed = json.load(response)
                    version, count = feed["version"].split("/")[-1], len(feed["items"])
                    print(path, first.get("status"), "json" + version.replace(".", ""), count,
                          second.get("status"), len(second.entries))
                else:
                    print(path, first.get("status"), first.version, len(first.entries), bool(first.bozo),
                          second.get("status"), len(second.entries))
            """
        let result = try await run(
            URL(filePath: "/usr/bin/env"),
            ["python3", "-c", script, folder.client.base + "/"] + Self.feeds.map(\.0))
        try #require(result.status == 0, "\(result.stderr)")
        let versions = ["rss.xml": "rss20 %d False", "atom.xml": "atom10 %d False", "feed.json": "json11 %d"]
        let expected = Self.feeds.map { path, count in
            let format = versions[String(path.split(separator: "/").last!)]!
            return "\(path) 200 \(String(format: format, count)) 304 0"
        }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
        // feedparser asks for gzip, and got the precompressed copy where there is one.
        await #expect(
            folder.requests(for: "/rss.xml", count: 2).map { $0["http.file"] } == ["rss.xml.gz", "rss.xml.gz"])
    }

    @Test func newsboatReadsEveryItemThenGets304() async throws {
        let folder = try await ServedFolder()
        // newsboat has no JSON Feed support; it keys items by GUID across feeds, so each feed gets its own cache
        // (the RSS and Atom copies of an issue would merge in one).
        for (path, count) in Self.feeds where !path.hasSuffix(".json") {
            let newsboat = try NewsboatSubscription(folder.client.base + "/" + path)
            try await newsboat.reload()
            let stored = try await run(
                URL(filePath: "/usr/bin/sqlite3"), [newsboat.cache, "SELECT count(*) FROM rss_item"])
            #expect(stored.stdout == "\(count)\n", "\(path): \(stored.stderr)")
            // newsboat 2.21 stores a feed's ETag and Last-Modified from its second fetch on (at the first, the
            // feed's row does not exist yet when it saves them), so its third poll is the first conditional one.
            try await newsboat.reload()
            try await newsboat.reload()
            let statuses = await folder.requests(for: "/" + path, count: 3).map { $0["http.status"] ?? "" }
            #expect(statuses == ["200", "200", "304"], "\(path)")
        }
    }

    @Test func aRequestDuringARepublishGetsTheOldOrTheNewFileWhole() async throws {
        let folder = try await ServedFolder()
        // Two versions of different sizes, renamed over the served file in turn as the publisher does, while
        // a client reads it in a loop: every body is one version whole.
        let script = """
            import http.client, os, sys, threading
            port, out = int(sys.argv[1]), sys.argv[2]
            versions = [b"<rss>" + b"a" * 200000 + b"</rss>\\n", b"<rss>" + b"b" * 300 + b"</rss>\\n"]
            stop = threading.Event()
            def publish():
                n = 0
                while not stop.is_set():
                    temporary = os.path.join(out, ".swap.xml.%d.tmp" % os.getpid())
                    with open(temporary, "wb") as f:
                        f.write(versions[n % 2])
                    os.rename(temporary, os.path.join(out, "swap.xml"))
                    n += 1
            publish_once = versions[0]
            open(os.path.join(out, "swap.xml"), "wb").write(publish_once)
            writer = threading.Thread(target=publish)
            writer.start()
            seen = {0: 0, 1: 0}
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
                for _ in range(400):
                    connection.request("GET", "/swap.xml")
                    response = connection.getresponse()
                    body = response.read()
                    assert response.status == 200, response.status
                    assert int(response.getheader("Content-Length")) == len(body)
                    assert body in versions, "mixed body of %d bytes" % len(body)
                    seen[versions.index(body)] += 1
            finally:
                stop.set()
                writer.join()
            print("both" if seen[0] and seen[1] else "one: %r" % seen)
            """
        let result = try await run(
            URL(filePath: "/usr/bin/env"), ["python3", "-c", script, "\(folder.client.port)", folder.out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "both\n")
    }
}
