import Foundation
import Testing

/// A translation that kept the original's `excerpt` is summarized by its own first paragraph, with a warning.
@Suite struct ExcerptCopyTests {
    @Test func aCopiedExcerptGivesWayToTheTranslationsFirstParagraph() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
            "site/_posts/2024-01-01-issue-1-en.md":
                "---\ntitle: \"Issue #1\"\ntags: [letter]\nexcerpt: \"The  news of\\nthe week.\"\n---\nHello.\n",
            "site/_posts/2024-01-03-issue-1-fr.md":
                "---\ntitle: \"Numéro #1 [FR]\"\ntags: [letter]\nexcerpt: \"The news of the week.\"\n---\nLes nouvelles.\n",
            "site/_posts/2024-01-04-issue-1-es.md":
                "---\ntitle: \"Número #1 [ES]\"\ntags: [letter]\nexcerpt: \"Las noticias.\"\n---\nHola.\n",
        ])
        let check = try await run(Paths.feedgen, ["check", "--site", "site"], in: folder.url)
        #expect(check.status == 0)
        #expect(
            check.stderr == """
                site/_posts/2024-01-03-issue-1-fr.md: warning: excerpt copied from _posts/2024-01-01-issue-1-en.md (en): \
                the summary is this post's first paragraph

                """)
        let build = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "out"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        struct Feed: Decodable {
            struct Item: Decodable { var summary: String }
            var items: [Item]
        }
        func summaries(_ path: String) throws -> [String] {
            try JSONDecoder().decode(Feed.self, from: Data(contentsOf: folder.url.appending(path: "out/" + path)))
                .items.map(\.summary)
        }
        #expect(try summaries("fr/feed.json") == ["Les nouvelles."])
        #expect(try summaries("en/feed.json") == ["The news of the week."])
        #expect(try summaries("es/feed.json") == ["Las noticias."])
    }

    @Test func anExcerptCopiedFromTheOriginalsFirstParagraphGivesWayToo() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
            "site/_posts/2024-01-01-issue-1-en.md":
                "---\ntitle: \"Issue #1\"\ntags: [letter]\n---\nThe news of the week.\n\nMore.\n",
            "site/_posts/2024-01-03-issue-1-zh.md":
                "---\ntitle: \"简报 #1 [ZH]\"\ntags: [letter]\nexcerpt: \"The news of the week.\"\n---\n本周新闻。\n",
        ])
        let check = try await run(Paths.feedgen, ["check", "--site", "site"], in: folder.url)
        #expect(check.status == 0)
        #expect(
            check.stderr == """
                site/_posts/2024-01-03-issue-1-zh.md: warning: excerpt copied from _posts/2024-01-01-issue-1-en.md (en): \
                the summary is this post's first paragraph

                """)
    }
}
