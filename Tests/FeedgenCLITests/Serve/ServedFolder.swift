import Foundation
import Testing

/// A small two-language site built by the real `feedgen build`, with what a published folder may also hold (an
/// index page, a stylesheet, precompressed copies made with gzip, the lock file, a publisher's temporary, backup
/// files, symbolic links in and out), served by the real `feedgen serve` on a free loopback port.
final class ServedFolder {
    let repository: ContentRepository
    let server: BackgroundProcess
    let client: HTTPClient
    var out: URL { repository.out }
    /// A folder beside the output that must never be served.
    var secret: URL { repository.folder.url.appending(path: "secret") }

    /// The precompressed copies the test makes (the build's own may be there too).
    static let compressed = ["rss.xml", "atom.xml", "feed.json", "en/rss.xml"]

    init() async throws {
        repository = try await ContentRepository([
            "_posts/2026-01-01-first.md": ContentRepository.post("First"),
            "_posts/2026-01-02-second.md": ContentRepository.post("Second"),
            "_posts/2026-01-03-third.md": ContentRepository.post("Third"),
            "_posts/2026-01-02-premier.md": ContentRepository.post("Premier", lang: "fr"),
            "_posts/2026-01-04-deuxieme.md": ContentRepository.post("Deuxième", lang: "fr"),
        ])
        let out = repository.out
        let secret = repository.folder.url.appending(path: "secret")
        let build = try await run(Paths.feedgen, ["build", "--site", repository.site.path, "--out", out.path])
        try #require(build.status == 0, "feedgen build: \(build.stderr)")
        let files: [String: String] = [
            "index.html": "<!doctype html><title>Feeds</title><p>The feeds.</p>\n",
            "feed.xsl": "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>\n",
            ".rss.xml.4242.tmp": "<rss>half written",
            "draft.tmp": "temporary",
            "rss.xml~": "a backup",
            "notes.txt": "plain text",
        ]
        for (path, text) in files { try Data(text.utf8).write(to: out.appending(path: path)) }
        try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
        try Data("the secret\n".utf8).write(to: secret.appending(path: "secret.txt"))
        let links = [
            "leak.xml": secret.appending(path: "secret.txt").path, "outside": secret.path,
            "relative-leak.xml": "../secret/secret.txt", "lock.xml": ".feedgen.lock", "inside.xml": "en/rss.xml",
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(
                atPath: out.appending(path: name).path, withDestinationPath: target)
        }
        for path in Self.compressed {
            let gzip = try await run(
                URL(filePath: "/usr/bin/gzip"), ["-k", "-n", "-f", "-9", out.appending(path: path).path])
            try #require(gzip.status == 0, "gzip: \(gzip.stderr)")
        }
        let port = try freeLoopbackPort()
        server = try BackgroundProcess(
            Paths.feedgen, ["serve", "--out", out.path, "--listen", "127.0.0.1:\(port)"])
        client = HTTPClient(port: port)
        try await #require(acceptsConnections(on: port) { server.isRunning }, "feedgen serve: \(server.lines)")
    }

    /// The bytes of a published file.
    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: out.appending(path: path))
    }

    /// The access-log lines of requests for `target`, once there are at least `count` of them (or after 30 s):
    /// the server logs a request after answering it, so its line may reach the pipe after the client is done.
    func requests(for target: String, count: Int) async -> [[String: String]] {
        func isRequest(_ line: String) -> Bool {
            line.split(separator: " ").dropFirst(1).starts(with: ["info", "request"])
                && rebuildFields(line)["http.target"] == target
        }
        return await server.waitForLines(count, where: isRequest).map(rebuildFields)
    }
}

/// The IMF-fixdate of a file's modification time, as `Last-Modified` carries it.
func httpDate(ofFile url: URL) throws -> String {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    let date = try #require(attributes[.modificationDate] as? Date)
    return httpDate(date)
}

func httpDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
}
