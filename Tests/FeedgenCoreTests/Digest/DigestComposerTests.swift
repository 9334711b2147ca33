import FeedgenCore
import Foundation
import Testing

@Suite struct DigestComposerTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let week1 = DigestWindow.parseWeek("2020-W12", timeZone: utc)!
    static let week2 = DigestWindow.parseWeek("2020-W13", timeZone: utc)!

    /// A post `days` days after Monday of 2020-W12 (16 March 2020).
    static func post(_ name: String, _ days: Double, _ language: String, issue: Int? = nil) -> Post {
        Post(
            path: name, slug: name, date: week1.since.addingTimeInterval(days * 86_400), title: name.uppercased(),
            language: language, issue: issue.map { IssueKey(series: "news", number: $0) },
            url: "https://x.test/\(name)/",
            id: "tag:x.test,2020:\(name)")
    }

    let posts = [
        post("fr7", 1, "fr", issue: 7), post("en7", 0.5, "en", issue: 7), post("article", 3, "en"),
        post("zh7", 8, "zh", issue: 7), post("en8", 9, "en", issue: 8), post("old", -3, "en"),
        post("future", 20, "en"),
    ]

    @Test func anIssueAppearsOnceWithTheTranslationsOfItsFirstWeek() {
        let plan = DigestComposer.plan(posts: posts, window: Self.week1, preferredLanguage: "en-US")
        #expect(plan.entries.map(\.post.path) == ["en7", "article"])
        #expect(plan.entries[0].translations.map(\.path) == ["fr7"])
        #expect(plan.lateTranslations.isEmpty)
        #expect(plan.posts.map(\.path) == ["en7", "fr7", "article"])
    }

    @Test func laterTranslationsAreListedAsNewInTheNextWeek() {
        let plan = DigestComposer.plan(posts: posts, window: Self.week2, preferredLanguage: "en")
        #expect(plan.entries.map(\.post.path) == ["en8"])
        #expect(plan.lateTranslations.map(\.issue.path) == ["en7"])
        #expect(plan.lateTranslations.map { $0.translations.map(\.path) } == [["zh7"]])
    }

    @Test func withoutAPreferredLanguageTheFirstPublishedLeads() {
        let plan = DigestComposer.plan(posts: posts, window: Self.week1)
        #expect(plan.entries.map(\.post.path) == ["en7", "article"])
        let french = DigestComposer.plan(posts: posts, window: Self.week1, preferredLanguage: "fr")
        #expect(french.entries.map(\.post.path) == ["fr7", "article"])
        #expect(french.entries[0].translations.map(\.path) == ["en7"])
    }

    @Test func oneLanguageOnly() {
        let plan = DigestComposer.plan(posts: posts, window: Self.week2, language: "ZH")
        #expect(plan.entries.map(\.post.path) == ["zh7"])
        #expect(plan.entries[0].translations.isEmpty)
        #expect(plan.lateTranslations.isEmpty)
    }

    @Test func aPostPushedAfterItsWeekWasSentGoesInTheNextDigest() {
        let first = DigestComposer.plan(posts: posts.filter { $0.path != "fr7" }, window: Self.week1)
        let sent = Set(first.posts.map(\.id))
        let next = DigestComposer.plan(posts: posts, window: Self.week2, sent: sent, floor: Self.week1.since)
        #expect(next.entries.map(\.post.path) == ["en8"])
        #expect(next.lateTranslations.map { $0.translations.map(\.path) } == [["fr7", "zh7"]])
        // Nothing is carried twice, nothing before the floor.
        let again = DigestComposer.plan(
            posts: posts, window: Self.week2, sent: sent.union(next.posts.map(\.id)), floor: Self.week1.since)
        #expect(again.isEmpty)
    }

    @Test func anEmptyWeek() {
        let window = DigestWindow.parseWeek("2020-W20", timeZone: Self.utc)!
        #expect(DigestComposer.plan(posts: posts, window: window).isEmpty)
    }
}
