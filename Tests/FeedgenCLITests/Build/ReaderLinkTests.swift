import Foundation
import Testing

/// Real feed readers open every item's own page, in every language and format.
///
/// An entry used to carry its own page and every translation as `rel="alternate"` links; feedparser and newsboat
/// keep the last one, so a French entry opened the English page.
@Suite(.serialized) struct ReaderLinkTests {
    /// What readers make of every feed document under a folder, as JSON: file -> [[id, link]]. RSS and Atom are
    /// read by feedparser; feedparser 6.0 has no JSON Feed parser, so JSON Feed items give their `url`, the field
    /// JSON Feed readers open.
    static let readerLinks = """
        import feedparser, json, os, sys
        root = sys.argv[1]
        found = {}
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                if name == "feed.json":
                    items = json.load(open(path, encoding="utf-8"))["items"]
                    entries = [[item["id"], item.get("url")] for item in items]
                elif name in ("rss.xml", "atom.xml"):
                    parsed = feedparser.parse(path)
                    if parsed.bozo:
                        sys.exit("%s: %s" % (path, parsed.bozo_exception))
                    entries = [[entry.get("id"), entry.get("link")] for entry in parsed.entries]
                else:
                    continue
                found[os.path.relpath(path, root)] = entries
        print(json.dumps(found, sort_keys=True))
        """

    private struct JSONFeed: Decodable {
        struct Item: Decodable {
            var url: String
            var language: String
        }
        var items: [Item]
    }

    /// The URL real Jekyll gives every post of the shared corpus (the fixture `make-jekyll-fixtures.sh` records).
    private static func jekyllURLs() throws -> Set<String> {
        let table = try String(
            contentsOf: Paths.package.appending(path: "Tests/FeedgenCoreTests/Fixtures/jekyll-urls.tsv"),
            encoding: .utf8)
        return Set(
            table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
                "https://dair.ai" + $0.split(separator: "\t")[1]
            })
    }

    @Test func readersOpenEveryItemsOwnPageInEveryLanguageAndFormat() async throws {
        let out = try TemporaryDirectory()
        let build = try await run(
            Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "0"])
        #expect(build.status == 0, "\(build.stderr)")
        let pages = try Self.jekyllURLs()
        #expect(pages.count == 95)
        // The language of every page, from the all-languages JSON Feed.
        let all = try JSONDecoder().decode(JSONFeed.self, from: Data(contentsOf: out.url.appending(path: "feed.json")))
        let languages = Dictionary(uniqueKeysWithValues: all.items.map { ($0.url, $0.language.lowercased()) })

        let parsed = try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", Self.readerLinks, out.url.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let links = try JSONDecoder().decode([String: [[String?]]].self, from: Data(parsed.stdout.utf8))
        #expect(links.count == 24)
        var linkOfID: [String: String] = [:]
        for (file, entries) in links.sorted(by: { $0.key < $1.key }) {
            let folder = (file as NSString).deletingLastPathComponent
            #expect(folder.isEmpty ? entries.count == 95 : !entries.isEmpty, "\(file)")
            for entry in entries {
                let id = entry[0] ?? ""
                let link = entry[1] ?? ""
                #expect(pages.contains(link), "\(file): \(id) opens \(link), which is no page of the site")
                // The same item opens the same page in every format and feed...
                let first = linkOfID[id, default: link]
                linkOfID[id] = first
                #expect(link == first, "\(file): \(id) opens \(link), elsewhere \(first)")
                // ...and a language's feed opens pages in that language.
                if !folder.isEmpty {
                    #expect(
                        languages[link] == folder, "\(file): \(id) opens \(link), a page in \(languages[link] ?? "?")")
                }
            }
        }
        #expect(linkOfID.count == 95)
    }

    /// Runs its arguments with no signal blocked: a child of the test process inherits the blocked mask of the
    /// thread that spawned it, and reader_check.sh stops its HTTP server with SIGTERM.
    static let withSignalsUnblocked = """
        import os, signal, sys
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        os.execvp(sys.argv[1], sys.argv[1:])
        """

    @Test func newsboatOpensEveryItemsOwnPage() async throws {
        let out = try TemporaryDirectory()
        let build = try await run(
            Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "0"])
        #expect(build.status == 0, "\(build.stderr)")
        let check = try await run(
            URL(filePath: "/usr/bin/env"),
            [
                "python3", "-c", Self.withSignalsUnblocked, "bash",
                Paths.shared.appending(path: "feedcheck/reader_check.sh").path, out.url.path,
            ])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("16 passed, 0 failed, 8 skipped"), "\(check.stdout)")
    }

    /// A reader importing an OPML list subscribes to every feed of one format, each once.
    @Test func newsboatImportsOneOPMLListPerFormat() async throws {
        let out = try TemporaryDirectory()
        let build = try await run(Paths.feedgen, ["build", "--out", out.url.path], in: Paths.package)
        #expect(build.status == 0, "\(build.stderr)")
        for (list, file) in [
            ("feeds.opml", "rss.xml"), ("feeds-atom.opml", "atom.xml"), ("feeds-json.opml", "feed.json"),
        ] {
            let reader = try TemporaryDirectory(["urls": ""])
            let imported = try await run(
                URL(filePath: "/usr/bin/env"),
                [
                    "HOME=\(reader.url.path)", "newsboat", "-u", reader.url.appending(path: "urls").path,
                    "-C", reader.url.appending(path: "config").path, "-c", reader.url.appending(path: "cache.db").path,
                    "-i", out.url.appending(path: list).path,
                ])
            #expect(imported.status == 0, "\(list): \(imported.stdout)\(imported.stderr)")
            let urls = try String(contentsOf: reader.url.appending(path: "urls"), encoding: .utf8)
            let base = "https://letter.example.org/harbour/feeds/"
            #expect(
                urls == ["", "ar/", "en/", "fr/", "zh/"].map { base + $0 + file + "\n" }.joined(), "\(list)")
        }
    }
}
