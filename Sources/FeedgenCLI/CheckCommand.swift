import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import Foundation

/// `feedgen check`: reads and renders every post as a build would, reports problems, writes nothing.
public struct CheckCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Report problems in a site's posts (YAML, dates, authors, mojibake, unsafe HTML, Liquid) without building.",
        discussion: """
            Every post is read and rendered, not only the newest: --limit does not apply. \
            Exit status: 0 when no post has an error (warnings are printed but allowed), 1 otherwise.
            """
    )

    @OptionGroup public var location: SiteOptions

    @Flag(help: "Also check posts dated in the future.")
    public var future = false

    public init() {}

    public func run() async throws {
        // A definitions file that names no site is checked alone.
        if let config = location.config, location.site == nil,
            try SourceOptions.readDefinitionsReporting(config).site == nil
        {
            print("Checked the definitions file \(config): 0 errors")
            return
        }
        var resolved = try SourceSettings(
            location, out: FileManager.default.temporaryDirectory.path, limit: 0, future: future
        ).resolve()
        resolved.options.dryRun = true
        let report = try await resolved.buildReportingProblems()
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        let checked = report.feeds.first { $0.scope == .all }?.items ?? 0
        print(
            "Checked \(report.postsRead) post files of \(resolved.siteLabel): \(checked) publishable; \(errors) errors, \(warnings) warnings"
        )
        if errors > 0 { throw ExitCode.failure }
    }
}

extension CheckCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}
