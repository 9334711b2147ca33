import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import Foundation
import Logging

/// `feedgen build`: writes every feed once and prints what it did.
public struct BuildCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the RSS, Atom and JSON feeds of every language of a Jekyll site.",
        discussion: """
            With no options, builds the site named by feeds/feedgen.yml in the current folder. \
            Exit status: 0 when every post was published, 1 when some had to be left out \
            or a file could not be written (each is reported as FILE:LINE: error: ...), \
            64 for bad options.
            """
    )

    @OptionGroup public var source: SourceOptions

    /// Not in `--help`: how long a WebSub notification the hub refused waits before its first retry (tests
    /// shorten it).
    @Option(name: .customLong("hub-retry"), help: .hidden)
    public var hubRetry = Interval(.seconds(1))

    public init() {}

    public func run() async throws {
        let resolved = try source.resolve()
        let report = try await resolved.buildReportingProblems()
        print(
            BuildSummary(report: report, siteLabel: resolved.siteLabel, outLabel: resolved.outLabel).text,
            terminator: "")
        // After publishing, and whatever the hub answers: a failure is a logged warning, never the exit status.
        if let hub = resolved.options.definitions.hub, !report.changedURLs.isEmpty {
            let logger = Logger(label: "feedgen.build") { _ in DaemonLogHandler(journal: false) }
            await HubNotifier(hub: hub, logger: logger, firstDelay: hubRetry.duration).notify(report.changedURLs)
        }
        if report.hasErrors { throw ExitCode.failure }
    }
}

extension SourceOptions.Resolved {
    /// Runs the build and prints every problem on standard error the way compilers do: the site's
    /// diagnostics, then the feeds kept unchanged because a post that belongs in them failed.
    /// - Throws: `ExitCode.failure` when the build could not run at all (the reason is printed).
    func buildReportingProblems(cache: RenderCache? = nil) async throws -> BuildReport {
        let report: BuildReport
        do {
            report = try await Builder().build(options, cache: cache)
        } catch {
            printError(displayed(error))
            throw ExitCode.failure
        }
        for diagnostic in report.diagnostics {
            printError(displayed(diagnostic).description)
        }
        for kept in report.kept {
            let folder = kept.scope.directory.isEmpty ? outLabel : "\(outLabel)/\(kept.scope.directory)"
            let missing = kept.missing.map {
                displayed(Diagnostic(.error, at: FileLocation(path: $0), "")).location.path
            }
            printError(
                "\(folder): warning: kept the published \(kept.scope.label) feed: it would lack \(missing.joined(separator: ", "))"
            )
        }
        return report
    }
}
