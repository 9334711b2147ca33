import Foundation

/// Which window a digest covers: the one the command line names, or the week after the last digest sent.
///
/// Pure: `now`, the zone and the end of the last digest sent are parameters; reading and saving the state
/// is the caller's.
public enum DigestSchedule {
    /// What the command line asks for.
    public enum Request: Equatable, Sendable {
        /// `--week 2020-W12`.
        case week(String)
        /// `--since` and, optionally, `--until` (a day is included, a date-time excluded; default: now).
        case range(since: String, until: String?)
        /// No window option: the last complete week, continuing from the last digest sent.
        case sinceLastDigest

        public init(week: String?, since: String?, until: String?) {
            if let week {
                self = .week(week)
            } else if let since {
                self = .range(since: since, until: until)
            } else {
                self = .sinceLastDigest
            }
        }
    }

    /// A window option that names no window.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case badWeek(String)
        case badSince(String)
        case badUntil(String)
        case sinceNotBeforeUntil

        public var description: String {
            switch self {
            case .badWeek(let text): "--week must name an ISO week such as 2020-W12, got '\(text)'"
            case .badSince(let text): "--since must be a day (YYYY-MM-DD) or an ISO 8601 date-time, got '\(text)'"
            case .badUntil(let text): "--until must be a day (YYYY-MM-DD) or an ISO 8601 date-time, got '\(text)'"
            case .sinceNotBeforeUntil: "--since must be before --until"
            }
        }
    }

    /// The window of an explicit request; nil for `.sinceLastDigest`, whose window depends on the state
    /// (see `window(after:now:timeZone:)`).
    public static func window(for request: Request, now: Date, timeZone: TimeZone) throws(Problem) -> DigestWindow? {
        switch request {
        case .week(let week):
            guard let chosen = DigestWindow.parseWeek(week, timeZone: timeZone) else { throw .badWeek(week) }
            return chosen
        case .range(let since, let until):
            guard let start = DigestWindow.parseInstant(since, timeZone: timeZone) else { throw .badSince(since) }
            var end = now
            if let until {
                guard let parsed = DigestWindow.parseInstant(until, timeZone: timeZone) else { throw .badUntil(until) }
                end = parsed.isDay ? DigestWindow.dayAfter(parsed.date, timeZone: timeZone) : parsed.date
            }
            guard start.date < end else { throw .sinceNotBeforeUntil }
            return DigestWindow(since: start.date, until: end, timeZone: timeZone)
        case .sinceLastDigest:
            return nil
        }
    }

    /// What a digest without window options covers.
    public enum Continuation: Equatable, Sendable {
        /// The window to send.
        case send(DigestWindow)
        /// The last digest sent already reaches the end of `window`: nothing to do.
        case alreadySent(DigestWindow)
    }

    /// The last complete ISO week before `now`, starting where the last digest sent ended (`lastUntil`, nil
    /// when none was sent).
    public static func window(after lastUntil: Date?, now: Date, timeZone: TimeZone) -> Continuation {
        var window = DigestWindow.lastCompleteWeek(before: now, timeZone: timeZone)
        guard let lastUntil else { return .send(window) }
        if lastUntil >= window.until { return .alreadySent(window) }
        window.since = lastUntil
        return .send(window)
    }
}
