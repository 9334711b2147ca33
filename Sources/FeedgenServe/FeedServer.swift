import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The HTTP server of `feedgen serve` and `feedgen watch --serve`: a `Service` that serves one folder on one
/// address until its service group shuts it down gracefully (or its task is cancelled).
public struct FeedServer: Service {
    /// How long clients may reuse a response without asking again (`Cache-Control: max-age`), in seconds: an
    /// hour, as the nginx block sends. The feeds tell readers to poll hourly (`poll_minutes: 60`: RSS `ttl`,
    /// `sy:updatePeriod`); a shorter max-age would only send polite readers' caches back sooner than the feed
    /// asks, and a longer one would let caches keep a feed past the next poll.
    public static let maxAge = 3600

    private let application: Application<FolderResponder>

    /// A server for `folder` on `address`, logging one line per request to `logger`; `onListening` runs once the
    /// socket is bound and accepting, with the address it is bound to.
    public init(
        folder: String, address: ListenAddress, logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        application = Application(
            listening: FolderResponder(folder: folder, maxAge: Self.maxAge), on: address, logger: logger,
            onListening: onListening)
    }

    public func run() async throws {
        try await application.run()
    }
}

extension FeedServer {
    /// Why the server could not start, in words: the system's reason for a socket error, else the error itself.
    public static func reason(_ error: any Error) -> String {
        if let error = error as? IOError {
            return Errno(rawValue: error.errnoCode).description
        }
        return "\(error)"
    }
}
