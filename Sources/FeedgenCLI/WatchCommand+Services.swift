import ArgumentParser
import FeedgenRuntime
import FeedgenServe
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization

extension WatchCommand {
    /// Runs `watch` in one `ServiceGroup`: the WebSub queue, the HTTP server of `--serve` (`serving`), the metrics
    /// listener of `--metrics` (`exporting`) and the daemon, in that order. With a listener, the daemon builds
    /// only once every listener listens, so an address in use stops the command before it builds (the other
    /// listener, already listening, is shut down gracefully). The daemon ends
    /// on SIGTERM or SIGINT and then shuts the group down gracefully: the listeners after their requests in
    /// progress, the queue last.
    static func runServices(
        hubQueue: HubQueue, serving server: (folder: String, address: ListenAddress)?,
        exporting metrics: (registry: PrometheusCollectorRegistry, address: ListenAddress)? = nil, logger: Logger,
        daemon: (_ starting: @escaping @Sendable () async -> Bool) -> WatchService
    ) async throws {
        var listeners: [Listener] = []
        if let server {
            let logger = Logger.daemon(label: "feedgen.serve")
            listeners.append(
                Listener(purpose: "serve", address: server.address) { listening in
                    FeedServer(folder: server.folder, address: server.address, logger: logger, onListening: listening)
                })
        }
        if let metrics {
            let logger = Logger.daemon(label: "feedgen.metrics")
            listeners.append(
                Listener(purpose: "serve metrics", address: metrics.address) { listening in
                    MetricsServer(registry: metrics.registry, address: metrics.address, logger: logger) { bound in
                        logger.info("metrics listening", metadata: ["metrics.address": "\(bound)"])
                        await listening(bound)
                    }
                })
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: hubQueue)]
        let (started, start) = AsyncStream<Int>.makeStream()
        let listening = ListeningSet()
        for (index, listener) in listeners.enumerated() {
            // A listener that fails ends the wait of the daemon, which then returns without building, and shuts
            // the group down gracefully, so the other listener stops as on SIGTERM rather than being cancelled.
            services.append(
                .init(
                    service: ListenerService(
                        index: index,
                        service: listener.make { _ in
                            listening.insert(index)
                            start.yield(index)
                        },
                        failed: { start.finish() }),
                    failureTerminationBehavior: .gracefullyShutdownGroup))
        }
        let count = listeners.count
        let starting: @Sendable () async -> Bool = {
            var waiting = count
            guard waiting > 0 else { return true }
            for await _ in started {
                waiting -= 1
                if waiting == 0 { return true }
            }
            return false
        }
        services.append(
            .init(
                service: daemon(starting), successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup))
        do {
            try await ServiceGroup(configuration: .init(services: services, logger: logger)).run()
        } catch let failure as WatchFailure {
            throw ExitCode(failure.status)
        } catch let failure as ListenerFailure where !listening.contains(failure.index) {
            let listener = listeners[failure.index]
            printError(
                "feedgen: error: cannot \(listener.purpose) on \(listener.address): \(FeedServer.reason(failure.error))"
            )
            throw ExitCode.failure
        } catch {
            let error = (error as? ListenerFailure)?.error ?? error
            logger.error("stopped: a service failed", metadata: ["error": "\(FeedServer.reason(error))"])
            throw ExitCode.failure
        }
    }
}

/// A listener of `watch`: the feed server of `--serve` or the metrics server of `--metrics`.
private struct Listener {
    /// What it could not do, for the error: `cannot serve on ADDRESS`, `cannot serve metrics on ADDRESS`.
    var purpose: String
    var address: ListenAddress
    /// The server, given what to run once it listens.
    var make: (_ listening: @escaping @Sendable (String) async -> Void) -> any Service
}

/// Runs a listener's server and tags the error it stops with, so the group's caller knows which one failed.
private struct ListenerService: Service {
    var index: Int
    var service: any Service
    /// Runs when the server stopped with an error, before the error is thrown.
    var failed: @Sendable () -> Void

    func run() async throws {
        do {
            try await service.run()
        } catch {
            failed()
            throw ListenerFailure(index: index, error: error)
        }
    }
}

/// The server of listener `index` stopped with `error`.
private struct ListenerFailure: Error {
    var index: Int
    var error: any Error
}

/// The listeners that are bound and accepting (by index), written from their servers' tasks.
private final class ListeningSet: Sendable {
    private let indices = Mutex<Set<Int>>([])

    func insert(_ index: Int) { _ = indices.withLock { $0.insert(index) } }
    func contains(_ index: Int) -> Bool { indices.withLock { $0.contains(index) } }
}
