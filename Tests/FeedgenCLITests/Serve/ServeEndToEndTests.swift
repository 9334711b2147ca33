import Foundation
import Testing

/// The real `feedgen serve` on a loopback port, checked with curl, raw requests, feedparser and newsboat.
@Suite(.serialized) struct ServeEndToEndTests {
    @Test func everyFileGoesOutWithItsTypeAndCachingHeaders() async throws {
        let folder = try await ServedFolder()
        let expected: [(path: String, file: String, type: String)] = [
            ("/rss.xml", "rss.xml", "application/rss+xml; charset=utf-8"),
            ("/atom.xml", "atom.xml", "application/atom+xml; charset=utf-8"),
            ("/feed.json", "feed.json", "application/feed+json; charset=utf-8"),
            ("/en/rss.xml", "en/rss.xml", "application/rss+xml; charset=utf-8"),
            ("/fr/atom.xml", "fr/atom.xml", "application/atom+xml; charset=utf-8"),
            ("/fr/feed.json", "fr/feed.json", "application/feed+json; charset=utf-8"),
            ("/feeds.opml", "feeds.opml", "text/x-opml; charset=utf-8"),
            ("/feeds-atom.opml", "feeds-atom.opml", "text/x-opml; charset=utf-8"),
            ("/index.html", "index.html", "text/html; charset=utf-8"),
            ("/", "index.html", "text/html; charset=utf-8"),
            ("/feed.xsl", "feed.xsl", "text/xsl; charset=utf-8"),
            ("/notes.txt", "notes.txt", "text/plain; charset=utf-8"),
            ("/inside.xml", "en/rss.xml", "application/rss+xml; charset=utf-8"),
            ("/rss.xml?utm_source=reader", "rss.xml", "application/rss+xml; charset=utf-8"),
        ]
        for (path, file, type) in expected {
            let reply = try await folder.client.get(path)
            let bytes = try folder.bytes(file)
            var headers = reply.headers
            let etag = headers.removeValue(forKey: "etag") ?? ""
            #expect(headers.removeValue(forKey: "date") != nil)
            var wanted = [
                "content-type": type, "content-length": "\(bytes.count)",
                "last-modified": try httpDate(ofFile: folder.out.appending(path: file)),
                "cache-control": "public, max-age=3600", "vary": "Accept-Encoding",
                "x-content-type-options": "nosniff", "server": "feedgen",
            ]
            if file.hasSuffix(".json") { wanted["access-control-allow-origin"] = "*" }
            #expect(reply.status == 200, "\(path)")
            #expect(headers == wanted, "\(path)")
            #expect(etag.wholeMatch(of: /"[0-9a-f]+-[0-9a-f]+"/) != nil, "\(path): ETag \(etag)")
            #expect(reply.body == bytes, "\(path)")
        }
        // The tag comes from the bytes: the same content has the same tag under another name.
        await #expect(
            try folder.client.get("/inside.xml").headers["etag"] == folder.client.get("/en/rss.xml").headers["etag"])
        await #expect(
            try folder.client.get("/rss.xml").headers["etag"] != folder.client.get("/en/rss.xml").headers["etag"])
        // One access-log line per request, its values in metadata.
        let logged = await folder.requests(for: "/fr/feed.json", count: 1)
        #expect(logged.count == 1)
        #expect(
            logged.first?.filter { $0.key != "client.address" } == [
                "http.method": "GET", "http.status": "200", "http.target": "/fr/feed.json",
                "http.file": "fr/feed.json", "http.bytes": "\(try folder.bytes("fr/feed.json").count)",
            ])
        #expect(logged.first?["client.address"] == "127.0.0.1")
    }

    @Test func conditionalRequestsGet304() async throws {
        let folder = try await ServedFolder()
        let first = try await folder.client.get("/en/atom.xml")
        let etag = try #require(first.headers["etag"])
        let modified = try #require(first.headers["last-modified"])

        let again = try await folder.client.get("/en/atom.xml", ["-H", "If-None-Match: \(etag)"])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.headers["etag"] == etag)
        #expect(again.headers["last-modified"] == modified)
        #expect(again.headers["content-length"] == nil)
        #expect(again.headers["cache-control"] == "public, max-age=3600")
        await #expect(
            try folder.client.get("/en/atom.xml", ["-H", "If-None-Match: \"other\", W/\(etag)"]).status == 304)
        await #expect(try folder.client.get("/en/atom.xml", ["-H", "If-None-Match: \"other\""]).status == 200)

        await #expect(try folder.client.get("/en/atom.xml", ["-H", "If-Modified-Since: \(modified)"]).status == 304)
        let earlier = httpDate(Date(timeIntervalSince1970: 0))
        await #expect(try folder.client.get("/en/atom.xml", ["-H", "If-Modified-Since: \(earlier)"]).status == 200)
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
        let both = try await folder.client.get(
            "/en/atom.xml", ["-H", "If-None-Match: \"other\"", "-H", "If-Modified-Since: \(modified)"])
        #expect(both.status == 200)
        await #expect(try folder.client.head("/en/atom.xml", ["-H", "If-None-Match: \(etag)"]).status == 304)
    }

    @Test func clientsThatAcceptGzipGetThePrecompressedFile() async throws {
        let folder = try await ServedFolder()
        for path in ServedFolder.compressed {
            let reply = try await folder.client.get("/" + path, ["-H", "Accept-Encoding: gzip, deflate, br"])
            #expect(reply.status == 200)
            #expect(reply.headers["content-encoding"] == "gzip", "\(path)")
            #expect(reply.headers["vary"] == "Accept-Encoding")
            await #expect(reply.headers["content-type"] == (try folder.client.get("/" + path).headers["content-type"]))
            #expect(reply.body == (try folder.bytes(path + ".gz")), "\(path)")
            // curl's own decoder gives back the feed's bytes.
            await #expect(try folder.client.get("/" + path, ["--compressed"]).body == folder.bytes(path))
            // The compressed bytes have their own tag, which a conditional request for the gzip copy matches.
            let etag = try #require(reply.headers["etag"])
            await #expect(etag != (try folder.client.get("/" + path).headers["etag"]))
            let again = try await folder.client.get(
                "/" + path, ["-H", "Accept-Encoding: gzip", "-H", "If-None-Match: \(etag)"])
            #expect(again.status == 304)
        }
        for refusing in ["gzip;q=0", "identity", "deflate, br"] {
            let reply = try await folder.client.get("/rss.xml", ["-H", "Accept-Encoding: \(refusing)"])
            #expect(reply.headers["content-encoding"] == nil, "\(refusing)")
            #expect(reply.body == (try folder.bytes("rss.xml")))
        }
        // A file without a .gz copy goes out as it is.
        try? FileManager.default.removeItem(at: folder.out.appending(path: "feeds.opml.gz"))
        let opml = try await folder.client.get("/feeds.opml", ["-H", "Accept-Encoding: gzip"])
        #expect(opml.headers["content-encoding"] == nil)
        #expect(opml.body == (try folder.bytes("feeds.opml")))
    }

    @Test func headSendsTheHeadersWithoutTheBody() async throws {
        let folder = try await ServedFolder()
        let get = try await folder.client.get("/fr/rss.xml")
        let head = try await folder.client.head("/fr/rss.xml")
        #expect(head.status == 200)
        #expect(head.headers.filter { $0.key != "date" } == get.headers.filter { $0.key != "date" })
        #expect(head.headers["content-length"] == "\(try folder.bytes("fr/rss.xml").count)")
        let gzip = try await folder.client.head("/rss.xml", ["-H", "Accept-Encoding: gzip"])
        #expect(gzip.headers["content-encoding"] == "gzip")
        #expect(gzip.headers["content-length"] == "\(try folder.bytes("rss.xml.gz").count)")
        await #expect(try folder.client.head("/missing.xml").status == 404)
    }

    /// HTTP/1.0 closes the connection after the response unless the client asks to keep it, as nginx does: a
    /// client reading to the end of the connection must not wait for ever. HTTP/1.1 keeps it unless told to close.
    @Test func connectionsCloseWhenTheirVersionOrTheClientSaysSo() async throws {
        let folder = try await ServedFolder()
        let cases: [(String, closed: Bool)] = [
            ("GET /rss.xml HTTP/1.0\r\n\r\n", true),
            ("GET /rss.xml HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false),
            ("GET /rss.xml HTTP/1.1\r\nHost: localhost\r\n\r\n", false),
            ("GET /rss.xml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", true),
        ]
        for (request, closed) in cases {
            let answer = try await folder.client.closesConnection(after: request)
            #expect(answer.status == 200 && answer.closed == closed, "\(request)")
        }
    }

    @Test func nothingOutsideTheFolderNorHiddenOrTemporaryIsServed() async throws {
        let folder = try await ServedFolder()
        let attempts = [
            "/../secret/secret.txt", "/en/../../secret/secret.txt", "/en/../rss.xml", "/./rss.xml",
            "/%2e%2e/secret/secret.txt", "/%2E%2E/secret/secret.txt", "/.%2e/secret/secret.txt",
            "/%2e%2e%2fsecret%2fsecret.txt", "/..%2fsecret%2fsecret.txt", "/en%2frss.xml", "/en%2Frss.xml",
            "/en%5crss.xml", "/en%5Crss.xml", "/..%5csecret%5csecret.txt", "/rss%2exml", "/rss.xml%00",
            "/rss.xml%00.html", "/%00", "/rss.xml%", "/rss.xml%2", "/rss.xml%zz",
            "/%25%32%65%25%32%65/secret/secret.txt",
            "/leak.xml", "/relative-leak.xml", "/outside/secret.txt", "/lock.xml", "/.feedgen.lock",
            "/%2efeedgen.lock", "/.rss.xml.4242.tmp", "/draft.tmp", "/rss.xml~", "//rss.xml", "/en//rss.xml",
            "/en", "/rss.xml/", "/secret/secret.txt", "/missing.xml", "/en/", "/.", "/..",
        ]
        for path in attempts {
            let reply = try await folder.client.get(path)
            #expect(reply.status == 404, "\(path)")
            #expect(!String(decoding: reply.body, as: UTF8.self).contains("secret"), "\(path)")
        }
        // What curl would not send as is: a raw backslash, and control bytes in the target.
        func request(_ target: [UInt8]) async -> [UInt8] {
            Array("GET ".utf8) + target + Array(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
        }
        await #expect(try folder.client.raw(request(Array("/en\\rss.xml".utf8))) == 404)
        await #expect(try folder.client.raw(request(Array("/..\\secret\\secret.txt".utf8))) == 404)
        for target: [UInt8] in [Array("/rss.xml".utf8) + [0], [0x2F, 0x01] + Array("rss.xml".utf8)] {
            let status = try await folder.client.raw(request(target))
            #expect((400..<500).contains(status), "\(target): \(status)")
        }
        // The files themselves are there: the refusals are the server's.
        #expect(FileManager.default.fileExists(atPath: folder.out.appending(path: ".rss.xml.4242.tmp").path))
        await #expect(try folder.client.get("/rss.xml").status == 200)
    }

    @Test func onlyGetAndHeadWithoutBodyOrHugeHeadersAreAnswered() async throws {
        let folder = try await ServedFolder()
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"] {
            let reply = try await folder.client.get("/rss.xml", ["-X", method])
            #expect(reply.status == 405, "\(method)")
            #expect(reply.headers["allow"] == "GET, HEAD", "\(method)")
        }
        await #expect(try folder.client.get("/rss.xml", ["-X", "POST", "--data", "x=1"]).status == 405)
        await #expect(try folder.client.get("/rss.xml", ["-X", "GET", "--data", "x=1"]).status == 400)
        let chunked = try await folder.client.get(
            "/rss.xml", ["-X", "GET", "-H", "Transfer-Encoding: chunked", "--data", "x"])
        #expect(chunked.status == 400)
        let big = String(repeating: "a", count: 10_000)
        await #expect(try folder.client.get("/rss.xml", ["-H", "X-Padding: \(big)"]).status == 431)
        let many = (0..<200).flatMap { ["-H", "X-Field-\($0): \(String(repeating: "b", count: 60))"] }
        await #expect(try folder.client.get("/rss.xml", many).status == 431)
        await #expect(try folder.client.get("/rss.xml").status == 200)
    }
}
