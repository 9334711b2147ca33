import FeedgenCore
import Foundation
import Testing

/// The digest's window from its options and from the last digest sent, without the command or the disk.
struct DigestScheduleTests {
    private let paris = TimeZone(identifier: "Europe/Paris")!
    private func date(_ text: String) throws -> Date { try Date(text, strategy: .iso8601) }

    @Test func explicitWindows() throws {
        let now = try date("2020-03-25T12:00:00Z")
        let week = try DigestSchedule.window(for: .week("2020-W12"), now: now, timeZone: paris)
        #expect(
            week
                == DigestWindow(
                    since: try date("2020-03-15T23:00:00Z"), until: try date("2020-03-22T23:00:00Z"), timeZone: paris))
        // A day as --until is included: the window ends at the next midnight.
        let days = try DigestSchedule.window(
            for: .range(since: "2020-03-16", until: "2020-03-17"), now: now, timeZone: paris)
        #expect(
            days
                == DigestWindow(
                    since: try date("2020-03-15T23:00:00Z"), until: try date("2020-03-17T23:00:00Z"), timeZone: paris))
        // No --until: up to now.
        let open = try DigestSchedule.window(for: .range(since: "2020-03-16", until: nil), now: now, timeZone: paris)
        #expect(open?.until == now)
        #expect(try DigestSchedule.window(for: .sinceLastDigest, now: now, timeZone: paris) == nil)
    }

    @Test func badWindowsSayWhichOption() throws {
        let now = try date("2020-03-25T12:00:00Z")
        #expect(throws: DigestSchedule.Problem.badWeek("2020-12")) {
            try DigestSchedule.window(for: .week("2020-12"), now: now, timeZone: paris)
        }
        #expect(throws: DigestSchedule.Problem.badSince("yesterday")) {
            try DigestSchedule.window(for: .range(since: "yesterday", until: nil), now: now, timeZone: paris)
        }
        #expect(throws: DigestSchedule.Problem.badUntil("soon")) {
            try DigestSchedule.window(for: .range(since: "2020-03-16", until: "soon"), now: now, timeZone: paris)
        }
        #expect(throws: DigestSchedule.Problem.sinceNotBeforeUntil) {
            try DigestSchedule.window(for: .range(since: "2020-03-18", until: "2020-03-16"), now: now, timeZone: paris)
        }
        #expect(
            DigestSchedule.Problem.sinceNotBeforeUntil.description == "--since must be before --until")
    }

    @Test func theWeekAfterTheLastDigestSent() throws {
        let now = try date("2020-03-25T12:00:00Z")
        let lastWeek = DigestWindow.lastCompleteWeek(before: now, timeZone: paris)
        #expect(DigestSchedule.window(after: nil, now: now, timeZone: paris) == .send(lastWeek))
        // A digest sent on Thursday: the next one starts where it ended.
        let thursday = try date("2020-03-19T07:00:00Z")
        var continued = lastWeek
        continued.since = thursday
        #expect(DigestSchedule.window(after: thursday, now: now, timeZone: paris) == .send(continued))
        #expect(DigestSchedule.window(after: lastWeek.until, now: now, timeZone: paris) == .alreadySent(lastWeek))
    }

    @Test func requestFromOptions() {
        #expect(DigestSchedule.Request(week: "2020-W12", since: nil, until: nil) == .week("2020-W12"))
        #expect(DigestSchedule.Request(week: nil, since: "a", until: "b") == .range(since: "a", until: "b"))
        #expect(DigestSchedule.Request(week: nil, since: nil, until: nil) == .sinceLastDigest)
    }
}
