import ArgumentParser
import FeedgenRuntime
import FeedgenServe
import Logging
import ServiceLifecycle
import Synchronization

extension WatchCommand {
    /// Runs `watch` in one `ServiceGroup`: the WebSub queue, the HTTP server of `--serve` (`serving`) and the
    /// daemon, in that order. With a server, the daemon builds only once the server listens, so an address in use
    /// stops the command before it builds. The daemon ends on SIGTERM or SIGINT and then shuts the group down
    /// gracefully: the server after its requests in progress, the queue last.
    static func runServices(
        hubQueue: HubQueue, serving server: (folder: String, address: ListenAddress)?, logger: Logger,
        daemon: (_ starting: @escaping @Sendable () async -> Bool) -> WatchService
    ) async throws {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: hubQueue)]
        var starting: @Sendable () async -> Bool = { true }
        let listening = Atomic(false)
        if let server {
            let (started, start) = AsyncStream<Void>.makeStream()
            let logger = Logger.daemon(label: "feedgen.serve")
            services.append(
                .init(
                    service: FeedServer(folder: server.folder, address: server.address, logger: logger) { _ in
                        listening.store(true, ordering: .sequentiallyConsistent)
                        start.yield()
                    }))
            starting = { await started.first { _ in true } != nil }
        }
        services.append(
            .init(
                service: daemon(starting), successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup))
        do {
            try await ServiceGroup(configuration: .init(services: services, logger: logger)).run()
        } catch let failure as WatchFailure {
            throw ExitCode(failure.status)
        } catch {
            if let server, !listening.load(ordering: .sequentiallyConsistent) {
                printError("feedgen: error: cannot serve on \(server.address): \(FeedServer.reason(error))")
            } else {
                logger.error("stopped: a service failed", metadata: ["error": "\(FeedServer.reason(error))"])
            }
            throw ExitCode.failure
        }
    }
}
