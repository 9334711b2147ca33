import Foundation

/// Dates as Jekyll 4.3.1 reads them: from a post's file name, and from front matter `date:`.
///
/// Jekyll turns every date into a string and back: `Utils.parse_date(input) = Time.parse(input).localtime`,
/// where "local" is the site's `timezone` (Jekyll sets `ENV["TZ"]`). A time without an offset is a wall-clock
/// time in that zone. Calendar arithmetic here is the proleptic Gregorian calendar, as in Ruby's `Time`.
public enum JekyllDate {
    /// The date Jekyll gives a post from its file name: midnight of that day in `timeZone`.
    ///
    /// Jekyll passes the date text to `Time.parse`, whose `Time.local` rolls a day past the month's end into the
    /// next month (`2019-02-29` is 1 March) but refuses month 0 or 13 and day 0 or 32: Jekyll then stops the
    /// build with "Invalid date"; this returns nil.
    public static func fromFilename(_ name: PostFilename, timeZone: TimeZone) -> Date? {
        try? makeDate(
            year: name.year, month: name.month, day: name.day, hour: 0, minute: 0, second: 0, fraction: 0,
            offset: nil, timeZone: timeZone, text: "")
    }

    /// A date string as Ruby's `Time.parse` reads it (a quoted front-matter `date:`, or a file-name date).
    ///
    /// Understood: `2020-03-16` (also `2020-3-6`, `20-03-16` meaning 2020, `2020/03/16`), optionally followed by
    /// `T` or spaces and `10:30`, `10:30:00` or `10:30:00.123`, an optional `am`/`pm`, and an optional zone: `Z`,
    /// `+01`, `+0100`, `+01:00`, `-05:00:30`, `UTC`, `GMT`, `EST`…`PDT`, or a military letter. As in Ruby, a zone
    /// Ruby's `Time.zone_offset` does not know (`CET`, `+1`) is ignored and the time is read in `timeZone`.
    /// Anything else throws `unsupportedFormat`, where Ruby's heuristics might have guessed something.
    public static func parse(_ value: String, timeZone: TimeZone) throws -> Date {
        let pattern =
            #/
            ^ \s* ([+-]?[0-9]+) ([-\/]) ([0-9]{1,2}) \2 ([0-9]{1,2})
            (?: (?:[Tt]|\s+) ([0-9]{1,2}) : ([0-9]{1,2}) (?: : ([0-9]{1,2}) (?:[.,] ([0-9]+))? )?
                (?: \s* ([AaPp]) \.? [Mm] \.? )? )?
            (?: \s* ([A-Za-z]+|[+-][0-9:]+) )? \s* $
            /#
        guard !value.allSatisfy(\.isWhitespace) else { throw JekyllDateError(value: value, reason: .noTimeInformation) }
        guard let match = value.wholeMatch(of: pattern) else {
            throw JekyllDateError(value: value, reason: .unsupportedFormat)
        }
        let (
            _, yearText, separator, monthText, dayText, hourText, minuteText, secondText, fractionText, meridian,
            zone
        ) = match.output
        var year = Int(yearText) ?? 0
        let unsigned = yearText.first.map { $0.isNumber } ?? false
        if separator == "/" && (!unsigned || yearText.count < 3) {
            throw JekyllDateError(value: value, reason: .unsupportedFormat)
        }
        // `Date._parse(date, comp = true)`: a year of one or two digits without a sign is completed.
        if unsigned && yearText.count <= 2 { year = PostFilename.expandTwoDigitYear(year) }
        var hour = hourText.flatMap { Int($0) } ?? 0
        if let meridian {
            // `_parse_time`: `h %= 12; h += 12 if pm`
            hour = hour % 12 + (meridian.lowercased() == "p" ? 12 : 0)
        }
        let fraction = fractionText.map { Double("0." + $0) ?? 0 } ?? 0
        return try makeDate(
            year: year, month: Int(monthText) ?? 0, day: Int(dayText) ?? 0, hour: hour,
            minute: minuteText.flatMap { Int($0) } ?? 0, second: secondText.flatMap { Int($0) } ?? 0,
            fraction: fraction, offset: try zone.flatMap { try zoneOffset(String($0), value: value) },
            timeZone: timeZone, text: value)
    }

