import FeedgenRuntime
import Foundation
import Testing

/// Builds with a cache read and render only the posts whose bytes changed, and give the same feeds as without.
struct RenderCacheTests {
    private static let config = "title: T\nurl: https://example.org\nlang: en\n"

    private func post(_ title: String, _ body: String = "Text.") -> String {
        "---\ntitle: \"\(title)\"\n---\n\(body)\n"
    }

    private func build(_ site: borrowing TemporaryDirectory, cache: RenderCache?) async throws -> BuildReport {
        let options = BuildOptions(
            site: site.url, out: site.url.appending(path: "_site/feeds"),
            now: Date(timeIntervalSince1970: 1_900_000_000))
        return try await Builder().build(options, cache: cache)
    }

    @Test func onlyChangedPostsAreReadAgain() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": Self.config, "_posts/2026-01-01-a.md": post("A"), "_posts/2026-01-02-b.md": post("B"),
        ])
        let cache = RenderCache()
        _ = try await build(site, cache: cache)
        #expect(cache.changedPaths == ["_posts/2026-01-01-a.md", "_posts/2026-01-02-b.md"])
        #expect(cache.count == 2)
        #expect((cache.readCount, cache.renderCount) == (2, 2))

        let unchanged = try await build(site, cache: cache)
        #expect(cache.changeCount == 0)
        #expect((cache.readCount, cache.renderCount) == (0, 0))
        #expect(unchanged.feeds.flatMap(\.files).allSatisfy { $0.outcome == .unchanged })

        try site.write(post("A edited"), to: "_posts/2026-01-01-a.md")
        try site.write(post("C"), to: "_posts/2026-01-03-c.md")
        let edited = try await build(site, cache: cache)
        #expect(cache.changedPaths == ["_posts/2026-01-01-a.md", "_posts/2026-01-03-c.md"])
        #expect(edited.feeds.map(\.items) == [3, 3])
        // B's rendering came from the cache.
        #expect((cache.readCount, cache.renderCount) == (2, 2))

        // Rewritten with the same bytes: read and hashed, but not parsed again.
        try site.write(post("C"), to: "_posts/2026-01-03-c.md")
        cache.invalidate(["_posts/2026-01-03-c.md"])
        _ = try await build(site, cache: cache)
        #expect(cache.changeCount == 0)
        #expect((cache.readCount, cache.renderCount) == (0, 0))

        try FileManager.default.removeItem(at: site.url.appending(path: "_posts/2026-01-02-b.md"))
        _ = try await build(site, cache: cache)
        #expect(cache.changedPaths == [])
        #expect(cache.changeCount == 1)
        #expect(cache.count == 2)
    }

    /// `feedgen watch` reads a changed post to hash it: a file over `post_limits.source_bytes` must be refused
    /// as in a build, without being read whole (a 4 GB sparse file would otherwise take 4 GB of memory).
    @Test func aPostOverTheSourceLimitIsNotReadWhole() async throws {
        let site = try TemporaryDirectory(["_config.yml": Self.config, "_posts/2026-01-01-a.md": post("A")])
        let huge = site.url.appending(path: "_posts/2026-01-02-huge.md")
        try Data(post("Huge").utf8).write(to: huge)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 4 << 30)
        try handle.close()
        func peakMiB() -> Int {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss / 1024
        }
        let before = peakMiB()
        let report = try await build(site, cache: RenderCache())
        #expect(peakMiB() - before < 1024, "peak memory grew from \(before) MiB to \(peakMiB()) MiB")
        #expect(
            report.diagnostics.map(\.description) == [
                "_posts/2026-01-02-huge.md: error: the post is over the limit of 10000000 bytes of source (post_limits.source_bytes)"
            ])
        #expect(report.feeds.map(\.items) == [1, 1])
    }

    @Test func cachedBuildsWriteTheSameBytesAsFreshOnes() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": Self.config, "_posts/2026-01-01-a.md": post("A"), "_posts/2026-01-02-b.md": post("B"),
        ])
        let cache = RenderCache()
        _ = try await build(site, cache: cache)
        try site.write(post("B", "Other text."), to: "_posts/2026-01-02-b.md")
        try site.write(Self.config.replacingOccurrences(of: "title: T", with: "title: U"), to: "_config.yml")
        _ = try await build(site, cache: cache)
        let cached = try site.read("_site/feeds/feed.json")
        try FileManager.default.removeItem(at: site.url.appending(path: "_site"))
        _ = try await build(site, cache: nil)
        #expect(try site.read("_site/feeds/feed.json") == cached)
        #expect(cached.contains("Other text."))
    }
}
