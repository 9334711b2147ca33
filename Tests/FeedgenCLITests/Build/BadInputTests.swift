import Foundation
import Testing

/// One broken post never stops the other feeds, and never replaces a good published feed.
@Suite struct BadInputTests {
    static let site: [String: String] = [
        "_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\npermalink: /:year/:title/\n",
        "_data/authors.yml": "ana:\n  name: Ana\n",
        "_posts/2024-01-01-issue-1-en.md":
            "---\ntitle: \"Issue #1\"\nauthor: ana\ntags: [letter]\n---\nHello **world**.\n",
        "_posts/2024-01-02-issue-1-fr.md":
            "---\ntitle: \"Numéro #1 [FR]\"\nauthor: ana\ntags: [letter]\n---\nBonjour.\n",
        "_posts/2024-02-01-issue-2-en.md": "---\ntitle: \"Issue #2\"\nauthor: ana\ntags: [letter]\n---\nSecond.\n",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var bytes: [UInt8]
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "broken YAML", file: "_posts/2024-03-01-issue-3-en.md",
            bytes: Array("---\ntitle: \"Issue #3\nauthor: ana\n---\nText\n".utf8),
            message: "_posts/2024-03-01-issue-3-en.md:4:1: error: invalid YAML in front matter: "),
        Case(
            name: "invalid date", file: "_posts/2024-03-01-issue-3-en.md",
            bytes: Array("---\ntitle: \"Issue #3\"\ndate: the third of March\n---\nText\n".utf8),
            message: "_posts/2024-03-01-issue-3-en.md:3: error: invalid date 'the third of March': "),
        Case(
            name: "empty body", file: "_posts/2024-03-01-issue-3-en.md",
            bytes: Array("---\ntitle: \"Issue #3\"\nauthor: ana\n---\n\n".utf8),
            message: "_posts/2024-03-01-issue-3-en.md:5: error: the post has no content"),
        Case(
            name: "invalid UTF-8", file: "_posts/2024-03-01-issue-3-en.md",
            bytes: Array("---\ntitle: \"Issue #3\"\n---\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8),
            message: "_posts/2024-03-01-issue-3-en.md:4: error: "),
    ]

    @Test(arguments: cases) func aBrokenPostIsReportedAndTheRestIsPublished(_ broken: Case) async throws {
        let folder = try TemporaryDirectory(
            Dictionary(uniqueKeysWithValues: Self.site.map { ("site/" + $0.key, $0.value) }))
        let site = folder.url.appending(path: "site")
        let out = folder.url.appending(path: "out")

        // A good build first: this is what readers have.
        let good = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        let publishedEnglish = try Data(contentsOf: out.appending(path: "en/atom.xml"))

        // Then a broken post arrives, and French gets a new issue.
        try Data(broken.bytes).write(to: site.appending(path: broken.file))
        try Data("---\ntitle: \"Numéro #2 [FR]\"\nauthor: ana\ntags: [letter]\n---\nDeux.\n".utf8)
            .write(to: site.appending(path: "_posts/2024-02-02-issue-2-fr.md"))
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("site/" + broken.message) == true, "\(result.stderr)")
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("warning: kept the published") }, "\(result.stderr)")
        #expect(result.stdout.contains("(1 left out)"), "\(result.stdout)")

        // English lacks the broken issue: the good English feed and the all-languages feed stay as they were...
        #expect(try Data(contentsOf: out.appending(path: "en/atom.xml")) == publishedEnglish)
        // ...while French, which the broken post cannot belong to, gets its new issue.
        let french = try String(contentsOf: out.appending(path: "fr/atom.xml"), encoding: .utf8)
        #expect(french.contains("<title type=\"text\">Numéro #2 [FR]</title>"), "\(french)")
    }

    @Test func aFirstBuildPublishesWhatItCanAndFails() async throws {
        var files = Self.site
        files["_posts/2024-03-01-issue-3-en.md"] = "---\ntitle: [unclosed\n---\nText\n"
        let folder = try TemporaryDirectory(files)
        let result = try await run(Paths.feedgen, ["build", "--site", ".", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("_posts/2024-03-01-issue-3-en.md:3:1: error: invalid YAML in front matter: "),
            "\(result.stderr)")
        let english = try String(contentsOf: folder.url.appending(path: "out/en/feed.json"), encoding: .utf8)
        #expect(english.contains("\"title\" : \"Issue #2\""))
    }
}
