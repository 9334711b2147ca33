import ArgumentParser
import FeedgenServe
import Foundation
import Logging
import ServiceLifecycle

/// `feedgen serve`: serves the output folder over HTTP with the headers feed readers expect.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the published feeds over HTTP, with the headers feed readers expect.",
        discussion: """
            GET and HEAD only. Sends each file's type (application/rss+xml, application/atom+xml, \
            application/feed+json, text/x-opml, text/html), a strong ETag from its bytes, Last-Modified, \
            304 Not Modified, the precompressed FILE.gz to clients that accept gzip, and logs one line per \
            request on standard error. Hidden and temporary files and anything outside DIR are 404. \
            SIGTERM or SIGINT stop it after the requests in progress.
            """
    )

    @Option(help: ArgumentHelp("The folder to serve: the output folder of 'feedgen build'.", valueName: "dir"))
    public var out: String

    @Option(help: ArgumentHelp("The address to listen on, HOST:PORT ('[::1]:8080' for IPv6).", valueName: "host:port"))
    public var listen = "127.0.0.1:8080"

    public init() {}

    public func validate() throws {
        guard ListenAddress(listen) != nil else {
            throw ValidationError("--listen wants HOST:PORT (e.g. 127.0.0.1:8080), not '\(listen)'")
        }
    }

    public func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            printError("\(out): error: no such folder")
            throw ExitCode.failure
        }
        let logger = Logger.daemon(label: "feedgen.serve")
        let server = FeedServer(folder: out, address: ListenAddress(listen)!, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            printError("feedgen: error: cannot serve on \(listen): \(FeedServer.reason(error))")
            throw ExitCode.failure
        }
    }
}

extension ServeCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}

extension Logger {
    /// A logger for a long-running command: one line per event on standard error, in the journal's form
    /// (a priority, no timestamp) when systemd's `JOURNAL_STREAM` is set.
    static func daemon(label: String) -> Logger {
        let journal = ProcessInfo.processInfo.environment["JOURNAL_STREAM"].map { !$0.isEmpty } ?? false
        return Logger(label: label) { _ in DaemonLogHandler(journal: journal) }
    }
}
