import Foundation

/// The two date formats feeds use, always written in UTC and without fractions of a second.
public enum FeedDate {
    /// The Gregorian calendar in UTC; a value, so nothing shared is mutated.
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    // RFC 822 §5.1: day = "Mon" / "Tue" / ...; month = "Jan" / "Feb" / ... These are protocol tokens,
    // not localized names, so they are spelled out here rather than taken from a locale.
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 date-time with a four-digit year, as RSS and OPML want: `Mon, 16 Mar 2020 00:00:00 +0000`.
    ///
    /// RSS 2.0, "Comments": "All date-times in RSS conform to the Date and Time Specification of RFC 822, with
    /// the exception that the year may be expressed with two characters or four characters (four preferred)."
    public static func rfc822(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let weekday = weekdays[parts.weekday! - 1]
        let month = months[parts.month! - 1]
        return "\(weekday), \(pad(parts.day!, 2)) \(month) \(pad(parts.year!, 4)) "
            + "\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2)):\(pad(parts.second!, 2)) +0000"
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
