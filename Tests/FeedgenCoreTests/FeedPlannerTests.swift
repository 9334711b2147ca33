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
        #expect(plan[0].posts.map(\.path) == ["e", "b", "d", "c", "a"], "same instant: by path")
        #expect(plan[1].posts.map(\.path) == ["d", "c", "a"])
        #expect(plan.allSatisfy { !$0.isTruncated })
    }

    @Test func theLimitKeepsTheNewest() {
        let plan = FeedPlanner.plan(posts, limit: 2)
        #expect(plan[0].posts.map(\.path) == ["e", "b"])
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
        #expect(plan[0].posts.map(\.path) == ["e", "b", "d", "c", "a"])
    }

    @Test func aFeedCanHaveItsOwnLimit() {
        let plan = FeedPlanner.plan(posts, limit: 1, limits: ["all": 0, "fr": 3])
        #expect(plan[0].posts.count == 5)
        #expect(plan[1].posts.map(\.path) == ["d"])
        #expect(plan[2].posts.map(\.path) == ["b"])
    }
}