    /// A front-matter `date:` as Jekyll gets it from Psych, the YAML parser, then from `Time.parse`.
    ///
    /// A plain (unquoted) scalar shaped like a YAML timestamp with a time, `2020-03-16 10:30:00`, is made a
    /// `Time` by Psych before Jekyll sees it, and Psych reads a timestamp without an offset as UTC
    /// (`klass.at(time.to_i, us) unless md[3]`), not in the site zone. Jekyll then prints it with `Time#to_s`,
    /// which drops fractions of a second, and parses that. Anything else (quoted, date only, no seconds) is
    /// read by `parse(_:timeZone:)`.
    public static func parseFrontMatter(_ scalar: String, isPlain: Bool, timeZone: TimeZone) throws -> Date {
        // Psych's `ScalarScanner::TIME`.
        let timestamp =
            #/
            ^ (-?[0-9]{4}) - ([0-9]{1,2}) - ([0-9]{1,2}) (?:[Tt]|\s+) ([0-9]{1,2}) : ([0-9]{2}) : ([0-9]{2})
            (?:\.[0-9]*)? (?: \s* (Z|[-+][0-9]{1,2}:?(?:[0-9]{2})?) )? $
            /#
        guard isPlain, let match = scalar.wholeMatch(of: timestamp) else {
            return try parse(scalar, timeZone: timeZone)
        }
        let (_, year, month, day, hour, minute, second, zone) = match.output
        var offset = 0
        if let zone, zone != "Z",
            let parts = zone.wholeMatch(of: /([+\-]?[0-9]{1,2}):?([0-9]{1,2})?/)?.output
        {
            // `offset = tz.first * 3600; if offset < 0 then offset -= min * 60 else offset += min * 60`
            offset = Int(parts.1.replacingOccurrences(of: "+", with: ""))! * 3600
            let minutes = parts.2.flatMap { Int($0) } ?? 0
            offset += offset < 0 ? -minutes * 60 : minutes * 60
        }
        do {
            // `Time.utc(yy, m, dd, hh, mm, ss, us)`; a failure leaves the string to `Time.parse`.
            return try makeDate(
                year: Int(year)!, month: Int(month)!, day: Int(day)!, hour: Int(hour)!, minute: Int(minute)!,
                second: Int(second)!, fraction: 0, offset: offset, timeZone: timeZone,
                text: scalar)
        } catch {
            return try parse(scalar, timeZone: timeZone)
        }
    }

