import Foundation
import Testing

/// A post past one of the `post_limits` is an error naming the post and the limit; the feeds it belongs in
/// keep their last good version, and the other feeds are written.
@Suite struct PostLimitTests {
    /// Builds `BadInputTests.site` once, then again with `post` added as `_posts/2024-03-01-issue-3-en.md`.
    /// Returns the second build's result, and whether the English feed stayed as published.
    func buildWith(
        _ write: (URL) async throws -> Void, definitions: String? = nil
    ) async throws -> (result: ProcessResult, englishKept: Bool) {
        var files = Dictionary(uniqueKeysWithValues: BadInputTests.site.map { ("site/" + $0.key, $0.value) })
        if let definitions { files["feedgen.yml"] = "site: site\nout: out\n" + definitions }
        let folder = try TemporaryDirectory(files)
        let arguments = definitions == nil ? ["--site", "site", "--out", "out"] : ["--config", "feedgen.yml"]
        let good = try await run(Paths.feedgen, ["build"] + arguments, in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        let english = folder.url.appending(path: "out/en/atom.xml")
        let published = try Data(contentsOf: english)
        try await write(folder.url.appending(path: "site/_posts/2024-03-01-issue-3-en.md"))
        let result = try await run(Paths.feedgen, ["build"] + arguments, in: folder.url)
        return (result, try Data(contentsOf: english) == published)
    }

    @Test func aSparseGigabytePostIsRefusedQuickly() async throws {
        // Refused by its size before it is read (PostFileReaderTests checks that nothing is read); a wall-clock
        // bound here failed on a loaded machine without telling anything.
        let (result, englishKept) = try await buildWith { url in
            try Data("---\ntitle: u\n".utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 1 << 30)
            try handle.close()
        }
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "site/_posts/2024-03-01-issue-3-en.md: error: the post is over the limit of 10000000 bytes of source (post_limits.source_bytes)",
            "\(result.stderr)")
        #expect(englishKept)
    }

    @Test func aReferenceLinkUsedTwentyThousandTimesIsOverTheRatio() async throws {
        // 145 KB of Markdown that cmark turns into 100 MB of links.
        let text =
            "---\ntitle: Amplified\n---\n" + String(repeating: "[a][r] ", count: 20_000)
            + "\n\n[r]: https://example.org/"
            + String(repeating: "a", count: 5_000) + "\n"
        let size = text.utf8.count
        let (result, englishKept) = try await buildWith { url in try Data(text.utf8).write(to: url) }
        #expect(result.status == 1)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("site/_posts/2024-03-01-issue-3-en.md: error: the post renders to "), "\(first)")
        #expect(
            first.hasSuffix(
                " bytes of HTML, over the limit of \(size * 50) bytes (post_limits.html_ratio: 50 times its \(size) bytes of source)"
            ), "\(first)")
        #expect(englishKept)
    }

    @Test func theLimitsComeFromTheDefinitionsFile() async throws {
        let text = "---\ntitle: Long\n---\n" + String(repeating: "A paragraph of some length.\n\n", count: 100)
        let (result, englishKept) = try await buildWith(
            { url in try Data(text.utf8).write(to: url) }, definitions: "post_limits:\n  html_bytes: 2000\n")
        #expect(result.status == 1)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first.hasPrefix("site/_posts/2024-03-01-issue-3-en.md: error: the post renders to "), "\(result.stderr)")
        #expect(first.hasSuffix(" bytes of HTML, over the limit of 2000 bytes (post_limits.html_bytes)"), "\(first)")
        #expect(englishKept)

        let small = try await buildWith(
            { url in try Data(text.utf8).write(to: url) }, definitions: "post_limits:\n  source_bytes: 1000\n")
        #expect(
            small.result.stderr.hasPrefix(
                "site/_posts/2024-03-01-issue-3-en.md: error: the post is over the limit of 1000 bytes of source (post_limits.source_bytes)\n"
            ), "\(small.result.stderr)")
        #expect(small.englishKept)
    }

    @Test func aLimitThatIsNotPositiveIsRefused() async throws {
        let folder = try TemporaryDirectory(["feedgen.yml": "site: site\npost_limits:\n  html_ratio: 0\n"])
        let result = try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "feedgen.yml:3: error: 'post_limits.html_ratio' must be positive, got 0\n")
    }
}
