import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import Foundation

/// `feedgen links`: prints the autodiscovery tags of every feed a build would publish, for the site's layouts.
public struct LinksCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Print the <link rel=\"alternate\"> tags that let readers find every language's feeds.",
        discussion: """
            Put them in the <head> of the site's pages. Nothing is written; with 'links_include: true' \
            in the definitions file, every build writes them as _includes/feedgen-links.html in the site.
            """
    )

    @OptionGroup public var source: SourceOptions

    public init() {}

    public func run() async throws {
        var resolved = try source.resolve()
        resolved.options.dryRun = true
        let report: BuildReport
        do {
            report = try await Builder().build(resolved.options)
        } catch {
            printError(resolved.displayed(error))
            throw ExitCode.failure
        }
        print(report.links, terminator: "")
    }
}

extension LinksCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}
