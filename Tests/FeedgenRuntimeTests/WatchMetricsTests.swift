import FeedgenCore
import Foundation
import Logging
import Prometheus
import Testing

@testable import FeedgenRuntime

/// The daemon's metrics as Prometheus exposes them: every series made up front at 0, a fixed set of label
/// values, and each event counted where it belongs.
struct WatchMetricsTests {
    /// Every sample of a registry's text exposition, by series (`name{labels}`), comment lines left out.
    static func samples(_ registry: PrometheusCollectorRegistry) -> [String: String] {
        var samples: [String: String] = [:]
        for line in registry.emitToString().split(separator: "\n") where !line.hasPrefix("#") {
            let space = line.lastIndex(of: " ")!
            samples[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        return samples
    }

    /// The histogram's samples while nothing is recorded, or after one rebuild of `seconds` in bucket `le`.
    static func histogram(count: Int = 0, sum: String = "0.0", from le: String? = nil) -> [String: String] {
        var samples = [
            "feedgen_rebuild_duration_seconds_count": "\(count)", "feedgen_rebuild_duration_seconds_sum": sum,
        ]
        var reached = false
        for bound in ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0"] {
            if bound == le { reached = true }
            samples["feedgen_rebuild_duration_seconds_bucket{le=\"\(bound)\"}"] = reached ? "\(count)" : "0"
        }
        samples["feedgen_rebuild_duration_seconds_bucket{le=\"+Inf\"}"] = "\(count)"
        return samples
    }

    /// What a fresh registry holds: each series once, at 0.
    static let fresh: [String: String] = {
        var samples = [
            "feedgen_posts_read_total": "0", "feedgen_posts_rendered_total": "0", "feedgen_feeds_rewritten_total": "0",
            "feedgen_websub_notifications_total{result=\"sent\"}": "0",
            "feedgen_websub_notifications_total{result=\"failed\"}": "0",
        ]
        for trigger in ["due", "change", "config", "overflow", "site", "reload", "start"] {
            samples["feedgen_rebuilds_total{trigger=\"\(trigger)\"}"] = "0"
        }
        for level in ["warning", "error"] {
            for kind in ["post", "document", "config", "template", "other"] {
                samples["feedgen_diagnostics_total{level=\"\(level)\",kind=\"\(kind)\"}"] = "0"
            }
        }
        return samples.merging(histogram()) { $1 }
    }()

    private func metrics() -> (WatchMetrics, PrometheusCollectorRegistry) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[WatchMetrics.Name.rebuildDuration] = WatchMetrics.durationBuckets
        return (WatchMetrics(factory: factory), registry)
    }

    @Test func everySeriesIsThereFromTheStartAtZero() {
        let (_, registry) = metrics()
        #expect(Self.samples(registry) == Self.fresh)
    }

    @Test func aRebuildMovesItsTriggerTheCountsAndTheHistogram() {
        let (metrics, registry) = metrics()
        metrics.rebuilt(
            trigger: .change, duration: .milliseconds(30), postsRead: 2, postsRendered: 1, feedsRewritten: 3)
        var expected = Self.fresh.merging(Self.histogram(count: 1, sum: "0.03", from: "0.05")) { $1 }
        expected["feedgen_rebuilds_total{trigger=\"change\"}"] = "1"
        expected["feedgen_posts_read_total"] = "2"
        expected["feedgen_posts_rendered_total"] = "1"
        expected["feedgen_feeds_rewritten_total"] = "3"
        #expect(Self.samples(registry) == expected)
    }

    @Test func diagnosticsAreCountedByLevelAndKindNotByFile() {
        let (metrics, registry) = metrics()
        for path in ["_posts/2026-01-01-a.md", "news/_posts/2026-01-02-b.md", "_i18n/fr/_posts/2026-01-03-c.md"] {
            metrics.logged(Diagnostic(.error, at: FileLocation(path: path, line: 2), "invalid YAML"))
        }
        metrics.logged(Diagnostic(.warning, at: FileLocation(path: "_config.yml"), "collection 'x' has no feed"))
        metrics.logged(Diagnostic(.warning, at: FileLocation(path: "_recipes/soup.md"), "no date"))
        var expected = Self.fresh
        expected["feedgen_diagnostics_total{level=\"error\",kind=\"post\"}"] = "3"
        expected["feedgen_diagnostics_total{level=\"warning\",kind=\"config\"}"] = "1"
        expected["feedgen_diagnostics_total{level=\"warning\",kind=\"document\"}"] = "1"
        #expect(Self.samples(registry) == expected)
    }

    @Test(arguments: [
        ("_posts/2026-01-01-a.md", DiagnosticKind.post),
        ("_posts/2025/2026-01-01-a.md", .post),
        ("news/_posts/2026-01-01-a.md", .post),
        ("_i18n/fr/_posts/2026-01-01-a.md", .post),
        ("_config.yml", .config),
        ("_data/authors.yml", .config),
        ("_includes/feedgen-links.html", .template),
        ("_layouts/post.html", .template),
        ("_recipes/soup.md", .document),
        ("index.md", .other),
        ("/etc/feedgen/feedgen.yml", .other),
        ("_posts", .other),
    ])
    func theKindOfADiagnosticComesFromItsPath(path: String, kind: DiagnosticKind) {
        #expect(DiagnosticKind(path: path) == kind)
    }

    /// A hub that accepts one feed, refuses another until the last attempt and a third for good (404, not retried):
    /// one sent and two failed, whatever the attempts.
    @Test func webSubNotificationsAreCountedOncePerFeedAfterTheirLastAttempt() async {
        struct Hub: HubTransport {
            func post(_ form: String, to hub: String, timeout: Duration) async throws -> Int {
                form.hasSuffix("accepted") ? 204 : form.hasSuffix("gone") ? 404 : 503
            }
        }
        let (metrics, registry) = metrics()
        let notifier = HubNotifier(
            hub: "http://127.0.0.1:9/hub", logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            transport: Hub(), attempts: 3, firstDelay: .milliseconds(1), metrics: metrics)
        let accepted = await notifier.notify([
            "https://example.org/accepted", "https://example.org/refused", "https://example.org/gone",
        ])
        #expect(accepted == ["https://example.org/accepted"])
        var expected = Self.fresh
        expected["feedgen_websub_notifications_total{result=\"sent\"}"] = "1"
        expected["feedgen_websub_notifications_total{result=\"failed\"}"] = "2"
        #expect(Self.samples(registry) == expected)
    }
}
