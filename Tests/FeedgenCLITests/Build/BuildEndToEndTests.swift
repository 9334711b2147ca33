import Foundation
import Testing

/// Runs the real `feedgen` binary as a user would, and reads what it wrote with the shared feed checker.
@Suite(.serialized) struct BuildEndToEndTests {
    @Test func theExampleBuildsWithNoOptionsAndPassesTheChecker() async throws {
        let out = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build", "--out", out.url.path], in: Paths.package)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                Built 5 feeds (4 languages) from feeds/example into \(out.url.path)
                language    posts  items  files
                (all)          13     13  3 written
                ar              3      3  3 written
                en              4      4  3 written
                fr              3      3  3 written
                zh              3      3  3 written
                feeds.opml: written
                feeds-atom.opml: written
                feeds-json.opml: written
                15 post files (1 unpublished, 1 in the future); files: 18 written; 0 errors, 0 warnings

                """)
        let check = try await feedcheck(out.url, languages: ["en", "fr", "zh", "ar"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("warning:"), "\(check.stdout)")
        try expectUniqueItemIDs(in: out.url)

        // Built again from the same content: the same bytes, and nothing rewritten.
        let before = try snapshot(out.url)
        let again = try await run(Paths.feedgen, ["build", "--out", out.url.path], in: Paths.package)
        #expect(again.status == 0)
        #expect(again.stdout.contains("files: 0 written, 18 unchanged;"), "\(again.stdout)")
        #expect(try snapshot(out.url) == before)
    }

    @Test func theSharedCorpusBuildsForEveryLanguageAndPassesTheChecker() async throws {
        let out = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        for language in ["", "en/", "fr/", "pt-br/", "zh/", "es/", "ar/", "tr/"] {
            for file in ["rss.xml", "atom.xml", "feed.json"] {
                #expect(FileManager.default.fileExists(atPath: out.url.appending(path: language + file).path))
            }
        }
        let check = try await feedcheck(out.url, languages: ["en", "fr", "pt-BR", "zh", "es", "ar", "tr"])
        #expect(check.status == 0, "\(check.stdout)")
        try expectUniqueItemIDs(in: out.url)
    }

    @Test func everyCorpusPostPassesTheCheckerWithNoLimit() async throws {
        let out = try TemporaryDirectory()
        let result = try await run(
            Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(all)          95     95  3 written"), "\(result.stdout)")
        let check = try await feedcheck(out.url, languages: ["en", "fr", "pt-BR", "zh", "es", "ar", "tr"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// Every post rendered on every core, several times over: the same bytes each time. cmark-gfm's inline parser
    /// reads a process-wide table that concurrent parses used to switch, dropping bare-URL links at random.
    @Test func theSharedCorpusWithNoLimitBuildsToTheSameBytesEveryTime() async throws {
        var first: [String: Data]?
        for build in 1...6 {
            let out = try TemporaryDirectory()
            let result = try await run(
                Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "0"])
            #expect(result.status == 0, "\(result.stderr)")
            let files = try snapshot(out.url)
            // the 27 documents, index.html and feed.xsl, a .gz copy of each, and the lock file (left empty)
            #expect(files.count == 59)
            guard let first else {
                first = files
                continue
            }
            let differing = files.keys.filter { files[$0] != first[$0] }.sorted()
            #expect(differing.isEmpty, "build \(build) differs from build 1 in \(differing)")
        }
    }
}
