import Foundation
import Testing

/// Feeds per tag, category and author (the definitions' `slices:`), in every language and in each: the right
/// items, listed in OPML and the autodiscovery links, summaries only where asked, their own limit, and removed
/// when their term disappears.
@Suite(.serialized) struct SlicingTests {
    static let base = "https://harbour.example.org/feeds/"

    /// Four issues in English and French: tags, categories and authors shared across languages, spelled two ways
    /// (`Sailing`, `sailing`), and one tag with a letter outside ASCII (`Météo`).
    static let posts = [
        "2024-01-08-harbour-notes-1.md": post(
            "Harbour Notes #1", "en", tags: "[Sailing, Weather]", categories: "[news]", author: "Ada Lovelace"),
        "2024-01-15-harbour-notes-2.md": post(
            "Harbour Notes #2", "en", tags: "[sailing]", categories: "[news, events]", author: "Ben Okri"),
        "2024-01-16-nouvelles-1.md": post(
            "Nouvelles du port n° 1", "fr", tags: "[Sailing, Météo]", categories: "[news]", author: "Ada Lovelace"),
        "2024-01-22-harbour-notes-3.md": post(
            "Harbour Notes #3", "en", tags: "[Weather]", categories: "[events]", author: "Ada Lovelace"),
    ]

    static func post(_ title: String, _ language: String, tags: String, categories: String, author: String)
        -> String
    {
        """
        ---
        title: "\(title)"
        lang: \(language)
        tags: \(tags)
        categories: \(categories)
        author: \(author)
        excerpt: "The short of \(title)."
        ---
        ## The quay

        In \(title), the lamp on the quay was repaired and the ferry runs [on time](/timetable/).

        """
    }

    static func site(slices: String, posts: [String: String] = posts) throws -> TemporaryDirectory {
        var files = [
            "feedgen.yml": "site: site\nout: out\nbase_url: \(base)\n" + slices,
            "site/_config.yml": "title: Harbour Notes\nurl: https://harbour.example.org\ntimezone: UTC\nlang: en\n",
        ]
        for (name, text) in posts { files["site/_posts/" + name] = text }
        return try TemporaryDirectory(files)
    }

    static func build(_ folder: borrowing TemporaryDirectory) async throws -> ProcessResult {
        try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
    }

    /// The titles of the items of `path`'s JSON Feed, newest first, and the feed's title.
    static func items(_ out: URL, _ folder: String) throws -> (title: String, items: [String]) {
        let data = try Data(contentsOf: out.appending(path: folder + "/feed.json"))
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        return (feed["title"] as? String ?? "", items.map { $0["title"] as? String ?? "" })
    }

    static let en1 = "Harbour Notes #1", en2 = "Harbour Notes #2", en3 = "Harbour Notes #3"
    static let fr1 = "Nouvelles du port n° 1"

