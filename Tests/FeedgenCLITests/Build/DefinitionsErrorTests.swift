import Foundation
import Testing

/// Broken definitions files and `_config.yml` files are reported like every other diagnostic, `FILE:LINE: error:`,
/// in the user's words, and end with exit status 1.
@Suite struct DefinitionsErrorTests {
    static let site: [String: String] = [
        "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
        "site/_posts/2024-01-01-issue-1.md": "---\ntitle: \"Issue #1\"\n---\nHello.\n",
    ]

    @Test(arguments: [
        ("site: site\nlimit: ten\n", "feedgen.yml:2: error: 'limit': expected a whole number, found 'ten'"),
        (
            "site: site\ntitles:\n  all: [a, b]\n",
            "feedgen.yml:3: error: 'titles.all': expected a single value, found a list"
        ),
        ("site: site\nlimits: {fr: x}\n", "feedgen.yml:2: error: 'limits.fr': expected a whole number, found 'x'"),
        (
            "site: site\nslices:\n  topics: {}\n",
            "feedgen.yml:3: error: 'slices': unknown slicing 'topics' (known: tags, categories, authors, collections)"
        ),
        (
            "site: site\nslices:\n  tags: { limit: -1 }\n",
            "feedgen.yml:3: error: 'slices.tags.limit' must be 0 (all) or more, got -1"
        ),
        (
            "site: site\nlimit: [1\n",
            "feedgen.yml:3: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"
        ),
    ])
    func aBrokenDefinitionsFileIsOneLineAndExitsOne(_ text: String, _ message: String) async throws {
        let folder = try TemporaryDirectory(Self.site.merging(["feedgen.yml": text]) { $1 })
        for command in ["build", "check"] {
            let result = try await run(Paths.feedgen, [command, "--config", "feedgen.yml"], in: folder.url)
            #expect(result.status == 1)
            #expect(result.stderr == message + "\n")
        }
    }

    @Test func checkWithADefinitionsFileAloneChecksIt() async throws {
        let folder = try TemporaryDirectory(["feedgen.yml": "limit: 5\ntitles: { all: Everything }\n"])
        let result = try await run(Paths.feedgen, ["check", "--config", "feedgen.yml"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "Checked the definitions file feedgen.yml: 0 errors\n")
    }

    @Test(arguments: [
        (
            "url: https://letter.test\nurl: https://other.test\n",
            "site/_config.yml:1: error: invalid YAML: duplicate keys: url"
        ),
        (
            "url: https://letter.test\ntitle: \"broken\n",
            "site/_config.yml:3: error: invalid YAML: while scanning a quoted scalar: found unexpected end of stream"
        ),
    ])
    func configErrorsCarryTheSitePathAndLine(_ config: String, _ message: String) async throws {
        let folder = try TemporaryDirectory(Self.site.merging(["site/_config.yml": config]) { $1 })
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == message + "\n")
    }
}
