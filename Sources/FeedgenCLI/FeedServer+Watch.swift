import ArgumentParser
import FeedgenRuntime
import FeedgenServe
import Logging
import ServiceLifecycle

extension FeedServer {
    /// Runs `daemon` with a server of `folder` on `address` beside it (`feedgen watch --serve`): the server starts
    /// first, so an address in use stops the command before it builds, and it stops gracefully when the daemon
    /// ends (the daemon handles SIGTERM and SIGINT itself). Returns the daemon's exit status.
    static func serving(
        _ folder: String, on address: ListenAddress, logger: Logger, beside daemon: WatchDaemon
    ) async throws -> Int32 {
        let (started, starting) = AsyncStream<(any Error)?>.makeStream()
        let server = FeedServer(folder: folder, address: address, logger: logger) { _ in starting.yield(nil) }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                } catch {
                    logger.error("the server stopped", metadata: ["error": "\(FeedServer.reason(error))"])
                    starting.yield(error)
                }
                starting.finish()
            }
            var first = started.makeAsyncIterator()
            if case .some(.some(let error)) = await first.next() {
                printError("feedgen: error: cannot serve on \(address): \(FeedServer.reason(error))")
                throw ExitCode.failure
            }
            let status = await daemon.run()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return status
        }
    }
}
