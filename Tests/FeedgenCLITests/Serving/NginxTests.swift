import Foundation
import Testing

/// The nginx server block in `systemd/nginx-feedgen.conf`, run by real nginx as `nobody` on a loopback port over
/// a built output folder, asked by a real HTTP client (Python's http.client); `SubscribingTests` subscribes feed
/// readers through it.
@Suite(.serialized) struct NginxTests {
    /// One answer, as `answers` prints it.
    struct Answer: Decodable {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        /// Bytes of the body as sent.
        var length: Int
        /// The body, gunzipped when it came gzipped.
        var body: String
    }

    /// Sends each request `[method, path, {header: value}]` of argv[2] to 127.0.0.1:argv[1] on a fresh
    /// connection; prints the answers as JSON.
    static let answers = """
        import gzip, http.client, json, sys
        found = []
        for method, path, headers in json.loads(sys.argv[2]):
            connection = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
            connection.request(method, path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            shown = gzip.decompress(body) if response.getheader("Content-Encoding") == "gzip" else body
            found.append({"status": response.status, "length": len(body), "body": shown.decode("utf-8", "replace"),
                          "headers": {name.lower(): value for name, value in response.getheaders()}})
            connection.close()
        print(json.dumps(found))
        """

    /// The answers of the server on 127.0.0.1:`port` to `requests`, one connection each.
    static func ask(port: Int, _ requests: [(method: String, path: String, headers: [String: String])]) async throws
        -> [Answer]
    {
        let json = try JSONSerialization.data(withJSONObject: requests.map { [$0.method, $0.path, $0.headers] })
        let result = try await python(answers, [String(port), String(decoding: json, as: UTF8.self)])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Answer].self, from: Data(result.stdout.utf8))
    }

    /// nginx serving `out` with the repository's server block, `listen` and `root` being the only lines changed.
    final class Nginx {
        let process: BackgroundProcess
        let port: Int
        /// One line per request: status, method, target.
        let accessLog: URL

        init(serving out: URL, in folder: URL) async throws {
            let port = try freeLoopbackPort()
            self.port = port
            let block = try String(
                contentsOf: Paths.package.appending(path: "systemd/nginx-feedgen.conf"), encoding: .utf8)
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                switch line.trimmingCharacters(in: .whitespaces) {
                case "listen 80;": "    listen 127.0.0.1:\(port);"
                case "root /var/www/feeds;": "    root \(out.path);"
                default: String(line)
                }
            }
            #expect(
                zip(lines, block.split(separator: "\n", omittingEmptySubsequences: false)).filter { $0 != $1 }.count
                    == 2)
            let server = folder.appending(path: "nginx")
            try FileManager.default.createDirectory(at: server, withIntermediateDirectories: true)
            try Unprivileged.give(server)
            accessLog = server.appending(path: "access.log")
            try Data(lines.joined(separator: "\n").utf8).write(to: server.appending(path: "feedgen.conf"))
            let main = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid \(server.path)/nginx.pid;
                error_log stderr warn;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    log_format requests '$status $request_method $request_uri';
                    access_log \(server.path)/access.log requests;
                    client_body_temp_path \(server.path)/body;
                    proxy_temp_path \(server.path)/proxy;
                    fastcgi_temp_path \(server.path)/fastcgi;
                    uwsgi_temp_path \(server.path)/uwsgi;
                    scgi_temp_path \(server.path)/scgi;
                    include \(server.path)/feedgen.conf;
                }

                """
            try Data(main.utf8).write(to: server.appending(path: "nginx.conf"))
            let ids = try #require(Unprivileged.ids)
            let nginx = [
                "--reuid=\(ids.uid)", "--regid=\(ids.gid)", "--clear-groups", "/usr/sbin/nginx",
                "-e", "stderr", "-p", server.path + "/", "-c", server.appending(path: "nginx.conf").path,
            ]
            // `nginx -t` must pass without a word beyond its two lines of success: any warning fails the test.
            let check = try await run(URL(filePath: "/usr/bin/setpriv"), nginx + ["-t"])
            #expect(check.status == 0, "nginx -t: \(check.stderr)")
            #expect(Self.complaints(check.stdout + check.stderr) == [], "nginx -t")
            process = try BackgroundProcess(URL(filePath: "/usr/bin/setpriv"), nginx)
            let listening = await eventually(timeout: 20) {
                (try? runBlocking(
                    URL(filePath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/"]))?
                    .status == 0
            }
            #expect(listening, "nginx did not start: \(process.lines)")
            // Nor may the server's error log say anything at startup (it logs to stderr, at `warn` and above).
            #expect(Self.complaints(process.lines.joined(separator: "\n")) == [], "nginx at startup")
        }

        /// The lines of nginx's output that are not its `nginx -t` success lines: warnings, errors, notices.
        static func complaints(_ output: String) -> [String] {
            output.split(separator: "\n").map(String.init).filter { line in
                !(line.hasPrefix("nginx: the configuration file ") && line.hasSuffix(" syntax is ok"))
                    && !(line.hasPrefix("nginx: configuration file ") && line.hasSuffix(" test is successful"))
            }
        }

        /// The statuses of the GET requests for `target` so far, from the access log.
        func statuses(for target: String) -> [String] {
            let log = (try? String(contentsOf: accessLog, encoding: .utf8)) ?? ""
            return log.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
                .filter { $0.count == 3 && $0[1] == "GET" && $0[2] == target }.map { $0[0] }
        }

        /// The answers to `requests`, one connection each.
        func ask(_ requests: [(method: String, path: String, headers: [String: String])]) async throws -> [Answer] {
            try await NginxTests.ask(port: port, requests)
        }

        // SIGKILL: nginx inherits the test runner's blocked signal mask (SIGTERM blocked), and in single-process
        // mode never unblocks it, so SIGTERM stayed pending and every nginx outlived its test.
        deinit { process.send(SIGKILL) }
    }

    @Test(.enabled(if: Unprivileged.unavailable == nil, "cannot run nginx as nobody here"))
    func theServerBlockSendsTypesValidatorsGzipAndHead() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let nginx = try await Nginx(serving: site.out, in: site.folder.url)
        let types = [
            "/rss.xml": "application/rss+xml; charset=utf-8", "/fr/atom.xml": "application/atom+xml; charset=utf-8",
            "/ar/feed.json": "application/feed+json; charset=utf-8", "/feeds.opml": "text/x-opml; charset=utf-8",
            "/feeds-json.opml": "text/x-opml; charset=utf-8", "/": "text/html; charset=utf-8",
            "/feed.xsl": "text/xsl; charset=utf-8",
        ]
        let paths = types.keys.sorted()
        let first = try await nginx.ask(paths.map { ("GET", $0, [:]) })
        for (path, answer) in zip(paths, first) {
            let file = site.out.appending(path: path == "/" ? "index.html" : String(path.dropFirst()))
            #expect(answer.status == 200, "\(path)")
            #expect(answer.headers["content-type"] == types[path], "\(path)")
            #expect(answer.headers["cache-control"] == "public, max-age=3600", "\(path)")
            #expect(answer.headers["access-control-allow-origin"] == (path.hasSuffix(".json") ? "*" : nil), "\(path)")
            #expect(answer.headers["etag"] != nil && answer.headers["last-modified"] != nil, "\(path)")
            #expect(answer.body == (try String(contentsOf: file, encoding: .utf8)), "\(path)")
        }
        // The validators round trip: 304 with no body, by ETag and by date; gzip from the .gz beside the file;
        // HEAD with the length of GET and no body; hidden files and other methods refused.
        let rss = try #require(first.first { $0.headers["content-type"]?.hasPrefix("application/rss+xml") == true })
        let feed = try String(contentsOf: site.out.appending(path: "rss.xml"), encoding: .utf8)
        try site.write("half a feed", to: "out/.rss.xml.4242.tmp")
        let answers = try await nginx.ask([
            ("GET", "/rss.xml", ["If-None-Match": rss.headers["etag"] ?? ""]),
            ("GET", "/rss.xml", ["If-Modified-Since": rss.headers["last-modified"] ?? ""]),
            ("GET", "/rss.xml", ["Accept-Encoding": "gzip"]),
            ("HEAD", "/rss.xml", [:]),
            ("GET", "/.rss.xml.4242.tmp", [:]),
            ("POST", "/rss.xml", [:]),
        ])
        #expect(answers.map(\.status) == [304, 304, 200, 200, 404, 405])
        #expect(answers[0].length == 0 && answers[1].length == 0)
        #expect(answers[2].headers["content-encoding"] == "gzip" && answers[2].headers["vary"] == "Accept-Encoding")
        #expect(answers[2].body == feed && answers[2].length < feed.utf8.count / 2)
        #expect(answers[3].length == 0 && answers[3].headers["content-length"] == String(feed.utf8.count))
        // The feed's polling hints say what Cache-Control says: an hour.
        #expect(feed.contains("<ttl>60</ttl>") && feed.contains("<sy:updatePeriod>hourly</sy:updatePeriod>"))
        #expect(feed.contains("<sy:updateFrequency>1</sy:updateFrequency>"))
    }
}
