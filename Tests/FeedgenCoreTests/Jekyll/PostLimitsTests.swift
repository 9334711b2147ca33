import FeedgenCore
import Testing

@Suite struct PostLimitsTests {
    @Test func defaultsAndKeys() throws {
        #expect(
            try FeedDefinitions.parse("limit: 5\n").postLimits
                == PostLimits(
                    sourceBytes: 10_000_000, htmlBytes: 10_000_000, htmlRatio: 50))
        let parsed = try FeedDefinitions.parse("post_limits:\n  source_bytes: 1000\n  html_ratio: 3\n")
        #expect(parsed.postLimits == PostLimits(sourceBytes: 1000, htmlBytes: 10_000_000, htmlRatio: 3))
    }

    @Test func theHTMLLimitOfAPost() {
        let limits = PostLimits()
        // Small posts may always have 64 KiB; then 50 times the source, up to 10 MB.
        #expect(limits.maxHTMLBytes(forSource: 100) == 65_536)
        #expect(limits.maxHTMLBytes(forSource: 145_053) == 7_252_650)
        #expect(limits.maxHTMLBytes(forSource: 1_000_000) == 10_000_000)
        #expect(PostLimits(htmlRatio: .max).maxHTMLBytes(forSource: .max) == 10_000_000)
    }

    @Test func aLimitMustBePositive() {
        #expect(throws: FeedDefinitionsError(line: 2, message: "'post_limits.source_bytes' must be positive, got -1")) {
            try FeedDefinitions.parse("post_limits:\n  source_bytes: -1\n")
        }
    }
}
