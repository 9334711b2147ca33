import Foundation

/// The two Internet date formats, written without fractions of a second: feeds' (in UTC) and mail's `Date:`
/// header (in the sender's zone). The one owner of RFC 822/5322 dates.
public enum FeedDate {
    /// The Gregorian calendar in UTC; a value, so nothing shared is mutated.
    private static let utcCalendar = calendar(in: TimeZone(identifier: "UTC")!)

    private static func calendar(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    // RFC 822 §5.1: day = "Mon" / "Tue" / ...; month = "Jan" / "Feb" / ... These are protocol tokens,
    // not localized names, so they are spelled out here rather than taken from a locale.
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 date-time with a four-digit year, as RSS and OPML want: `Mon, 16 Mar 2020 00:00:00 +0000`.
    ///
    /// RSS 2.0, "Comments": "All date-times in RSS conform to the Date and Time Specification of RFC 822, with
    /// the exception that the year may be expressed with two characters or four characters (four preferred)."
    public static func rfc822(_ date: Date) -> String {
        rfc822(date, utcCalendar)
    }

    /// RFC 5322 §3.3 date-time in `timeZone`, with its offset, as a mail's `Date:` header wants:
    /// `Mon, 23 Mar 2020 08:00:00 +0100`. The same format as `rfc822(_:)`, English names whatever the locale.
    public static func rfc5322(_ date: Date, timeZone: TimeZone) -> String {
        rfc822(date, calendar(in: timeZone))
    }

    private static func rfc822(_ date: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekday = weekdays[parts.weekday! - 1]
        let month = months[parts.month! - 1]
        let offset = calendar.timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(weekday), \(pad(parts.day!, 2)) \(month) \(pad(parts.year!, 4)) "
            + "\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2)):\(pad(parts.second!, 2)) "
            + "\(sign)\(pad(abs(offset) / 60, 2))\(pad(abs(offset) % 60, 2))"
    }

    /// RFC 3339 date-time in UTC, as Atom and JSON Feed want: `2020-03-16T00:00:00Z`.
    public static func rfc3339(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.day, .month, .year, .hour, .minute, .second], from: date)
        return "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))"
            + "T\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2)):\(pad(parts.second!, 2))Z"
    }

    /// `value` in decimal with leading zeros up to `width` digits.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
