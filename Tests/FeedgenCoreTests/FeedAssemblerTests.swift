import FeedgenCore
import Foundation
import Testing

@Suite struct FeedAssemblerTests {
    let site = SiteConfig(url: "https://letter.test", baseurl: "/harbour", title: "Harbour Notes", language: "en")

    @Test func urlsFollowTheBaseURLAndTheLanguageFolder() {
        let assembler = FeedAssembler(site: site, baseURL: FeedAssembler.defaultBaseURL(for: site))
        #expect(assembler.baseURL == "https://letter.test/harbour/feeds/")
        #expect(
            assembler.urls(for: .language("pt-BR"))
                == FeedURLs(
                    rss: "https://letter.test/harbour/feeds/pt-br/rss.xml",
                    atom: "https://letter.test/harbour/feeds/pt-br/atom.xml",
                    json: "https://letter.test/harbour/feeds/pt-br/feed.json"))
        #expect(assembler.urls(for: .all).json == "https://letter.test/harbour/feeds/feed.json")
    }

    @Test func titlesNameTheLanguageInItself() {
        let assembler = FeedAssembler(site: site, baseURL: "https://cdn.test/f", titles: ["zh": "港湾简报"])
        #expect(assembler.title(for: .all) == "Harbour Notes")
        #expect(assembler.title(for: .language("fr")) == "Harbour Notes (français)")
        #expect(assembler.title(for: .language("zh")) == "港湾简报")
        #expect(assembler.urls(for: .all).rss == "https://cdn.test/f/rss.xml")
    }

    @Test func itemsCarryTheirRenderedContentAndTranslations() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let post = Post(
            path: "_posts/2023-11-14-a.md", slug: "a", date: date, modified: date.addingTimeInterval(60), title: "A",
            tags: ["t"], language: "fr", issue: IssueKey(series: "t", number: 1), url: "https://letter.test/a/",
            id: "tag:letter.test,2023-11-14:a")
        let missing = Post(
            path: "_posts/2023-11-13-b.md", slug: "b", date: date, title: "B", language: "fr",
            url: "https://letter.test/b/", id: "tag:letter.test,2023-11-13:b")
        let selection = FeedPlanner.plan([post, missing], limit: 0)[1]
        let translation = Translation(language: "en", url: "https://letter.test/a-en/", title: "A (en)")
        let feed = FeedAssembler(site: site, baseURL: "https://letter.test/feeds/").feed(
            for: selection, rendered: [post.id: RenderedItem(html: "<p>A</p>", summary: "A")],
            translations: [post.id: [translation]])
        #expect(feed.language == "fr")
        #expect(feed.id == "https://letter.test/feeds/fr/atom.xml")
        #expect(feed.updated == date.addingTimeInterval(60))
        #expect(feed.authors == [Author(name: "Harbour Notes", uri: "https://letter.test/harbour/")])
        #expect(
            feed.items == [
                FeedItem(
                    id: post.id, url: post.url, title: "A", summary: "A", contentHTML: "<p>A</p>", published: date,
                    updated: date.addingTimeInterval(60), authors: [], tags: ["t"], image: nil, language: "fr",
                    translations: [translation])
            ])
    }

    /// Readers lay out item content in their own direction whatever the feed's language, so right-to-left items
    /// carry their direction in the content itself, in every format.
    @Test func rightToLeftItemsCarryTheirDirection() {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let posts = [("ar", "a"), ("fr", "b"), ("fa", "c"), ("az-Arab", "d"), ("ku-Latn", "e")].map { language, slug in
            Post(
                path: "_posts/2023-11-14-\(slug).md", slug: slug, date: date, title: slug, language: language,
                url: "https://letter.test/\(slug)/", id: "tag:letter.test,2023-11-14:\(slug)")
        }
        let rendered = Dictionary(
            uniqueKeysWithValues: posts.map { ($0.id, RenderedItem(html: "<p>x</p>", summary: "x")) })
        let feed = FeedAssembler(site: site, baseURL: "https://letter.test/feeds/").feed(
            for: FeedPlanner.plan(posts, limit: 0)[0], rendered: rendered, translations: [:])
        #expect(
            feed.items.map { [$0.language, $0.contentHTML] } == [
                ["ku-Latn", "<p>x</p>"], ["az-Arab", "<div dir=\"rtl\"><p>x</p></div>"],
                ["fa", "<div dir=\"rtl\"><p>x</p></div>"], ["fr", "<p>x</p>"],
                ["ar", "<div dir=\"rtl\"><p>x</p></div>"],
            ])
    }
}
