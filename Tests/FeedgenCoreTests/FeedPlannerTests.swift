import FeedgenCore
import Foundation
import Testing

@Suite struct FeedPlannerTests {
    static func post(_ path: String, _ day: Int, _ language: String) -> Post {
        Post(
            path: path, slug: path, date: Date(timeIntervalSince1970: Double(day) * 86_400), title: path,
            language: language, url: "https://x.test/\(path)/", id: "tag:x.test,2020-01-01:\(path)")
    }

    let posts = [
        post("a", 1, "en"), post("b", 3, "fr"), post("c", 2, "en"), post("d", 3, "en"), post("e", 9, "zh"),
    ]

    @Test func allLanguagesFirstThenEachLanguageNewestFirst() {
        let plan = FeedPlanner.plan(posts, limit: 0)
        #expect(plan.map(\.scope) == [.all, .language("en"), .language("fr"), .language("zh")])
        #expect(plan[0].posts.map(\.path) == ["e", "d", "b", "c", "a"], "same instant: by path, descending")
        #expect(plan[1].posts.map(\.path) == ["d", "c", "a"])
        #expect(plan.allSatisfy { !$0.isTruncated })
    }

    @Test func theLimitKeepsTheNewest() {
        let plan = FeedPlanner.plan(posts, limit: 2)
        #expect(plan[0].posts.map(\.path) == ["e", "d"])
        #expect(plan[0].isTruncated)
        #expect(plan[1].posts.map(\.path) == ["d", "c"])
        #expect(plan[2].posts.map(\.path) == ["b"])
        #expect(!plan[2].isTruncated)
    }

    @Test func futurePostsWaitForTheirDate() {
        let now = Date(timeIntervalSince1970: 5 * 86_400)
        #expect(FeedPlanner.publishable(posts, now: now, future: false).map(\.path) == ["a", "b", "c", "d"])
        #expect(FeedPlanner.publishable(posts, now: now, future: true).count == 5)
    }

    @Test func theOrderDoesNotDependOnTheInputOrder() {
        let plan = FeedPlanner.plan(posts.reversed(), limit: 0)
        #expect(plan[0].posts.map(\.path) == ["e", "d", "b", "c", "a"])
    }

    @Test func aFeedCanHaveItsOwnLimit() {
        let plan = FeedPlanner.plan(posts, limit: 1, limits: ["all": 0, "fr": 3])
        #expect(plan[0].posts.count == 5)
        #expect(plan[1].posts.map(\.path) == ["d"])
        #expect(plan[2].posts.map(\.path) == ["b"])
    }

    /// The order `jekyll build` (4.3) gives these files in `{% for post in site.posts %}`: date, then path, both
    /// descending, comparing bytes (`projects/` after `_posts/`, `#6` before `#1`).
    @Test func postsOfOneDateAreListedAsJekyllListsSitePosts() {
        let paths = [
            "_posts/2020-03-09-NLP_Newsletter_#1_[FR].Md", "_posts/2020-03-10-z.md",
            "projects/_posts/2020-03-09-a.md", "_posts/2020-03-09-NLP_Newsletter_#6_[FR].Md", "_posts/2020-03-09-b.md",
        ]
        let plan = FeedPlanner.plan(paths.map { Self.post($0, $0.contains("03-10") ? 10 : 9, "fr") }, limit: 0)
        #expect(
            plan[0].posts.map(\.path) == [
                "_posts/2020-03-10-z.md", "projects/_posts/2020-03-09-a.md", "_posts/2020-03-09-b.md",
                "_posts/2020-03-09-NLP_Newsletter_#6_[FR].Md", "_posts/2020-03-09-NLP_Newsletter_#1_[FR].Md",
            ])
    }

    /// Ruby compares bytes: a precomposed `é` (C3 A9) sorts after `e` + U+0301 (65 CC 81), which Swift's `String`
    /// holds equal, so the order of such names depends on nothing but their bytes.
    @Test func pathsCompareByTheirBytes() {
        let composed = Self.post("_posts/2020-01-01-caf\u{E9}.md", 1, "fr")
        let decomposed = Self.post("_posts/2020-01-01-cafe\u{301}.md", 1, "fr")
        #expect(FeedPlanner.newestFirst(composed, decomposed))
        #expect(!FeedPlanner.newestFirst(decomposed, composed))
    }
}
