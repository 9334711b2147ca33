import Logging
import ServiceLifecycle

/// `feedgen watch` as a `Service`: runs a `WatchDaemon` in a `ServiceGroup` beside the WebSub queue and, with
/// `--serve`, the HTTP server.
///
/// The daemon ends on SIGTERM or SIGINT (it traps them itself) or on the group's graceful shutdown; configure
/// the group to shut down gracefully when this service returns, so the server and the queue stop after it.
/// A daemon that could not run (the output folder is locked) throws `WatchFailure` with its exit status.
public struct WatchService: Service {
    let options: BuildOptions
    let settings: WatchDaemon.Settings
    let logger: Logger
    let notify: NotifySocket?
    let hubQueue: HubQueue
    let reloadOptions: @Sendable () throws -> BuildOptions
    let starting: @Sendable () async -> Bool

    /// A daemon as `WatchDaemon.init` takes it; `starting` runs before the first build and may refuse to start.
    public init(
        options: BuildOptions, settings: WatchDaemon.Settings, logger: Logger, notify: NotifySocket?,
        hubQueue: HubQueue, reloadOptions: @escaping @Sendable () throws -> BuildOptions,
        starting: @escaping @Sendable () async -> Bool = { true }
    ) {
        self.options = options
        self.settings = settings
        self.logger = logger
        self.notify = notify
        self.hubQueue = hubQueue
        self.reloadOptions = reloadOptions
        self.starting = starting
    }

    public func run() async throws {
        let daemon = WatchDaemon(
            options: options, settings: settings, logger: logger, notify: notify, hubQueue: hubQueue,
            reloadOptions: reloadOptions)
        let status = await daemon.run(after: starting)
        if status != 0 { throw WatchFailure(status: status) }
    }
}

/// The watch daemon could not run; it has logged why.
public struct WatchFailure: Error {
    public var status: Int32
}
