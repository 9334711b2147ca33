import Foundation
import Testing

/// A temporary git content repository with a small two-language Jekyll site, as editors push to.
final class ContentRepository {
    let folder: TemporaryDirectory
    /// The work tree (the site).
    var site: URL { folder.url.appending(path: "site") }
    /// Where the daemon publishes.
    var out: URL { folder.url.appending(path: "out") }

    static let config = """
        title: Test Letter
        url: https://letter.example.org
        timezone: UTC
        lang: en

        """

    /// A post's text with `title` and a one-line body.
    static func post(_ title: String, lang: String? = nil) -> String {
        "---\ntitle: \"\(title)\"\n\(lang.map { "lang: \($0)\n" } ?? "")---\n\(title): the text.\n"
    }

    init(_ posts: [String: String] = [:]) async throws {
        folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try await git("init", "--quiet", "--initial-branch=main")
        try write(Self.config, to: "_config.yml")
        for (path, text) in posts { try write(text, to: path) }
        try await commit("Initial content")
    }

    func write(_ text: String, to path: String) throws {
        let file = site.appending(path: path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func commit(_ message: String) async throws {
        try await git("add", "--all")
        try await git("commit", "--quiet", "-m", message)
    }

    /// Runs git in the work tree (or `directory`) and returns its standard output; a failure fails the test.
    @discardableResult
    func git(_ arguments: String..., in directory: URL? = nil) async throws -> String {
        try await Self.git(arguments, in: directory ?? site)
    }

    @discardableResult
    static func git(_ arguments: [String], in directory: URL) async throws -> String {
        let identity = [
            "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "advice.detachedHead=false",
        ]
        let result = try await run(URL(filePath: "/usr/bin/git"), identity + arguments, in: directory)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// Starts `feedgen watch` on this site, publishing into `out`.
    func watch(_ extra: [String] = [], environment: [String: String] = [:]) throws -> BackgroundProcess {
        try BackgroundProcess(
            Paths.feedgen, ["watch", "--site", site.path, "--out", out.path] + extra, environment: environment)
    }

    /// The titles of a published JSON feed (`feed.json` or `L/feed.json`), newest first; nil before it exists.
    func titles(_ feed: String = "feed.json") throws -> [String]? {
        guard let data = try? Data(contentsOf: out.appending(path: feed)) else { return nil }
        let decoded = try JSONDecoder().decode(JSONFeedTitles.self, from: data)
        return decoded.items.map(\.title)
    }

    private struct JSONFeedTitles: Decodable {
        struct Item: Decodable { var title: String }
        var items: [Item]
    }
}

/// The fields of a daemon log line `TIME info rebuild key=value ...`, without the time it took.
func rebuildFields(_ line: String) -> [String: String] {
    let words = line.split(separator: " ").dropFirst(3)
    var fields: [String: String] = [:]
    for word in words {
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0] != "ms" { fields[parts[0]] = parts[1] }
    }
    return fields
}

/// Whether a log line is a rebuild's.
func isRebuild(_ line: String) -> Bool {
    line.split(separator: " ").dropFirst(1).starts(with: ["info", "rebuild"])
}
