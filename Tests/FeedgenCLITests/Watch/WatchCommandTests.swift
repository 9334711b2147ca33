import ArgumentParser
import Foundation
import Logging
import Testing

@testable import FeedgenCLI

/// `feedgen watch`'s options, parsed in process, and the lines its log handler writes.
struct WatchCommandTests {
    @Test(arguments: [
        ("200ms", Duration.milliseconds(200)), ("2s", .seconds(2)), ("1.5s", .milliseconds(1500)),
        ("5m", .seconds(300)),
        ("1h", .seconds(3600)), ("30", .seconds(30)),
    ])
    func intervalsParse(text: String, duration: Duration) {
        #expect(Interval(argument: text)?.duration == duration)
    }

    @Test(arguments: ["", "0", "-1s", "soon", "5 m", "1d", "0.0001ms", "nan", "infs"])
    func badIntervalsAreRejected(text: String) {
        #expect(Interval(argument: text) == nil)
    }

    @Test func optionsAreThoseOfBuildPlusWatching() throws {
        let command = try #require(
            try Feedgen.parseAsRoot([
                "watch", "--site", "s", "--out", "o", "--limit", "5", "--future", "--pull", "5m", "--poll", "2s",
                "--debounce", "50ms",
            ]) as? WatchCommand)
        #expect(command.source.site == "s")
        #expect(command.source.out == "o")
        #expect(command.source.limit == 5)
        #expect(command.source.future)
        #expect(command.pull == Interval(.seconds(300)))
        #expect(command.poll == Interval(.seconds(2)))
        #expect(command.debounce == Interval(.milliseconds(50)))
        let defaults = try #require(try Feedgen.parseAsRoot(["watch", "--site", "s"]) as? WatchCommand)
        #expect(defaults.debounce == Interval(.milliseconds(200)))
        #expect(defaults.pull == nil && defaults.poll == nil)
    }

    @Test func aBadIntervalIsAUsageError() async throws {
        let result = try await run(Paths.feedgen, ["watch", "--site", "s", "--pull", "often"])
        #expect(result.status == 64)
        #expect(
            result.stderr.split(separator: "\n").first == "Error: The value 'often' is invalid for '--pull <interval>'")
    }

    @Test func logLinesCarryTheTimeUnlessTheJournalDoes() {
        let event = LogEvent(
            level: .info, message: "rebuild", metadata: ["trigger": "change", "posts.changed": "1", "ms": "12"],
            source: "feedgen", file: #fileID, function: #function, line: #line)
        var handler = DaemonLogHandler(journal: false)
        handler.clock = { Date(timeIntervalSince1970: 1_795_000_000) }
        #expect(handler.line(for: event) == "2026-11-18T11:06:40Z info rebuild trigger=change posts.changed=1 ms=12")
        handler.journal = true
        #expect(handler.line(for: event) == "<6>rebuild trigger=change posts.changed=1 ms=12")
        let error = LogEvent(
            level: .error, message: "git pull failed", metadata: nil, source: "feedgen", file: #fileID,
            function: #function, line: #line)
        #expect(handler.line(for: error) == "<3>git pull failed")
    }
}
