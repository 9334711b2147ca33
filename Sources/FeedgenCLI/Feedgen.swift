import ArgumentParser
import FeedgenCore

/// The `feedgen` command: publishes a Jekyll site's posts as RSS, Atom and JSON feeds.
public struct Feedgen: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "feedgen",
        abstract: "Publish a multilingual Jekyll newsletter as RSS 2.0, Atom 1.0 and JSON Feed 1.1.",
        version: FeedgenVersion.current,
        subcommands: [
            BuildCommand.self, CheckCommand.self, WatchCommand.self, ServeCommand.self, DigestCommand.self,
            LinksCommand.self,
        ],
        defaultSubcommand: BuildCommand.self
    )

    public init() {}
}

extension Feedgen {
    /// Parses the command line and runs the chosen subcommand, exiting with its status.
    ///
    /// Swift 6.3 resolves `await Feedgen.main()` (and `run()` on an `any AsyncParsableCommand`) to the
    /// synchronous overloads, which print help instead of running async subcommands; this dispatches by hand.
    public static func runFromCommandLine() async {
        do {
            let command = try await asyncParseAsRoot()
            if let async = command as? any AsyncRunnable {
                try await async.runAsync()
            } else {
                var command = command
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// A subcommand whose work is asynchronous.
protocol AsyncRunnable {
    func runAsync() async throws
}

extension BuildCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}
