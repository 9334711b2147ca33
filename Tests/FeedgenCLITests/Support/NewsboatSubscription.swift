import Foundation
import Testing

/// newsboat subscribed to one feed URL, in a folder of its own: its own cache (newsboat keys items by GUID across
/// feeds, so two feeds sharing a cache would merge), an empty configuration, the C.UTF-8 locale.
struct NewsboatSubscription: ~Copyable {
    let work: TemporaryDirectory
    /// The SQLite file newsboat stores the feed's items in (`rss_item`).
    let cache: String
    let url: String

    init(_ url: String) throws {
        let work = try TemporaryDirectory()
        try Data((url + "\n").utf8).write(to: work.url.appending(path: "urls"))
        try Data().write(to: work.url.appending(path: "config"))
        cache = work.url.appending(path: "cache.db").path
        self.url = url
        self.work = work
    }

    /// One poll (`newsboat -x reload`); fails the test when newsboat fails.
    func reload() async throws {
        let result = try await run(
            URL(filePath: "/usr/bin/env"),
            [
                "HOME=\(work.url.path)", "XDG_CONFIG_HOME=\(work.url.path)", "XDG_DATA_HOME=\(work.url.path)",
                "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "timeout", "120", "newsboat", "-q", "-u",
                work.url.appending(path: "urls").path, "-c", cache, "-C", work.url.appending(path: "config").path,
                "-x", "reload",
            ])
        try #require(result.status == 0, "newsboat \(url): \(result.stdout)\(result.stderr)")
    }
}