    @Test func eachSliceCarriesExactlyItsPostsInEveryLanguage() async throws {
        let folder = try Self.site(slices: "slices:\n  tags: {}\n  categories: {}\n  authors: {}\n")
        let result = try await Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.url.appending(path: "out")
        let expected: [String: [String]] = [
            "tags/sailing": [Self.fr1, Self.en2, Self.en1],
            "tags/weather": [Self.en3, Self.en1],
            "tags/météo": [Self.fr1],
            "en/tags/sailing": [Self.en2, Self.en1],
            "en/tags/weather": [Self.en3, Self.en1],
            "fr/tags/sailing": [Self.fr1],
            "fr/tags/météo": [Self.fr1],
            "categories/news": [Self.fr1, Self.en2, Self.en1],
            "categories/events": [Self.en3, Self.en2],
            "en/categories/news": [Self.en2, Self.en1],
            "en/categories/events": [Self.en3, Self.en2],
            "fr/categories/news": [Self.fr1],
            "authors/ada-lovelace": [Self.en3, Self.fr1, Self.en1],
            "authors/ben-okri": [Self.en2],
            "en/authors/ada-lovelace": [Self.en3, Self.en1],
            "en/authors/ben-okri": [Self.en2],
            "fr/authors/ada-lovelace": [Self.fr1],
        ]
        for (path, titles) in expected {
            #expect(try Self.items(out, path).items == titles, "\(path)")
        }
        // No other slice: every feed folder under tags/, categories/ and authors/ is one of the above.
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path)
            .filter { $0.hasSuffix("/feed.json") && ["tags/", "categories/", "authors/"].contains(where: $0.contains) }
            .map { String($0.dropLast("/feed.json".count)) }
        #expect(Set(written) == Set(expected.keys))
        #expect(try Self.items(out, "tags/sailing").title == "Harbour Notes — tag Sailing")
        #expect(try Self.items(out, "fr/tags/météo").title == "Harbour Notes (français) — tag Météo")
        #expect(try Self.items(out, "authors/ada-lovelace").title == "Harbour Notes — author Ada Lovelace")
        #expect(
            result.stdout.contains("\nen/tags/sailing               2      2  3 written\n"), "\(result.stdout)")

        // Every slice is in the OPML lists, the autodiscovery links and index.html, by its public URL.
        let opml = try String(contentsOf: out.appending(path: "feeds.opml"), encoding: .utf8)
        let links = try await run(Paths.feedgen, ["links", "--config", "feedgen.yml"], in: folder.url)
        #expect(links.status == 0, "\(links.stderr)")
        let index = try String(contentsOf: out.appending(path: "index.html"), encoding: .utf8)
        for path in expected.keys {
            let url = Self.base + path.replacingOccurrences(of: "météo", with: "m%C3%A9t%C3%A9o")
            #expect(opml.contains("xmlUrl=\"\(url)/rss.xml\""), "\(path)")
            #expect(links.stdout.contains("href=\"\(url)/atom.xml\""), "\(path)")
            #expect(index.contains("\(url)/feed.json"), "\(path)")
        }

        let check = try await feedcheck(out, languages: ["en", "fr"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// The summary's first column is as wide as its longest feed name, a slice's folder included.
    @Test func theSummaryFitsLongSliceNames() async throws {
        var posts = Self.posts
        posts["2024-01-29-harbour-notes-4.md"] = Self.post(
            "Harbour Notes #4", "fr", tags: "[Harbour Maintenance Schedule]", categories: "[news]",
            author: "Ada Lovelace")
        let folder = try Self.site(
            slices: "slices:\n  tags: { only: [Harbour Maintenance Schedule, Météo] }\n", posts: posts)
        let result = try await Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Built 7 feeds (2 languages) from site into out
                language                               posts  items  files
                (all)                                      5      5  3 written
                en                                         3      3  3 written
                fr                                         2      2  3 written
                tags/harbour-maintenance-schedule          1      1  3 written
                tags/météo                                 1      1  3 written
                fr/tags/harbour-maintenance-schedule       1      1  3 written
                fr/tags/météo                              1      1  3 written
                feeds.opml: written
                feeds-atom.opml: written
                feeds-json.opml: written
                5 post files; files: 24 written; 0 errors, 0 warnings

                """
        )
    }

    @Test func excerptOnlyAndItsOwnLimitApplyToTheirSlicesOnly() async throws {
        let folder = try Self.site(slices: "limit: 3\nslices:\n  tags: { limit: 1, excerpt_only: true }\n")
        let result = try await Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.url.appending(path: "out")
        #expect(try Self.items(out, "tags/sailing").items == [Self.fr1])
        #expect(try Self.items(out, "en/tags/weather").items == [Self.en3])
        #expect(try Self.items(out, "").items == [Self.en3, Self.fr1, Self.en2])
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "categories").path))

        let atom = try String(contentsOf: out.appending(path: "tags/sailing/atom.xml"), encoding: .utf8)
        #expect(atom.contains("<summary type=\"text\">The short of Nouvelles du port n° 1.</summary>"))
        #expect(!atom.contains("<content"))
        let rss = try String(contentsOf: out.appending(path: "tags/sailing/rss.xml"), encoding: .utf8)
        #expect(rss.contains("<description>The short of Nouvelles du port n° 1.</description>"))
        #expect(!rss.contains("<content:encoded>"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appending(path: "tags/sailing/feed.json"))) as? [String: Any]
        let item = try #require((json?["items"] as? [[String: Any]])?.first)
        #expect(item["content_html"] == nil)
        #expect(item["content_text"] as? String == "The short of Nouvelles du port n° 1.")
        // The language feeds keep their content.
        let full = try String(contentsOf: out.appending(path: "fr/atom.xml"), encoding: .utf8)
        #expect(full.contains("<content type=\"html\">"))

        // The checker's only complaint is its project rule that every item carries its full HTML, which
        // `excerpt_only` sets aside on purpose: once per Atom and JSON document of the seven tag feeds.
        let check = try await feedcheck(out, languages: ["en", "fr"])
        let problems = (check.stdout + check.stderr).split(separator: "\n").filter {
            $0.contains(": error: ") || $0.contains(": warning: ")
        }
        #expect(problems.count == 14, "\(check.stdout)")
        for problem in problems {
            #expect(problem.hasPrefix(out.path + "/") && problem.contains("tags/"), "\(problem)")
            #expect(problem.hasSuffix("(full HTML content expected) [project.content-missing]"), "\(problem)")
        }
        #expect(check.stdout.contains("16 passed, 14 failed"), "\(check.stdout)")
    }

    @Test func aSliceWhoseTermDisappearsIsRemoved() async throws {
        let folder = try Self.site(slices: "slices:\n  tags: {}\n")
        await #expect(try Self.build(folder).status == 0)
        let out = folder.url.appending(path: "out")
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "fr/tags/météo/atom.xml").path))
        var posts = Self.posts
        posts["2024-01-16-nouvelles-1.md"] = Self.post(
            "Nouvelles du port n° 1", "fr", tags: "[Sailing]", categories: "[news]", author: "Ada Lovelace")
        try Data(posts["2024-01-16-nouvelles-1.md"]!.utf8).write(
            to: folder.url.appending(path: "site/_posts/2024-01-16-nouvelles-1.md"))
        let result = try await Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nfr/tags/météo         0      0  3 removed\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\ntags/météo            0      0  3 removed\n"), "\(result.stdout)")
        for path in ["tags/météo", "fr/tags/météo"] {
            #expect(!FileManager.default.fileExists(atPath: out.appending(path: path).path), "\(path)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "fr/tags/sailing/atom.xml").path))
        let opml = try String(contentsOf: out.appending(path: "feeds.opml"), encoding: .utf8)
        #expect(!opml.contains("m%C3%A9t%C3%A9o"))
        #expect(opml.contains("\(Self.base)fr/tags/sailing/rss.xml"))

        // Asking for no slices any more removes them all, and their folders.
        try Data("site: site\nout: out\nbase_url: \(Self.base)\n".utf8).write(
            to: folder.url.appending(path: "feedgen.yml"))
        await #expect(try Self.build(folder).status == 0)
        for path in ["tags", "fr/tags", "en/tags"] {
            #expect(!FileManager.default.fileExists(atPath: out.appending(path: path).path), "\(path)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "fr/atom.xml").path))
    }
}
