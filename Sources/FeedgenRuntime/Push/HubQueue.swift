import ServiceLifecycle

/// The WebSub notifications of a long-running daemon, as a `Service`: each publish queues its changed feeds, and
/// the service sends them in order, so a hub that is slow or down never holds up a rebuild.
///
/// On graceful shutdown the notification in flight ends at its next retry (its task is cancelled) and the queued
/// ones are dropped: the feeds are published already, a hub only hears of them later.
public final class HubQueue: Service, Sendable {
    private let stream: AsyncStream<(HubNotifier, [String])>
    private let input: AsyncStream<(HubNotifier, [String])>.Continuation

    public init() {
        (stream, input) = AsyncStream<(HubNotifier, [String])>.makeStream()
    }

    /// Queues the notification of `urls` through `notifier` (the hub of the definitions at that publish).
    func enqueue(_ urls: [String], through notifier: HubNotifier) {
        input.yield((notifier, urls))
    }

    /// Sends the queued notifications until the service group shuts down.
    public func run() async {
        await cancelWhenGracefulShutdown { [stream] in
            for await (notifier, urls) in stream { await notifier.notify(urls) }
        }
        input.finish()
    }
}
