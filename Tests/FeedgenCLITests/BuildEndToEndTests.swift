import Foundation
import Testing

/// Runs the real `feedgen` binary as a user would, and reads what it wrote with the shared feed checker.
@Suite(.serialized) struct BuildEndToEndTests {
    @Test func theExampleBuildsWithNoOptionsAndPassesTheChecker() throws {
        let out = try TemporaryDirectory()
        let result = try run(Paths.feedgen, ["build", "--out", out.url.path], in: Paths.package)
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
                15 post files (1 unpublished, 1 in the future); files: 16 written; 0 errors, 0 warnings

                """)
        let check = try feedcheck(out.url, languages: ["en", "fr", "zh", "ar"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("warning:"), "\(check.stdout)")

        // Built again from the same content: the same bytes, and nothing rewritten.
        let before = try snapshot(out.url)
        let again = try run(Paths.feedgen, ["build", "--out", out.url.path], in: Paths.package)
        #expect(again.status == 0)
        #expect(again.stdout.contains("files: 0 written, 16 unchanged;"), "\(again.stdout)")
        #expect(try snapshot(out.url) == before)
    }

    @Test func theSharedCorpusBuildsForEveryLanguageAndPassesTheChecker() throws {
        let out = try TemporaryDirectory()
        let result = try run(Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        for language in ["", "en/", "fr/", "pt-br/", "zh/", "es/", "ar/", "tr/"] {
            for file in ["rss.xml", "atom.xml", "feed.json"] {
                #expect(FileManager.default.fileExists(atPath: out.url.appending(path: language + file).path))
            }
        }
        let check = try feedcheck(out.url, languages: ["en", "fr", "pt-BR", "zh", "es", "ar", "tr"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func everyCorpusPostPassesTheCheckerWithNoLimit() throws {
        let out = try TemporaryDirectory()
        let result = try run(
            Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(all)          95     95  3 written"), "\(result.stdout)")
        // One known false positive of the checker: the post writes `- \\[1\\]: Zhi Li and Yuh-Shan Ho. 2008.`, a
        // list item that starts with the text "[1]:", which the live site shows as such; the checker's raw-Markdown
        // heuristic takes it for a link reference definition. Every other error fails the test.
        let check = try feedcheck(out.url, languages: ["en", "fr", "pt-BR", "zh", "es", "ar", "tr"])
        let errors = check.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        let known = errors.filter {
            $0.contains("\"Structural Scaffolds for Citation Inten…\"")
                && $0.hasSuffix(
                    "raw Markdown link reference definition ('[x]: url') in HTML text: \"[1]: Zhi Li and Yu\" [content.raw-markdown]"
                )
        }
        #expect(known.count == 6, "\(check.stdout)")
        #expect(errors.count == known.count, "\(check.stdout)")
    }

    /// Every file under `folder` with its bytes, but the lock file, which names the last run's process.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if path == ".feedgen.lock" { continue }
            let url = folder.appending(path: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
