import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import Foundation

/// `feedgen digest`: composes the plain-text digest of a week's posts and prints, files or mails it.
public struct DigestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Compose the weekly plain-text digest of the posts published in a week.",
        discussion: """
            With no window option, covers the last complete ISO week (Monday to Sunday in the site's time \
            zone) and everything published since the last digest sent, remembered in the state folder; a \
            week already sent is not sent again. --week, --since and --until compose any window and \
            neither read nor write the state. --metrics-file records every run (its time, whether it \
            succeeded, the last success's time, the posts sent) in the Prometheus text format, for \
            node_exporter's textfile collector. Exit status: 0 when done (or nothing to send), 1 on an error, 64 for bad options.
            """
    )

    public enum Format: String, ExpressibleByArgument, Sendable {
        case text, email
    }

    @OptionGroup public var location: SiteOptions

    @Option(help: "The ISO week to cover, e.g. 2020-W12.")
    public var week: String?

    @Option(help: "The start of the window: a day (YYYY-MM-DD) or an ISO 8601 date-time.")
    public var since: String?

    @Option(help: "The end of the window: a day (included) or an ISO 8601 date-time (excluded); default: now.")
    public var until: String?

    @Option(help: "The time to take as now, an ISO 8601 date-time such as 2020-03-23T08:00:00+01:00.")
    public var now: String?

    @Option(help: "Only posts in this language (BCP 47 tag); headings and dates in its conventions.")
    public var lang: String?

    /// `--lang` in its conventional form (`pt_br` -> `pt-BR`), as posts' languages are written.
    var language: String? { lang.flatMap(LanguageTag.normalized) }

    @Option(help: "Wrap lines at this many columns.")
    public var width = 72

    @Option(help: "text, or email for an RFC 5322 message.")
    public var format: Format = .text

    @Option(help: "Deliver the message into this Maildir (implies --format email).")
    public var maildir: String?

    @Flag(help: "Pipe the message to sendmail -t -oi (implies --format email).")
    public var sendmail = false

    @Option(name: .customLong("sendmail-program"), help: "The sendmail program.")
    public var sendmailProgram = "/usr/sbin/sendmail"

    @Option(
        name: .customLong("sendmail-timeout"),
        help: ArgumentHelp("Kill a sendmail still running after this long (e.g. 60s, 2m).", valueName: "interval"))
    public var sendmailTimeout = Interval(.seconds(60))

    @Option(help: "The From address (default: the definitions' digest.from).")
    public var from: String?

    @Option(help: "A To address; repeat for several (default: the definitions' digest.to).")
    public var to: [String] = []

    @Option(
        name: .customLong("list-unsubscribe"), help: "A List-Unsubscribe URI; repeatable (default: digest.unsubscribe)."
    )
    public var listUnsubscribe: [String] = []

    @Option(
        name: .customLong("state-dir"),
        help: "The state folder (default: $STATE_DIRECTORY, else ~/.local/state/feedgen).")
    public var stateDir: String?

    @Flag(name: .customLong("send-empty"), help: "Send a digest even when nothing was published.")
    public var sendEmpty = false

    @Option(
        name: .customLong("metrics-file"),
        help: ArgumentHelp(
            "After every run, write its metrics to this file (Prometheus text format), replaced atomically.",
            valueName: "path"))
    public var metricsFile: String?

    public init() {}

    public func validate() throws {
        if week != nil && (since != nil || until != nil) {
            throw ValidationError("--week cannot be combined with --since or --until")
        }
        if until != nil && since == nil { throw ValidationError("--until needs --since") }
        if width < 20 { throw ValidationError("--width must be 20 or more, got \(width)") }
        if maildir != nil && sendmail { throw ValidationError("--maildir and --sendmail cannot be combined") }
        try validateHeaderValues()
        if let now, DigestWindow.parseInstant(now, timeZone: .gmt) == nil || !now.contains("T") {
            throw ValidationError("--now must be an ISO 8601 date-time such as 2020-03-23T08:00:00+01:00, got '\(now)'")
        }
        if metricsFile?.isEmpty == true || metricsFile?.hasSuffix("/") == true {
            throw ValidationError("--metrics-file must name a file, such as feedgen-digest.prom, got '\(metricsFile!)'")
        }
    }

    public func run() async throws {
        let now = self.now.flatMap { DigestWindow.parseInstant($0, timeZone: .gmt)?.date } ?? Date()
        guard let metricsFile else {
            _ = try await digest(now: now)
            return
        }
        // Every outcome is recorded, the errors included (a ValidationError found here too); then the run ends as
        // it would have without the file.
        var failure: (any Error)?
        var posts = 0
        do {
            posts = try await digest(now: now)
        } catch {
            failure = error
        }
        let file = DigestMetricsFile(path: metricsFile)
        do {
            try file.write(
                .run(
                    at: now, succeeded: failure == nil, posts: posts,
                    previousSuccess: failure == nil ? nil : file.lastSuccess()))
        } catch {
            printError(error.description)
            if failure == nil { throw ExitCode.failure }
        }
        if let failure { throw failure }
    }

    /// Composes the digest of the window `now` calls for and delivers it; returns the number of posts delivered
    /// (0 when there was nothing to send).
    private func digest(now: Date) async throws -> Int {
        let resolved = try SourceSettings(location).resolve()
        let definitions = resolved.options.definitions
        let source: DigestSource
        do {
            source = try await DigestSource.load(site: resolved.options.site, definitions: definitions, now: now)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let timeZone = source.config.timeZone
        let email = format == .email || maildir != nil || sendmail
        let sender = from ?? definitions.digest.from
        let recipients = to.isEmpty ? definitions.digest.to : to
        if email && (sender == nil || recipients.isEmpty) {
            throw ValidationError(
                "an email digest needs --from and --to, or digest.from and digest.to in the definitions file")
        }

        // The window, and what earlier digests sent when the state is used.
        let window: DigestWindow
        var store: DigestStateStore?
        var state: DigestState?
        // Held until the state is saved: a second scheduled digest of the same site and language stops here.
        var lock: FolderLock?
        defer { withExtendedLifetime(lock) {} }
        let explicit: DigestWindow?
        do {
            explicit = try DigestSchedule.window(
                for: DigestSchedule.Request(week: week, since: since, until: until), now: now, timeZone: timeZone)
        } catch {
            throw ValidationError(error.description)
        }
        if let explicit {
            window = explicit
        } else {
            let folder =
                stateDir.map { URL(filePath: $0, directoryHint: .isDirectory) }
                ?? DigestStateStore.defaultFolder(environment: ProcessInfo.processInfo.environment)
            let chosenStore = DigestStateStore(folder: folder, host: source.config.host, language: language)
            store = chosenStore
            do {
                lock = try chosenStore.lock()
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            do {
                try chosenStore.checkWritable()
                state = try chosenStore.load()
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            switch DigestSchedule.window(after: state?.until, now: now, timeZone: timeZone) {
            case .send(let next):
                window = next
            case .alreadySent(let week):
                printError(
                    "feedgen digest: nothing to do: the digest up to \(week.isoWeekName) was already sent (\(chosenStore.url.path))"
                )
                return 0
            }
        }

        let composed = await source.compose(
            window: window, sent: Set(state?.sent ?? []), floor: state?.floor, language: language)
        for diagnostic in source.diagnostics + composed.diagnostics {
            printError(resolved.displayed(diagnostic).description)
        }
        let layout = DigestText(
            siteTitle: source.config.title.isEmpty ? source.config.host : source.config.title,
            labels: DigestLabels(language: language ?? source.config.language), width: width)
        let delivered = !composed.plan.isEmpty || sendEmpty
        if delivered {
            let lines = layout.lines(composed.plan, contents: composed.contents)
            let html = DigestHTML(layout: layout).document(composed.plan, contents: composed.contents)
            do {
                try await deliver(
                    lines, html: html, layout: layout, window: window, now: now, email: email, sender: sender ?? "",
                    recipients: recipients,
                    unsubscribe: listUnsubscribe.isEmpty ? definitions.digest.unsubscribe : listUnsubscribe,
                    host: source.config.host)
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        } else {
            printError("feedgen digest: nothing was published \(layout.dates(window)); nothing sent")
        }
        if let store {
            let sent = Set(state?.sent ?? []).union(composed.plan.posts.map(\.id))
            do {
                try store.save(
                    DigestState(floor: state?.floor ?? window.since, until: window.until, sent: sent.sorted()))
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        return delivered ? composed.plan.posts.count : 0
    }

    private func deliver(
        _ lines: [WrappedLine], html: String, layout: DigestText, window: DigestWindow, now: Date, email: Bool,
        sender: String,
        recipients: [String], unsubscribe: [String], host: String
    ) async throws(DigestDeliveryError) {
        guard email else {
            print(lines.map { $0.text + "\n" }.joined(), terminator: "")
            return
        }
        let message = EmailMessage(
            from: sender, to: recipients, subject: layout.subject(window), date: now, timeZone: window.timeZone,
            messageID: messageID(window, host: host), listUnsubscribe: unsubscribe, body: lines,
            html: html)
        let bytes = Array(message.render(lineEnding: "\n").utf8)
        if let maildir {
            let file = try MailDelivery.deliver(
                bytes, toMaildir: URL(filePath: maildir, directoryHint: .isDirectory), now: now)
            print("Delivered the digest of \(layout.dates(window)) to \(file.path)")
        } else if sendmail {
            try await MailDelivery.sendmail(bytes, program: sendmailProgram, deadline: sendmailTimeout.duration)
            print("Sent the digest of \(layout.dates(window)) to \(recipients.joined(separator: ", "))")
        } else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }

    /// `digest.2020-W12.all@dair.ai`: the same window always gets the same id, so a resent digest is
    /// recognised as the same message.
    private func messageID(_ window: DigestWindow, host: String) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = window.timeZone
        func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d%02d%02d", parts.year!, parts.month!, parts.day!)
        }
        let name = window.isOneWeek ? window.isoWeekName : "\(day(window.since))-\(day(window.until))"
        return "digest.\(name).\(language?.lowercased() ?? "all")@\(host)"
    }
}

extension DigestCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}
