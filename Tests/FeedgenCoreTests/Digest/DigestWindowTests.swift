import FeedgenCore
import Foundation
import Testing

@Suite struct DigestWindowTests {
    let paris = TimeZone(identifier: "Europe/Paris")!
    let utc = TimeZone(identifier: "UTC")!

    func instant(_ text: String) -> Date { try! Date(text, strategy: Date.ISO8601FormatStyle()) }

    @Test func theLastCompleteWeekEndsOnTheMondayBeforeNow() {
        let window = DigestWindow.lastCompleteWeek(before: instant("2020-03-23T08:00:00+01:00"), timeZone: paris)
        #expect(window.since == instant("2020-03-16T00:00:00+01:00"))
        #expect(window.until == instant("2020-03-23T00:00:00+01:00"))
        #expect(window.isoWeekName == "2020-W12")
        #expect(window.isOneWeek)
    }

    @Test func onSundayTheCurrentWeekIsNotYetComplete() {
        let window = DigestWindow.lastCompleteWeek(before: instant("2020-03-22T23:00:00Z"), timeZone: utc)
        #expect(window.isoWeekName == "2020-W11")
        // 23:30 UTC on Sunday is already Monday in Paris.
        let paris = DigestWindow.lastCompleteWeek(before: instant("2020-03-22T23:30:00Z"), timeZone: paris)
        #expect(paris.isoWeekName == "2020-W12")
    }

    @Test func isoWeeksAcrossYearEnds() {
        #expect(DigestWindow.isoWeek(year: 2020, week: 1, timeZone: utc)?.since == instant("2019-12-30T00:00:00Z"))
        #expect(DigestWindow.isoWeek(year: 2020, week: 53, timeZone: utc)?.since == instant("2020-12-28T00:00:00Z"))
        #expect(DigestWindow.isoWeek(year: 2021, week: 53, timeZone: utc) == nil)
        #expect(DigestWindow.parseWeek("2020-W12", timeZone: utc)?.isoWeekName == "2020-W12")
        #expect(DigestWindow.parseWeek("2020-w05", timeZone: utc)?.isoWeekName == "2020-W05")
        #expect(DigestWindow.parseWeek("2020-12", timeZone: utc) == nil)
    }

    @Test func aWeekWithTheChangeToSummerTimeIsAnHourShort() {
        let window = DigestWindow.parseWeek("2020-W13", timeZone: paris)!
        #expect(window.since == instant("2020-03-23T00:00:00+01:00"))
        #expect(window.until == instant("2020-03-30T00:00:00+02:00"))
        #expect(window.until.timeIntervalSince(window.since) == 7 * 86_400 - 3_600)
    }

    @Test func instantsAndDays() {
        #expect(DigestWindow.parseInstant("2020-03-16", timeZone: paris)?.date == instant("2020-03-16T00:00:00+01:00"))
        #expect(DigestWindow.parseInstant("2020-03-16", timeZone: paris)?.isDay == true)
        #expect(
            DigestWindow.parseInstant("2020-03-23T08:00:00+01:00", timeZone: utc)?.date
                == instant("2020-03-23T07:00:00Z"))
        #expect(DigestWindow.parseInstant("2020-02-30", timeZone: utc) == nil)
        #expect(DigestWindow.parseInstant("next monday", timeZone: utc) == nil)
        #expect(
            DigestWindow.dayAfter(instant("2020-03-22T15:00:00Z"), timeZone: utc) == instant("2020-03-23T00:00:00Z"))
    }

    @Test func labelsInEachLanguage() {
        let week = DigestWindow.parseWeek("2020-W12", timeZone: utc)!.days
        let across = DigestWindow.parseWeek("2020-W14", timeZone: utc)!.days
        let year = DigestWindow.parseWeek("2020-W53", timeZone: utc)!.days
        let cases: [(String?, [String])] = [
            ("en", ["March 16–22, 2020", "March 30 – April 5, 2020", "December 28, 2020 – January 3, 2021"]),
            ("fr", ["du 16 au 22 mars 2020", "du 30 mars au 5 avril 2020", "du 28 décembre 2020 au 3 janvier 2021"]),
            (
                "pt-BR",
                [
                    "de 16 a 22 de março de 2020", "de 30 de março a 5 de abril de 2020",
                    "de 28 de dezembro de 2020 a 3 de janeiro de 2021",
                ]
            ),
            (
                "es",
                [
                    "del 16 al 22 de marzo de 2020", "del 30 de marzo al 5 de abril de 2020",
                    "del 28 de diciembre de 2020 al 3 de enero de 2021",
                ]
            ),
            ("zh", ["2020-03-16 – 2020-03-22", "2020-03-30 – 2020-04-05", "2020-12-28 – 2021-01-03"]),
        ]
        for (language, expected) in cases {
            let labels = DigestLabels(language: language)
            #expect([week, across, year].map { labels.days(from: $0.first, to: $0.last) } == expected)
        }
        #expect(DigestLabels(language: "fr-CA").day(DateComponents(year: 2020, month: 3, day: 1)) == "1er mars 2020")
        #expect(DigestLabels(language: "pt").language == "pt-BR")
        #expect(DigestLabels(language: "en-US").inThisIssue == "In this issue:")
    }
}
