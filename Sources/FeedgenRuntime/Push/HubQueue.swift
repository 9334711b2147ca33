/// The WebSub notifications of a long-running daemon: each publish queues its changed feeds, and one task sends
/// them in order, so a hub that is slow or down never holds up a rebuild.
final class HubQueue: Sendable {
    private let input: AsyncStream<(HubNotifier, [String])>.Continuation
    private let worker: Task<Void, Never>

    init() {
        let (stream, input) = AsyncStream<(HubNotifier, [String])>.makeStream()
        self.input = input
        worker = Task {
            for await (notifier, urls) in stream { await notifier.notify(urls) }
        }
    }

    /// Queues the notification of `urls` through `notifier` (the hub of the definitions at that publish).
    func enqueue(_ urls: [String], through notifier: HubNotifier) {
        input.yield((notifier, urls))
    }

    /// Stops: the notification in flight ends at its next retry, the queued ones are dropped.
    func stop() async {
        input.finish()
        worker.cancel()
        await worker.value
    }
}
