import Foundation

/// The span of time one digest covers: from `since` (included) to `until` (excluded), shown in `timeZone`.
public struct DigestWindow: Sendable, Equatable, Codable {
    public var since: Date
    public var until: Date
    public var timeZone: TimeZone

    public init(since: Date, until: Date, timeZone: TimeZone) {
        self.since = since
        self.until = until
        self.timeZone = timeZone
    }

    /// The ISO 8601 calendar (weeks start on Monday; week 1 holds the year's first Thursday) in `timeZone`.
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The last complete ISO week before `now`: Monday 00:00 to the next Monday 00:00, in `timeZone`.
    ///
    /// On a Monday at 08:00 that is the week that ended eight hours earlier.
    public static func lastCompleteWeek(before now: Date, timeZone: TimeZone) -> DigestWindow {
        let calendar = calendar(timeZone)
        let current = calendar.dateInterval(of: .weekOfYear, for: now)!.start
        let previous = calendar.date(byAdding: .day, value: -7, to: current)!
        return DigestWindow(since: calendar.startOfDay(for: previous), until: current, timeZone: timeZone)
    }

    /// The ISO week `year`-W`week` (1...53) in `timeZone`; nil when the year has no such week.
    public static func isoWeek(year: Int, week: Int, timeZone: TimeZone) -> DigestWindow? {
        let calendar = calendar(timeZone)
        var components = DateComponents()
        components.yearForWeekOfYear = year
        components.weekOfYear = week
        components.weekday = 2
        components.hour = 0
        guard (1...53).contains(week), let monday = calendar.date(from: components),
            calendar.component(.weekOfYear, from: monday) == week,
            calendar.component(.yearForWeekOfYear, from: monday) == year
        else { return nil }
        return DigestWindow(
            since: monday, until: calendar.date(byAdding: .day, value: 7, to: monday)!, timeZone: timeZone)
    }

    /// Parses `2020-W12` (or `2020-w12`, `2020W12`) into the ISO week it names; nil when it names none.
    public static func parseWeek(_ text: String, timeZone: TimeZone) -> DigestWindow? {
        let match = text.wholeMatch(of: #/(\d{4})-?[Ww](\d{1,2})/#)
        guard let match, let year = Int(match.1), let week = Int(match.2) else { return nil }
        return isoWeek(year: year, week: week, timeZone: timeZone)
    }

    /// The ISO week name of the window's start, e.g. `2020-W12`.
    public var isoWeekName: String {
        let calendar = Self.calendar(timeZone)
        let year = calendar.component(.yearForWeekOfYear, from: since)
        let week = calendar.component(.weekOfYear, from: since)
        return "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }

    /// Whether the window is exactly one ISO week.
    public var isOneWeek: Bool {
        let calendar = Self.calendar(timeZone)
        return calendar.dateInterval(of: .weekOfYear, for: since) == DateInterval(start: since, end: until)
    }

    /// The window's first and last day (the day before `until`), as (year, month, day) in `timeZone`.
    public var days: (first: DateComponents, last: DateComponents) {
        let calendar = Self.calendar(timeZone)
        let last = calendar.date(byAdding: .second, value: -1, to: until)!
        return (
            calendar.dateComponents([.year, .month, .day], from: since),
            calendar.dateComponents([.year, .month, .day], from: max(since, last))
        )
    }

    /// The start of the day `text` (`YYYY-MM-DD`) names in `timeZone`, or the instant an ISO 8601 date-time
    /// with an offset (`2020-03-23T08:00:00+01:00`, `...Z`) names; nil for anything else.
    public static func parseInstant(_ text: String, timeZone: TimeZone) -> (date: Date, isDay: Bool)? {
        if let match = text.wholeMatch(of: #/(\d{4})-(\d{2})-(\d{2})/#) {
            var components = DateComponents()
            components.year = Int(match.1)
            components.month = Int(match.2)
            components.day = Int(match.3)
            let calendar = calendar(timeZone)
            guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
            return (date, true)
        }
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return (date, false) }
        if let date = try? Date(text, strategy: withFraction) { return (date, false) }
        return nil
    }

    /// The day after `date`'s day, at midnight in `timeZone`: the exclusive end of an inclusive `--until DAY`.
    public static func dayAfter(_ date: Date, timeZone: TimeZone) -> Date {
        let calendar = calendar(timeZone)
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date))!
    }
}
