import Foundation
import Testing

@testable import FeedgenCore

@Suite struct JekyllDateTests {
    let utc = TimeZone(identifier: "UTC")!
    let newYork = TimeZone(identifier: "America/New_York")!

    private func seconds(_ date: Date?) -> Double? { date?.timeIntervalSince1970 }

    @Test func filenameDateIsLocalMidnight() throws {
        let name = try #require(PostFilename.parse("2020-4-6-TL;DR_DistillBERT.md"))
        #expect(seconds(JekyllDate.fromFilename(name, timeZone: utc)) == 1_586_131_200)
        #expect(seconds(JekyllDate.fromFilename(name, timeZone: newYork)) == 1_586_145_600)
    }

    @Test func filenameDayPastMonthEndRollsOverAndBadMonthIsNil() throws {
        let leap = try #require(PostFilename.parse("2019-02-29-x.md"))
        #expect(
            JekyllDate.fromFilename(leap, timeZone: utc).map { JekyllFixtures.rubyTime($0, in: utc) }
                == "2019-03-01 00:00:00 +0000")
        #expect(JekyllDate.fromFilename(try #require(PostFilename.parse("2020-13-01-x.md")), timeZone: utc) == nil)
        #expect(JekyllDate.fromFilename(try #require(PostFilename.parse("2020-02-32-x.md")), timeZone: utc) == nil)
    }

    @Test func offsetsAndSiteZone() throws {
        #expect(seconds(try JekyllDate.parse("2020-03-16", timeZone: newYork)) == 1_584_331_200)
        #expect(seconds(try JekyllDate.parse("2020-03-16 10:30", timeZone: newYork)) == 1_584_369_000)
        #expect(seconds(try JekyllDate.parse("2020-03-16 10:30:00 +0100", timeZone: newYork)) == 1_584_351_000)
        #expect(seconds(try JekyllDate.parse("2020-03-16T10:30:00Z", timeZone: newYork)) == 1_584_354_600)
        #expect(seconds(try JekyllDate.parse("2020-03-16T10:30:00-05:00", timeZone: utc)) == 1_584_372_600)
        #expect(seconds(try JekyllDate.parse("2020-03-16 10:30:00 PST", timeZone: utc)) == 1_584_383_400)
        // Ruby's Time.zone_offset does not know CET: the time stays in the site zone.
        #expect(seconds(try JekyllDate.parse("2020-03-16 10:30:00 CET", timeZone: utc)) == 1_584_354_600)
    }

    @Test func daylightSavingGapsAndRepeatsAsRuby() throws {
        // 02:30 does not exist on 8 March 2020 in New York: Ruby reads it as 03:30 EDT.
        #expect(
            JekyllFixtures.rubyTime(try JekyllDate.parse("2020-03-08 02:30", timeZone: newYork), in: newYork)
                == "2020-03-08 03:30:00 -0400")
        // 01:30 happens twice on 1 November 2020: Ruby takes the second, in EST.
        #expect(
            JekyllFixtures.rubyTime(try JekyllDate.parse("2020-11-01 01:30", timeZone: newYork), in: newYork)
                == "2020-11-01 01:30:00 -0500")
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(throws: JekyllDateError(value: "2020-13-01", reason: .monthOutOfRange(13))) {
            try JekyllDate.parse("2020-13-01", timeZone: utc)
        }
        #expect(throws: JekyllDateError(value: "16 March 2020", reason: .unsupportedFormat)) {
            try JekyllDate.parse("16 March 2020", timeZone: utc)
        }
        #expect(throws: JekyllDateError(value: "", reason: .noTimeInformation)) {
            try JekyllDate.parse("", timeZone: utc)
        }
        #expect(
            JekyllDateError(value: "2020-03-16 25:00", reason: .hourOutOfRange(25)).description
                == "invalid date '2020-03-16 25:00': hour 25 is not between 0 and 24")
    }

    @Test func plainYAMLTimestampWithoutOffsetIsUTC() throws {
        // Psych makes an unquoted `2020-03-16 10:30:00` a UTC time; quoted, it is read in the site zone.
        #expect(
            seconds(try JekyllDate.parseFrontMatter("2020-03-16 10:30:00", isPlain: true, timeZone: newYork))
                == 1_584_354_600)
        #expect(
            seconds(try JekyllDate.parseFrontMatter("2020-03-16 10:30:00", isPlain: false, timeZone: newYork))
                == 1_584_369_000)
        #expect(
            seconds(try JekyllDate.parseFrontMatter("2020-03-16 10:30:00.5", isPlain: true, timeZone: utc))
                == 1_584_354_600)
    }

    /// `Utils.parse_date` on every recorded input and zone: the same instant (to the microsecond),
    /// or an error where Jekyll raised one. Inputs Ruby guesses at but feedgen refuses are listed.
    @Test func matchesJekyllParseDate() throws {
        let refused: Set<String> = ["2020-03-16 10:30 a.m."]
        let cases = try JekyllFixtures.functions()
        for item in cases.parseDate {
            compare(item, refused: refused) { try JekyllDate.parse(item.input, timeZone: $0) }
        }
        for item in cases.frontMatterDate {
            compare(item, refused: []) { try JekyllDate.parseFrontMatter(item.input, isPlain: true, timeZone: $0) }
        }
    }

    private func compare(
        _ item: JekyllFixtures.Functions.DateResult, refused: Set<String>, _ parse: (TimeZone) throws -> Date
    ) {
        let zone = TimeZone(identifier: item.zone)!
        let result = Result { try parse(zone) }
        switch (result, item.seconds) {
        case (.success(let date), let expected?):
            // A Double holds today's instants to about a microsecond.
            let micros = Int64((date.timeIntervalSince1970 * 1e6).rounded())
            #expect(
                micros == expected * 1_000_000 + Int64((item.nanoseconds ?? 0) / 1000), "\(item.input) in \(item.zone)")
            #expect(JekyllFixtures.rubyTime(date, in: zone) == item.local, "\(item.input) in \(item.zone)")
        case (.failure, nil):
            break
        case (.failure(let error), _?):
            #expect(refused.contains(item.input), "\(item.input) in \(item.zone): \(error)")
        case (.success(let date), nil):
            Issue.record("\(item.input) in \(item.zone): Jekyll raised \(item.error ?? ""), feedgen gave \(date)")
        }
    }
}
