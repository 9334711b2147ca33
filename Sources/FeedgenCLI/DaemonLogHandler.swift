import Foundation
import Logging

/// Writes `feedgen watch`'s log to standard error, one line per message: `TIME LEVEL message key=value ...`.
///
/// Under systemd (`$JOURNAL_STREAM` set) the journal stamps every line itself, so the time is left out and the
/// level becomes the `<N>` syslog prefix the journal reads ("SyslogLevelPrefix=", systemd.exec(5)).
struct DaemonLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .info
    /// Writing to the journal: no timestamps, syslog level prefixes.
    var journal: Bool
    /// Formats the time of a line; a parameter so tests can fix it.
    var clock: @Sendable () -> Date = { Date() }

    /// Metadata keys printed first, in this order (a rebuild's line reads like the issue asks); others follow sorted.
    static let leadingKeys = ["trigger", "posts.changed", "feeds.rewritten", "ms"]

    init(journal: Bool) {
        self.journal = journal
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data((line(for: event) + "\n").utf8))
    }

    /// The text of one log line, without its newline.
    func line(for event: LogEvent) -> String {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { $1 } }
        if let own = event.metadata { fields.merge(own) { $1 } }
        var text = event.message.description
        let keys =
            Self.leadingKeys.filter { fields[$0] != nil }
            + fields.keys.filter { !Self.leadingKeys.contains($0) }.sorted()
        for key in keys { text += " \(key)=\(fields[key]!)" }
        if journal { return "<\(syslogPriority(event.level))>\(text)" }
        let time = clock().formatted(.iso8601)
        return "\(time) \(event.level.rawValue) \(text)"
    }

    private func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
