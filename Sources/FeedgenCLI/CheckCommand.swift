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

    @Option(help: "The feed definitions file (default: feeds/feedgen.yml when --site is not given).")
    public var config: String?

    @Option(help: "The Jekyll site: the folder holding _config.yml.")
    public var site: String?

    @Flag(help: "Also check posts dated in the future.")
    public var future = false

    public init() {}

    public func run() async throws {
        // A definitions file that names no site is checked alone.
        if let config, site == nil, try SourceOptions.readDefinitionsReporting(config).site == nil {
            print("Checked the definitions file \(config): 0 errors")
            return
        }
        var arguments = ["--limit", "0", "--out", FileManager.default.temporaryDirectory.path]
        if let config { arguments += ["--config", config] }
        if let site { arguments += ["--site", site] }
        if future { arguments.append("--future") }
        var resolved = try SourceOptions.parse(arguments).resolve()
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
