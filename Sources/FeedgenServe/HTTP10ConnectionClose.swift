import NIOCore
import NIOHTTP1

/// Closes an HTTP/1.0 connection after its response unless the client asked to keep it (`Connection:
/// keep-alive`), as HTTP/1.0 wants and nginx does: a client that reads to the end of the connection would
/// otherwise wait for ever.
///
/// Hummingbird's HTTP/1 channel turns requests into swift-http-types values, which have no version, and closes a
/// connection after the response only when the request says `Connection: close`. This handler sits before that
/// conversion (right after NIO's HTTP/1 decoder) and says it for the HTTP/1.0 requests that mean it.
final class HTTP10ConnectionClose: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), head.version.major == 1, head.version.minor == 0,
            !head.isKeepAlive
        else { return context.fireChannelRead(data) }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// Hummingbird adds a server's own handlers after its conversion; this one, added there, puts an
    /// `HTTP10ConnectionClose` right after NIO's HTTP/1 decoder, before the conversion, and removes itself.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = Never

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            if let decoder = try? pipeline.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self) {
                try? pipeline.addHandler(HTTP10ConnectionClose(), position: .after(decoder.handler))
            }
            pipeline.removeHandler(context: context, promise: nil)
        }
    }
}
