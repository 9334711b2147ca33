import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The listener of `feedgen watch --metrics`: a `Service` that answers `GET /metrics` with the Prometheus text
/// exposition of one registry, on an address of its own, never on the public feed listener.
public struct MetricsServer: Service {
    private let application: Application<MetricsResponder>

    /// A server for `registry` on `address`; `onListening` runs once the socket is bound and accepting, with the
    /// address it is bound to (the port the system chose for port 0).
    public init(
        registry: PrometheusCollectorRegistry, address: ListenAddress, logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) {
        application = Application(
            listening: MetricsResponder(registry: registry), on: address, logger: logger, onListening: onListening)
    }

    public func run() async throws {
        try await application.run()
    }
}

/// Answers the scrapes of `MetricsServer`: the registry's exposition at `/metrics`, nothing else. Scrapes are
/// not logged: Prometheus sends one every few seconds, and the log is for what the daemon does.
struct MetricsResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let registry: PrometheusCollectorRegistry

    func respond(to request: Request, context: Context) async throws -> Response {
        switch MetricsRoute(method: request.method.rawValue, path: request.uri.path) {
        case .notFound:
            return Response(status: .notFound)
        case .methodNotAllowed:
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        case .exposition(let head):
            let bytes = registry.emitToBuffer()
            let headers: HTTPFields = [
                .contentType: MetricsRoute.contentType, .contentLength: "\(bytes.count)", .cacheControl: "no-store",
            ]
            guard !head else { return Response(status: .ok, headers: headers) }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

/// What the metrics listener does with a request, by its method and path alone.
public enum MetricsRoute: Equatable, Sendable {
    /// The exposition, with its body unless the request is HEAD.
    case exposition(head: Bool)
    /// Any path but `/metrics` (whatever the method).
    case notFound
    /// `/metrics` with a method other than GET or HEAD.
    case methodNotAllowed

    /// The media type of the Prometheus text exposition format, version 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The route of a request for `path` (without its query) with `method` (as sent: methods are case-sensitive).
    public init(method: String, path: String) {
        guard path == "/metrics" else {
            self = .notFound
            return
        }
        switch method {
        case "GET": self = .exposition(head: false)
        case "HEAD": self = .exposition(head: true)
        default: self = .methodNotAllowed
        }
    }
}
