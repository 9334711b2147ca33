import Foundation
import Prometheus
import SystemPackage

/// What `feedgen digest --metrics-file` reports of its last run: gauges for the node_exporter textfile collector,
/// since a one-shot job cannot be scraped.
///
/// A failed run keeps the time of the last success: it is read back from the file the previous run wrote (see
/// `DigestMetricsFile`), which every kind of run has, whereas the digest state is kept by scheduled runs only.
public struct DigestMetrics: Sendable, Equatable {
    /// The time the run took as now.
    public var lastRun: Date
    /// The time of the last run that succeeded, this one or an earlier one; nil when none is known.
    public var lastSuccess: Date?
    /// Whether this run succeeded: a digest delivered, or nothing to send.
    public var succeeded: Bool
    /// The posts in the digest this run delivered; 0 when it sent none.
    public var posts: Int

    public init(lastRun: Date, lastSuccess: Date?, succeeded: Bool, posts: Int) {
        self.lastRun = lastRun
        self.lastSuccess = lastSuccess
        self.succeeded = succeeded
        self.posts = posts
    }

    /// The metric names, as Prometheus shows them.
    public enum Name {
        public static let lastRun = "feedgen_digest_last_run_timestamp_seconds"
        public static let lastSuccess = "feedgen_digest_last_success_timestamp_seconds"
        public static let succeeded = "feedgen_digest_last_run_success"
        public static let posts = "feedgen_digest_posts"
    }

    /// The metrics of a run at `now`: a success is its own last success; a failure keeps `previousSuccess`.
    public static func run(at now: Date, succeeded: Bool, posts: Int, previousSuccess: Date?) -> DigestMetrics {
        DigestMetrics(
            lastRun: now, lastSuccess: succeeded ? now : previousSuccess, succeeded: succeeded,
            posts: succeeded ? posts : 0)
    }

    /// The Prometheus text exposition (format 0.0.4) of the gauges, each with its HELP and TYPE lines, always in
    /// the same order. A registry emits its metrics in the order of a dictionary, which changes from one process
    /// to the next; one registry per gauge keeps the file's lines in place, so two runs' files diff well.
    public func exposition() -> [UInt8] {
        let gauges: [(name: String, help: String, value: Double)] = [
            (
                Name.lastRun, "When feedgen digest last ran (the time it took as now), in seconds since the epoch.",
                lastRun.timeIntervalSince1970
            ),
            (
                Name.lastSuccess,
                "When a feedgen digest run last succeeded (delivered, or nothing to send); 0 before the first.",
                lastSuccess?.timeIntervalSince1970 ?? 0
            ),
            (Name.succeeded, "1 when the last feedgen digest run succeeded, 0 when it failed.", succeeded ? 1 : 0),
            (Name.posts, "Posts in the digest the last run delivered; 0 when it sent none.", Double(posts)),
        ]
        var bytes: [UInt8] = []
        for gauge in gauges {
            let registry = PrometheusCollectorRegistry()
            // The names hold their unit already (`_seconds`); an empty unit adds nothing to them.
            registry.makeGauge(
                descriptor: MetricNameDescriptor(metricName: gauge.name, unitName: "", helpText: gauge.help)
            )
            .set(gauge.value)
            registry.emit(into: &bytes)
        }
        return bytes
    }

    /// The last success recorded in the text of a file `exposition` wrote; nil when it holds none, or 0 (none yet).
    public static func lastSuccess(in text: String) -> Date? {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, fields[0] == Name.lastSuccess, let seconds = Double(fields[1]),
                seconds.isFinite, seconds > 0
            else { continue }
            return Date(timeIntervalSince1970: seconds)
        }
        return nil
    }
}

/// The file `feedgen digest --metrics-file` writes after every run, replaced atomically so the textfile
/// collector never reads half of one.
public struct DigestMetricsFile: Sendable {
    public var url: URL

    public init(path: String) {
        url = URL(filePath: path, directoryHint: .notDirectory)
    }

    /// The last success the file records; nil when there is no file, or it cannot be read or holds none.
    public func lastSuccess() -> Date? {
        guard let bytes = try? PostFileReader.readAll(url) else { return nil }
        return DigestMetrics.lastSuccess(in: String(decoding: bytes, as: UTF8.self))
    }

    /// Writes `metrics` through a temporary file in the same folder, renamed over the old file. The file is
    /// readable by everyone whatever the umask (the digest's unit sets 0077): node_exporter runs as another user.
    public func write(_ metrics: DigestMetrics) throws(PublishError) {
        let publisher = Publisher(
            root: url.deletingLastPathComponent(), permissions: FilePermissions(rawValue: 0o644))
        _ = try publisher.publish(metrics.exposition(), to: url.lastPathComponent)
    }
}
