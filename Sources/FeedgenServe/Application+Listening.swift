import Hummingbird
import Logging

extension Application {
    /// A feedgen listener: `responder` over HTTP/1 on `address`, with the server name `feedgen`, HTTP/1.0
    /// connections closed after their response (`HTTP10ConnectionClose`), and `onListening` run once the socket is
    /// bound and accepting, with the address it is bound to (the port the system chose for port 0).
    init(
        listening responder: Responder, on address: ListenAddress, logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void
    ) {
        self.init(
            responder: responder,
            server: .http1(additionalChannelHandlers: [HTTP10ConnectionClose.Installer()]),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "feedgen"),
            onServerRunning: { channel in
                await onListening(channel.localAddress.map { "\($0.ipAddress ?? address.host):\($0.port ?? 0)" } ?? "")
            },
            logger: logger)
    }
}
