import Foundation
import Testing

/// The issue the project started from: a French post whose UTF-8 was once read as Mac OS Roman.
@Suite struct SeedTests {
    static let seedName = "2020-03-16-NLP_Newsletter_#7_[FR].Md"

    /// A site made of the corpus's configuration and the damaged seed post alone.
    func seedSite() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory([
            "site/_config.yml": try String(contentsOf: Paths.corpus.appending(path: "_config.yml"), encoding: .utf8),
            "site/_data/authors.yml": try String(
                contentsOf: Paths.corpus.appending(path: "_data/authors.yml"), encoding: .utf8),
        ])
        let posts = folder.url.appending(path: "site/_posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Paths.shared.appending(path: "seed/\(Self.seedName)"), to: posts.appending(path: Self.seedName))
        return folder
    }

    @Test func theSeedIsPublishedInCorrectFrench() async throws {
        let folder = try seedSite()
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                site/_posts/\(Self.seedName):3: warning: repaired mojibake (UTF-8 once read as Mac OS Roman): '‚Ä¶' -> '…'
                site/_posts/\(Self.seedName):14: warning: repaired mojibake (UTF-8 once read as Mac OS Roman): '‚Äô' -> '’' and 493 more

                """)
        let json = try Data(contentsOf: folder.url.appending(path: "out/fr/feed.json"))
        let feed = try JSONDecoder().decode(SeedFeed.self, from: json)
        let item = try #require(feed.items.first)
        #expect(
            item.title
                == "NLP Newsletter #7 [FR]: NLP Paper Summaries, Learning to Simulate, Transformers Notebooks, Med7, Measuring Compositional Generalization, Neural Tangents,…"
        )
        #expect(item.contentHTML.contains("Avant-propos d’Elvis"))
        #expect(item.contentHTML.contains("jeu d’entraînement"))
        #expect(!item.contentHTML.contains("‚Ä"))
        #expect(!item.contentHTML.contains("√"))
        let check = try await feedcheck(folder.url.appending(path: "out"), languages: ["fr"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("warning:"), "\(check.stdout)")
    }

    @Test func checkReportsTheDamageWithoutWriting() async throws {
        let folder = try seedSite()
        let result = try await run(Paths.feedgen, ["check", "--site", "site"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == "Checked 1 post files of site: 1 publishable; 0 errors, 2 warnings\n")
        #expect(result.stderr.components(separatedBy: "repaired mojibake").count == 3)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "site/_site").path))
    }

    struct SeedFeed: Decodable {
        struct Item: Decodable {
            var title: String
            var contentHTML: String

            enum CodingKeys: String, CodingKey {
                case title
                case contentHTML = "content_html"
            }
        }
        var items: [Item]
    }
}
