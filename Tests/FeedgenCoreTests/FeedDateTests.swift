import FeedgenCore
import Foundation
import Testing

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("2020-03-16T00:00:00Z", "Mon, 16 Mar 2020 00:00:00 +0000", "2020-03-16T00:00:00Z"),
        // An instant given in another zone is written in UTC, on the next day here.
        ("2020-03-16T23:30:05-05:00", "Tue, 17 Mar 2020 04:30:05 +0000", "2020-03-17T04:30:05Z"),
        ("2019-12-31T23:59:59Z", "Tue, 31 Dec 2019 23:59:59 +0000", "2019-12-31T23:59:59Z"),
        ("2024-02-29T12:00:00Z", "Thu, 29 Feb 2024 12:00:00 +0000", "2024-02-29T12:00:00Z"),
        ("2025-09-07T09:08:07Z", "Sun, 07 Sep 2025 09:08:07 +0000", "2025-09-07T09:08:07Z"),
    ])
    func formatsInUTC(input: String, rfc822: String, rfc3339: String) throws {
        let date = try Date(input, strategy: .iso8601)
        #expect(FeedDate.rfc822(date) == rfc822)
        #expect(FeedDate.rfc3339(date) == rfc3339)
    }

    @Test func dropsFractionsOfASecondInBothFormats() throws {
        let date = try Date("2020-03-16T10:20:30Z", strategy: .iso8601).addingTimeInterval(0.999)
        #expect(FeedDate.rfc822(date) == "Mon, 16 Mar 2020 10:20:30 +0000")
        #expect(FeedDate.rfc3339(date) == "2020-03-16T10:20:30Z")
    }

    @Test func padsTheYearToFourDigits() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(calendar.date(from: DateComponents(year: 999, month: 1, day: 1)))
        // Foundation's Gregorian calendar is Julian before October 1582 (as ICU's), hence a Sunday, where the
        // proleptic Gregorian 0999-01-01 is a Tuesday. Feeds do not reach back that far.
        #expect(FeedDate.rfc822(date) == "Sun, 01 Jan 0999 00:00:00 +0000")
        #expect(FeedDate.rfc3339(date) == "0999-01-01T00:00:00Z")
    }

    @Test func rfc3339ReadsBackAsTheSameInstant() throws {
        let date = Date(timeIntervalSince1970: 1_584_316_800)
        #expect(try Date(FeedDate.rfc3339(date), strategy: .iso8601) == date)
    }
}
