import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import FeedgenServe
import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// `feedgen watch`: builds once, then republishes the feeds whenever the site changes, until stopped.
public struct WatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the feeds, then rebuild them whenever posts, _config.yml, _data or the definitions change.",
        discussion: """
            Watches with inotify (or --poll) and rebuilds: a lone change after 10 ms, a burst of changes after a \
            quiet --debounce, never while git's index.lock is there; it rewrites only feeds whose bytes change \
            and logs one line per rebuild on standard error. SIGTERM or SIGINT finish the write in progress and exit 0; SIGHUP reloads the \
            feed definitions. Under systemd (Type=notify) it reports READY, STATUS and WATCHDOG. With --metrics it \
            answers GET and HEAD /metrics on that address (and nothing else) with Prometheus metrics: \
            feedgen_rebuilds_total{trigger}, feedgen_rebuild_duration_seconds, feedgen_posts_read_total and \
            feedgen_posts_rendered_total (not those taken from memory), feedgen_feeds_rewritten_total, \
            feedgen_diagnostics_total{level,kind} and feedgen_websub_notifications_total{result}.
            """
    )

    @OptionGroup public var source: SourceOptions

    @Option(
        help: ArgumentHelp(
            "Also fetch and fast-forward the site's git repository this often ('git pull --ff-only').",
            valueName: "interval"))
    public var pull: Interval?

    @Option(
        help: ArgumentHelp(
            "Rescan by polling this often instead of using inotify (network file systems).", valueName: "interval"))
    public var poll: Interval?

    @Option(
        help: ArgumentHelp(
            "After a burst of changes, wait for this long without changes before rebuilding (e.g. 200ms, 2s), but "
                + "never longer than ten times this after the first change; a lone change is built after 10 ms.",
            valueName: "interval"))
    public var debounce = Interval(.milliseconds(200))

    @Option(
        name: .customLong("pull-timeout"),
        help: ArgumentHelp("Kill a git command of --pull still running after this long.", valueName: "interval"))
    public var pullTimeout = Interval(.seconds(60))

    @Option(
        help: ArgumentHelp(
            "Also serve the output folder over HTTP on this address, as 'feedgen serve' does.",
            valueName: "host:port"))
    public var serve: String?

    @Option(
        help: ArgumentHelp(
            "Export Prometheus metrics at http://HOST:PORT/metrics, a listener of their own (never the --serve one).",
            valueName: "host:port"))
    public var metrics: String?

    /// Not in `--help`: how often a site folder that is gone is looked for again (tests shorten it).
    @Option(name: .customLong("site-retry"), help: .hidden)
    public var siteRetry = Interval(.seconds(5))

    /// Not in `--help`: how long a WebSub notification the hub refused waits before its first retry.
    @Option(name: .customLong("hub-retry"), help: .hidden)
    public var hubRetry = Interval(.seconds(1))

    public init() {}

    public func validate() throws {
        if let serve, ListenAddress(serve) == nil {
            throw ValidationError("--serve wants HOST:PORT (e.g. 127.0.0.1:8080), not '\(serve)'")
        }
        if let metrics, ListenAddress(metrics) == nil {
            throw ValidationError("--metrics wants HOST:PORT (e.g. 127.0.0.1:9464), not '\(metrics)'")
        }
    }

    public func run() async throws {
        let resolved = try source.resolve()
        let logger = Logger.daemon(label: "feedgen.watch")
        let definitionsPath = source.config ?? (source.site == nil ? "feeds/feedgen.yml" : nil)
        let cwd = URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
        var settings = WatchDaemon.Settings(
            machine: .init(debounce: debounce.duration, siteRetry: siteRetry.duration), poll: poll?.duration,
            pull: pull?.duration,
            pullDeadline: pullTimeout.duration,
            definitions: definitionsPath.map { URL(filePath: $0, relativeTo: cwd).standardizedFileURL },
            siteLabel: resolved.siteLabel)
        settings.hubRetry = hubRetry.duration
        // The command owns the registry and hands the daemon counters made from it: the global MetricsSystem is
        // never bootstrapped, so commands run in one test process count apart.
        let registry = PrometheusCollectorRegistry()
        if metrics != nil { settings.metrics = WatchMetrics(factory: Self.metricsFactory(registry)) }
        let hubQueue = HubQueue()
        try await Self.runServices(
            hubQueue: hubQueue, serving: serve.flatMap(ListenAddress.init).map { (resolved.options.out.path, $0) },
            exporting: metrics.flatMap(ListenAddress.init).map { (registry, $0) }, logger: logger
        ) { [source] starting in
            WatchService(
                options: resolved.options, settings: settings, logger: logger, notify: NotifySocket(),
                hubQueue: hubQueue,
                reloadOptions: { [settings = source.settings] in
                    try settings.resolve(reporting: false).options
                }, starting: starting)
        }
    }
}

extension WatchCommand {
    /// The swift-metrics factory of `registry`, with the rebuild-duration histogram's own buckets.
    static func metricsFactory(_ registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[WatchMetrics.Name.rebuildDuration] = WatchMetrics.durationBuckets
        return factory
    }
}

extension WatchCommand: AsyncRunnable {
    func runAsync() async throws { try await run() }
}
