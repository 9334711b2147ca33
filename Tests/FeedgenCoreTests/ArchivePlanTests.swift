import FeedgenCore
import Foundation
import Testing

/// Archive pages (RFC 5005): full pages counted from the oldest post, the rest in the current document.
@Suite struct ArchivePlanTests {
    /// Issues 1...count of a newsletter, one a week, in English.
    static func issues(_ count: Int) -> [Post] {
        (1...count).map { number in
            FeedPlannerTests.post(String(format: "issue-%02d", number), number * 7, "en")
        }
    }

    @Test func fullPagesFromTheOldestAndTheRestInTheCurrentDocument() {
        let plan = FeedPlanner.plan(Self.issues(11), limit: 2, archivePageSize: 4)[0]
        #expect(plan.archive.map(\.number) == [1, 2])
        #expect(plan.archive[0].posts.map(\.path) == ["issue-04", "issue-03", "issue-02", "issue-01"])
        #expect(plan.archive[1].posts.map(\.path) == ["issue-08", "issue-07", "issue-06", "issue-05"])
        // Three posts are on no full page: the current document carries them all, though the limit is 2.
        #expect(plan.posts.map(\.path) == ["issue-11", "issue-10", "issue-09"])
    }

    @Test func aNewPostChangesNoFullPageAndFillsAtMostOne() {
        let before = FeedPlanner.plan(Self.issues(11), limit: 6, archivePageSize: 4)[0]
        let after = FeedPlanner.plan(Self.issues(12), limit: 6, archivePageSize: 4)[0]
        #expect(before.posts.map(\.path) == (6...11).reversed().map { String(format: "issue-%02d", $0) })
        #expect(after.archive.count == 3)
        for page in before.archive {
            #expect(after.archive[page.number - 1].posts.map(\.path) == page.posts.map(\.path))
        }
        #expect(after.archive[2].posts.map(\.path) == ["issue-12", "issue-11", "issue-10", "issue-09"])
        #expect(after.posts.map(\.path) == (7...12).reversed().map { String(format: "issue-%02d", $0) })
    }

    @Test func noLimitIsOneDocumentWithoutArchive() {
        let plan = FeedPlanner.plan(Self.issues(9), limit: 0, archivePageSize: 4)[0]
        #expect(plan.archive.isEmpty)
        #expect(plan.posts.count == 9)
    }

    @Test func eachLanguageHasItsOwnPages() {
        let posts = Self.issues(5) + (1...3).map { FeedPlannerTests.post("fr-\($0)", $0 * 7 + 1, "fr") }
        let plan = FeedPlanner.plan(posts, limit: 1, archivePageSize: 2)
        #expect(plan.map(\.archive.count) == [4, 2, 1])
        #expect(plan[2].archive[0].posts.map(\.path) == ["fr-2", "fr-1"])
        #expect(plan[2].posts.map(\.path) == ["fr-3"])
    }

    /// The current document links the newest page; each page the one before it and the current document.
    @Test func pagesLinkBackwardsAndToTheCurrentDocument() {
        let site = SiteConfig(url: "https://letter.example.org", title: "Letter")
        let assembler = FeedAssembler(site: site, baseURL: "https://letter.example.org/feeds/")
        let selection = FeedPlanner.plan(Self.issues(9), limit: 2, archivePageSize: 4)[1]
        let rendered = Dictionary(
            uniqueKeysWithValues: Self.issues(9).map { ($0.id, RenderedItem(html: "<p>x</p>", summary: "x")) })
        let current = assembler.feed(for: selection, rendered: rendered, translations: [:])
        #expect(current.paging.previousArchive?.atom == "https://letter.example.org/feeds/en/archive/2/atom.xml")
        #expect(current.paging.current == nil)
        let second = assembler.feed(for: selection, page: selection.archive[1], rendered: rendered, translations: [:])
        #expect(second.urls.json == "https://letter.example.org/feeds/en/archive/2/feed.json")
        #expect(second.id == "https://letter.example.org/feeds/en/archive/2/atom.xml")
        #expect(second.paging.previousArchive?.rss == "https://letter.example.org/feeds/en/archive/1/rss.xml")
        #expect(second.paging.current?.rss == "https://letter.example.org/feeds/en/rss.xml")
        let first = assembler.feed(for: selection, page: selection.archive[0], rendered: rendered, translations: [:])
        #expect(first.paging.previousArchive == nil)
        #expect(first.paging.isArchive)
        #expect(first.items.map(\.title) == ["issue-04", "issue-03", "issue-02", "issue-01"])
    }
}