    /// `Time.local`/`Time.new(..., offset)`: checks the fields as Ruby does, then rolls over day, hour 24 and
    /// second 60 into the next day or minute.
    static func makeDate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int?,
        timeZone: TimeZone, text: String
    ) throws -> Date {
        func fail(_ reason: JekyllDateError.Reason) -> JekyllDateError { JekyllDateError(value: text, reason: reason) }
        guard (1...12).contains(month) else { throw fail(.monthOutOfRange(month)) }
        guard (1...31).contains(day) else { throw fail(.dayOutOfRange(day)) }
        guard (0...24).contains(hour) else { throw fail(.hourOutOfRange(hour)) }
        guard (0...59).contains(minute), hour < 24 || minute == 0 else { throw fail(.minuteOutOfRange(minute)) }
        guard (0...60).contains(second), hour < 24 || second == 0 else { throw fail(.secondOutOfRange(second)) }
        let wall =
            Int64(CivilDate.days(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        let seconds = offset.map { wall - Int64($0) } ?? CivilDate.instant(wall: wall, in: timeZone)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Ruby's `Time.zone_offset`: `±hh`, `±hhmm`, `±hh:mm`, `±hh:mm:ss`, and the names of its `ZoneOffset` table.
    /// nil (read the time in the site zone) for any other zone; an offset of a day or more throws like Ruby.
    static func zoneOffset(_ zone: String, value: String) throws -> Int? {
        let upper = zone.uppercased()
        var seconds: Int?
        if let match = upper.wholeMatch(of: /([+-])([0-9]{2})(:?)([0-9]{2})(?:\3([0-9]{2}))?/) {
            let (_, sign, hours, _, minutes, secs) = match.output
            let magnitude = (Int(hours)! * 60 + Int(minutes)!) * 60 + (secs.flatMap { Int($0) } ?? 0)
            seconds = sign == "-" ? -magnitude : magnitude
        } else if let match = upper.wholeMatch(of: /([+-])([0-9]{2})/) {
            seconds = (match.output.1 == "-" ? -1 : 1) * Int(match.output.2)! * 3600
        } else if let hours = zoneHours[upper] {
            seconds = hours * 3600
        }
        // `Time.new`: "utc_offset out of range" unless -86400 < offset < 86400.
        if let seconds, abs(seconds) >= 86_400 {
            throw JekyllDateError(value: value, reason: .utcOffsetOutOfRange(zone))
        }
        return seconds
    }

    /// Ruby's `Time::ZoneOffset`, in hours.
    static let zoneHours: [String: Int] = {
        var table = [
            "UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
            "PST": -8, "PDT": -7,
        ]
        // "Following definition of military zones is original one. See RFC 1123 and RFC 2822 for the error in
        // RFC 822." A–I are +1…+9, K–M +10…+12, N–Y -1…-12; J has no entry.
        for (index, letter) in "ABCDEFGHIKLM".enumerated() { table[String(letter)] = index + 1 }
        for (index, letter) in "NOPQRSTUVWXY".enumerated() { table[String(letter)] = -(index + 1) }
        return table
    }()
}

/// Proleptic Gregorian day arithmetic (Howard Hinnant's `days_from_civil`), as Ruby's `Time` counts, where
/// Foundation's Gregorian calendar would switch to the Julian calendar before 1582.
struct CivilDate: Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01; a day past the month's end counts on into the next month, as `Time.local` does.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    init(days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The instant whose wall-clock time in `zone` is `wall` (seconds since 1970 as if the zone were UTC).
    ///
    /// As Ruby's `Time.local` does: a repeated wall time (autumn) is the later instant, in standard time; a
    /// skipped one (spring) is read with the offset in force before the change, so 02:30 becomes 03:30.
    static func instant(wall: Int64, in zone: TimeZone) -> Int64 {
        func offset(at seconds: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        }
        let before = offset(at: wall - 86_400)
        let candidates = Set([before, offset(at: wall), offset(at: wall + 86_400)])
            .map { wall - $0 }
            .filter { wall - offset(at: $0) == $0 }
        return candidates.max() ?? wall - before
    }
}

/// The wall-clock fields of an instant in a zone, as Ruby's `strftime` prints them for the permalink.
struct LocalTime: Equatable {
    var date: CivilDate
    var hour: Int
    var minute: Int
    var second: Int
    /// Days since 1970-01-01 in the zone.
    var days: Int

    init(_ instant: Date, in zone: TimeZone) {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let local = seconds + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        let (quotient, remainder) = local.quotientAndRemainder(dividingBy: 86_400)
        days = Int(remainder < 0 ? quotient - 1 : quotient)
        let secondOfDay = Int(remainder < 0 ? remainder + 86_400 : remainder)
        date = CivilDate(days: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
    }

    /// `%u`: 1 (Monday) to 7 (Sunday); 1970-01-01 was a Thursday.
    var isoWeekday: Int { ((days + 3) % 7 + 7) % 7 + 1 }

    /// `%j`: 1 to 366.
    var dayOfYear: Int { days - CivilDate.days(year: date.year, month: 1, day: 1) + 1 }

    /// `%G` and `%V`: the ISO 8601 week-numbering year and week (the week with the year's first Thursday is 1).
    var isoWeek: (year: Int, week: Int) {
        let thursday = days - isoWeekday + 4
        let year = CivilDate(days: thursday).year
        return (year, (thursday - CivilDate.days(year: year, month: 1, day: 1)) / 7 + 1)
    }
}

/// Why a date is not one Jekyll would accept, with the text that was given.
public struct JekyllDateError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// Empty or blank (Ruby: "no time information").
        case noTimeInformation
        /// Not `YYYY-MM-DD[ hh:mm[:ss]][ zone]`.
        case unsupportedFormat
        case monthOutOfRange(Int)
        case dayOutOfRange(Int)
        case hourOutOfRange(Int)
        case minuteOutOfRange(Int)
        case secondOutOfRange(Int)
        case utcOffsetOutOfRange(String)
    }

    public var value: String
    public var reason: Reason

    public init(value: String, reason: Reason) {
        self.value = value
        self.reason = reason
    }

    public var description: String {
        let why: String
        switch reason {
        case .noTimeInformation: why = "there is no date in it"
        case .unsupportedFormat: why = "expected a date like 2020-03-16, 2020-03-16 10:30 or 2020-03-16 10:30:00 +0100"
        case .monthOutOfRange(let month): why = "month \(month) is not between 1 and 12"
        case .dayOutOfRange(let day): why = "day \(day) is not between 1 and 31"
        case .hourOutOfRange(let hour): why = "hour \(hour) is not between 0 and 24"
        case .minuteOutOfRange(let minute): why = "minute \(minute) is not between 0 and 59 (or 0 at hour 24)"
        case .secondOutOfRange(let second): why = "second \(second) is not between 0 and 60 (or 0 at hour 24)"
        case .utcOffsetOutOfRange(let zone): why = "the offset \(zone) is a day or more"
        }
        return "invalid date '\(value)': \(why)"
    }
}
