import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Sends one WebSub publish notification: a form POST to a hub. A protocol so tests can count the attempts.
public protocol HubTransport: Sendable {
    /// POSTs `form` (`application/x-www-form-urlencoded`) to `hub` and returns the response's status code.
    func post(_ form: String, to hub: String, timeout: Duration) async throws -> Int
}

/// Tells a WebSub hub which feeds changed, after they are published (W3C WebSub §4 leaves the publisher's
/// request to the hub; hubs take the PubSubHubbub form `hub.mode=publish&hub.url=FEED`).
///
/// One request per changed feed URL, all at once. A refused connection, a timeout, `429` or a `5xx` answer is
/// retried after `firstDelay`, then twice as long each time, `attempts` tries in all; any other answer ends it.
/// It never throws: the feeds are already published, and a hub that is down only delays readers that use it.
/// Each failure is logged as a warning, each success at info level; `metrics` counts each URL once, as sent or
/// failed, after its last attempt.
public struct HubNotifier: Sendable {
    public var hub: String
    public var attempts: Int
    public var firstDelay: Duration
    public var timeout: Duration
    let transport: any HubTransport
    let logger: Logger
    let metrics: WatchMetrics

    public init(
        hub: String, logger: Logger, transport: any HubTransport = HTTPHubTransport(), attempts: Int = 5,
        firstDelay: Duration = .seconds(1), timeout: Duration = .seconds(10), metrics: WatchMetrics = .none
    ) {
        self.metrics = metrics
        self.hub = hub
        self.logger = logger
        self.transport = transport
        self.attempts = attempts
        self.firstDelay = firstDelay
        self.timeout = timeout
    }

    /// Notifies the hub of each of `urls`, retrying as described above.
    /// - Returns: the URLs the hub accepted.
    @discardableResult
    public func notify(_ urls: [String]) async -> Set<String> {
        await withTaskGroup(of: String?.self) { group in
            for url in Set(urls).sorted() {
                group.addTask { await notify(url) ? url : nil }
            }
            var accepted: Set<String> = []
            for await url in group { if let url { accepted.insert(url) } }
            return accepted
        }
    }

    /// The form body of a publish notification for `url`.
    public static func form(for url: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "hub.mode=publish&hub.url=" + (url.addingPercentEncoding(withAllowedCharacters: allowed) ?? url)
    }

    private func notify(_ url: String) async -> Bool {
        var delay = firstDelay
        for attempt in 1...max(1, attempts) {
            let problem: String
            do {
                let status = try await transport.post(Self.form(for: url), to: hub, timeout: timeout)
                if (200..<300).contains(status) {
                    // Counted before the line is logged, so a scrape that follows the line sees it.
                    metrics.notified(accepted: true)
                    logger.info("notified the WebSub hub", metadata: ["hub": "\(hub)", "feed": "\(url)"])
                    return true
                }
                problem = "HTTP \(status)"
                guard status == 429 || status >= 500 else {
                    metrics.notified(accepted: false)
                    logWarning(url, problem, attempt: attempt, retrying: false)
                    return false
                }
            } catch {
                problem = "\(error)"
            }
            let retrying = attempt < attempts && !Task.isCancelled
            if !retrying { metrics.notified(accepted: false) }
            logWarning(url, problem, attempt: attempt, retrying: retrying)
            guard retrying else { break }
            try? await Task.sleep(for: delay)
            delay *= 2
        }
        return false
    }

    private func logWarning(_ url: String, _ problem: String, attempt: Int, retrying: Bool) {
        logger.warning(
            "the WebSub hub did not take the notification: \(problem)\(retrying ? "; retrying" : "; giving up")",
            metadata: ["hub": "\(hub)", "feed": "\(url)", "attempt": "\(attempt)"])
    }
}

/// Posts through AsyncHTTPClient's shared client (FoundationNetworking would break the static build).
public struct HTTPHubTransport: HubTransport {
    public init() {}

    public func post(_ form: String, to hub: String, timeout: Duration) async throws -> Int {
        var request = HTTPClientRequest(url: hub)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "User-Agent", value: "feedgen")
        request.body = .bytes(Array(form.utf8))
        let seconds = timeout.components.seconds
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(seconds))
        // The body is not needed, but must be read (or dropped) for the connection to be reused.
        _ = try await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }
}
