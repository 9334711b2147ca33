import FeedgenCore
import Testing

@Suite struct DigestDefinitionsTests {
    @Test func digestKeysTakeOneValueOrAList() throws {
        let definitions = try FeedDefinitions.parse(
            """
            site: example
            digest:
              from: "Harbour Notes <digest@letter.example.org>"
              to: readers@letter.example.org
              unsubscribe: [ "mailto:leave@letter.example.org", "https://letter.example.org/leave" ]
            """)
        #expect(
            definitions.digest
                == DigestDefinitions(
                    from: "Harbour Notes <digest@letter.example.org>", to: ["readers@letter.example.org"],
                    unsubscribe: ["mailto:leave@letter.example.org", "https://letter.example.org/leave"]))
        #expect(definitions.site == "example")
    }

    @Test func withoutDigestKeysNothingChanges() throws {
        #expect(try FeedDefinitions.parse("limit: 5\n").digest == DigestDefinitions())
        #expect(try FeedDefinitions.parse("limit: 5\n") == FeedDefinitions(limit: 5))
    }

    @Test func aWrongTypeIsReported() {
        #expect(throws: FeedDefinitionsError.self) { try FeedDefinitions.parse("digest:\n  to: { a: 1 }\n") }
    }
}
