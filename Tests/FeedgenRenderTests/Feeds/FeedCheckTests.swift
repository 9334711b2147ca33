import FeedgenCore
import FeedgenRender
import Testing

/// The written feeds pass the project's independent checker with no error and no warning.
@Suite struct FeedCheckTests {
    @Test func sampleFeedPassesInEveryFormat() throws {
        let result = try FeedCheck.run(files: [
            "rss.xml": try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator),
            "atom.xml": try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator),
            "feed.json": try JSONFeedWriter.write(SampleFeed.feed),
        ])
        #expect(result.status == 0, "feedcheck failed:\n\(result.lines.joined(separator: "\n"))")
        #expect(result.errors == [])
        #expect(result.warnings == [])
        #expect(result.lines.last == "3 passed, 0 failed")
    }

    @Test func oneLanguageFeedPassesWithItsLanguageRequired() throws {
        var feed = SampleFeed.feed
        feed.id = "tag:dair.ai,2020:feeds/en"
        feed.language = "en"
        feed.items = [SampleFeed.english]
        feed.urls = FeedURLs(
            rss: "https://dair.ai/feeds/en/rss.xml", atom: "https://dair.ai/feeds/en/atom.xml",
            json: "https://dair.ai/feeds/en/feed.json"
        )
        let result = try FeedCheck.run(
            files: [
                "rss.xml": try RSSWriter.write(feed, generator: SampleFeed.generator),
                "atom.xml": try AtomWriter.write(feed, generator: SampleFeed.generator),
                "feed.json": try JSONFeedWriter.write(feed),
            ],
            arguments: ["--langs", "en"]
        )
        #expect(result.status == 0, "feedcheck failed:\n\(result.lines.joined(separator: "\n"))")
        #expect(result.errors == [])
        #expect(result.warnings == [])
    }

    /// The checker itself must catch a broken feed, or the tests above prove nothing.
    @Test func checkerRejectsABrokenFeed() throws {
        var bytes = try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator)
        bytes.removeLast(20)
        let result = try FeedCheck.run(files: ["rss.xml": bytes])
        #expect(result.status == 1)
        #expect(!result.errors.isEmpty)
    }
}
