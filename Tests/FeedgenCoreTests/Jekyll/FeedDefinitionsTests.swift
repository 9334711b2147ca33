import FeedgenCore
import Testing

@Suite struct FeedDefinitionsTests {
    @Test func everyKeyIsOptional() throws {
        #expect(try FeedDefinitions.parse("") == FeedDefinitions())
        #expect(try FeedDefinitions.parse("# only a comment\n") == FeedDefinitions())
    }

    @Test func readsTheKeys() throws {
        let definitions = try FeedDefinitions.parse(
            """
            site: example
            out: ../public/feeds
            base_url: https://x.test/feeds/
            limit: 10
            limits: { all: 0, pt-BR: 5 }
            summary_length: 120
            titles: { fr: "Lettre" }
            """)
        #expect(definitions.site == "example")
        #expect(definitions.out == "../public/feeds")
        #expect(definitions.baseURL == "https://x.test/feeds/")
        #expect(definitions.limit == 10)
        #expect(definitions.limits == ["all": 0, "pt-BR": 5])
        #expect(definitions.summaryLength == 120)
        #expect(definitions.titles == ["fr": "Lettre"])
        #expect(definitions.languages == .defaults)
    }

    @Test func badValuesAreReported() {
        #expect(throws: FeedDefinitionsError(line: 1, message: "'limit' must be 0 (all) or more, got -2")) {
            try FeedDefinitions.parse("limit: -2")
        }
        #expect(throws: FeedDefinitionsError(line: 1, message: "'limits.fr' must be 0 (all) or more, got -1")) {
            try FeedDefinitions.parse("limits: { fr: -1 }")
        }
        #expect {
            try FeedDefinitions.parse("limit: [1")
        } throws: { error in
            (error as? FeedDefinitionsError)?.line == 2  // libyaml reports the end of the stream
        }
    }
}

/// `archive:` and `jekyll_feed:`: a mapping, or `true` for the defaults; bad values named with their line.
@Suite struct ArchiveAndJekyllFeedDefinitionsTests {
    @Test func aMappingOrTrue() throws {
        let definitions = try FeedDefinitions.parse(
            "archive:\n  page_size: 12\njekyll_feed:\n  path: /atom.xml\n  limit: 5\n")
        #expect(definitions.archive == ArchiveSettings(pageSize: 12))
        #expect(definitions.jekyllFeed == JekyllFeedSettings(path: "/atom.xml", limit: 5))
        let defaults = try FeedDefinitions.parse("archive: true\njekyll_feed: true\n")
        #expect(defaults.archive == ArchiveSettings(pageSize: 50))
        #expect(defaults.jekyllFeed == JekyllFeedSettings())
        #expect(try FeedDefinitions.parse("limit: 3\n").archive == nil)
    }

    @Test func badValuesAreReported() {
        #expect(throws: FeedDefinitionsError(line: 3, message: "'archive.page_size' must be positive, got 0")) {
            try FeedDefinitions.parse("limit: 3\narchive:\n  page_size: 0\n")
        }
        #expect(
            throws: FeedDefinitionsError(
                line: 2, message: "'jekyll_feed.path' must be a file path inside the output folder, got '../feed.xml'")
        ) {
            try FeedDefinitions.parse("jekyll_feed:\n  path: ../feed.xml\n")
        }
        #expect(throws: FeedDefinitionsError(line: 1, message: "'jekyll_feed.limit' must be positive, got 0")) {
            try FeedDefinitions.parse("jekyll_feed: { limit: 0 }")
        }
    }
}
