import CoreMetrics
import FeedgenCore

/// What `feedgen watch --metrics` counts, made once by the `MetricsFactory` it is given (the watch command's
/// Prometheus registry; a no-op factory without `--metrics`), never by the global `MetricsSystem`.
///
/// Every label takes its values from a fixed set, and every series is made up front, so a scrape shows each at 0
/// before it first moves and the number of series never grows:
/// - `feedgen_rebuilds_total{trigger}`: one per `rebuild` log line, by its `trigger=` (`WatchStateMachine.Trigger`);
/// - `feedgen_rebuild_duration_seconds`: a histogram of the same rebuilds' `ms=`;
/// - `feedgen_posts_read_total`: post files read and parsed anew (new or changed bytes, or all of them when the
///   configuration changed), not those the `RenderCache` still held;
/// - `feedgen_posts_rendered_total`: posts rendered to HTML, not those served from the `RenderCache`;
/// - `feedgen_feeds_rewritten_total`: the `feeds.rewritten=` of each rebuild line;
/// - `feedgen_diagnostics_total{level,kind}`: the diagnostics the daemon logs (not a build it could not run), by
///   severity and `DiagnosticKind`;
/// - `feedgen_websub_notifications_total{result}`: feed URLs a WebSub hub accepted (`sent`) or that it still
///   refused after the last retry (`failed`).
public struct WatchMetrics: Sendable {
    let rebuilds: [WatchStateMachine.Trigger: Counter]
    let rebuildDuration: Timer
    let postsRead: Counter
    let postsRendered: Counter
    let feedsRewritten: Counter
    let diagnostics: [DiagnosticKey: Counter]
    let websubSent: Counter
    let websubFailed: Counter

    /// The metric names, as Prometheus shows them.
    public enum Name {
        public static let rebuilds = "feedgen_rebuilds_total"
        public static let rebuildDuration = "feedgen_rebuild_duration_seconds"
        public static let postsRead = "feedgen_posts_read_total"
        public static let postsRendered = "feedgen_posts_rendered_total"
        public static let feedsRewritten = "feedgen_feeds_rewritten_total"
        public static let diagnostics = "feedgen_diagnostics_total"
        public static let websub = "feedgen_websub_notifications_total"
    }

    /// The upper bounds of the rebuild-duration histogram's buckets: a rebuild of one changed post takes
    /// milliseconds, the first build of a large site seconds.
    public static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        .seconds(30),
    ]

    /// One series of `feedgen_diagnostics_total`.
    struct DiagnosticKey: Hashable {
        var level: Diagnostic.Severity
        var kind: DiagnosticKind
    }

    /// Makes every series with `factory`.
    public init(factory: any MetricsFactory) {
        rebuilds = Dictionary(
            uniqueKeysWithValues: WatchStateMachine.Trigger.allCases.map {
                ($0, Counter(label: Name.rebuilds, dimensions: [("trigger", $0.rawValue)], factory: factory))
            })
        rebuildDuration = Timer(label: Name.rebuildDuration, factory: factory)
        postsRead = Counter(label: Name.postsRead, factory: factory)
        postsRendered = Counter(label: Name.postsRendered, factory: factory)
        feedsRewritten = Counter(label: Name.feedsRewritten, factory: factory)
        var diagnostics: [DiagnosticKey: Counter] = [:]
        for level in [Diagnostic.Severity.warning, .error] {
            for kind in DiagnosticKind.allCases {
                diagnostics[DiagnosticKey(level: level, kind: kind)] = Counter(
                    label: Name.diagnostics, dimensions: [("level", level.rawValue), ("kind", kind.rawValue)],
                    factory: factory)
            }
        }
        self.diagnostics = diagnostics
        websubSent = Counter(label: Name.websub, dimensions: [("result", "sent")], factory: factory)
        websubFailed = Counter(label: Name.websub, dimensions: [("result", "failed")], factory: factory)
    }

    /// Counts nothing: the daemon without `--metrics`.
    public static let none = WatchMetrics(factory: NOOPMetricsHandler.instance)

    /// Counts one rebuild that completed (the one its `rebuild` log line reports).
    func rebuilt(
        trigger: WatchStateMachine.Trigger, duration: Duration, postsRead: Int, postsRendered: Int,
        feedsRewritten: Int
    ) {
        rebuilds[trigger]?.increment()
        rebuildDuration.recordNanoseconds(
            duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        self.postsRead.increment(by: postsRead)
        self.postsRendered.increment(by: postsRendered)
        self.feedsRewritten.increment(by: feedsRewritten)
    }

    /// Counts one diagnostic the daemon logged.
    func logged(_ diagnostic: Diagnostic) {
        diagnostics[DiagnosticKey(level: diagnostic.severity, kind: DiagnosticKind(path: diagnostic.location.path))]?
            .increment()
    }

    /// Counts one WebSub notification of a feed URL, after its last attempt.
    func notified(accepted: Bool) {
        (accepted ? websubSent : websubFailed).increment()
    }
}
