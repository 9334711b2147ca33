import Hummingbird
import Logging
import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Answers requests with the files of one folder, with the headers the nginx block in the README sends.
///
/// GET and HEAD only (405 otherwise, 400 for a request with a body, 431 for oversized headers); 404 for any
/// target `RequestPath` refuses and for anything that is not a published regular file inside the folder.
/// A file is read whole from one descriptor, so a republish during a request serves the old or the new bytes.
/// Each request is logged as one line.
struct FolderResponder: HTTPResponder {
    typealias Context = ServeRequestContext

    /// The served folder, as given (resolved again on each request, so a folder created later is found).
    let folder: String
    /// `Cache-Control: max-age` in seconds.
    let maxAge: Int
    /// The largest total size of the request's header fields, names and values.
    static let headerLimit = 8192
    private let tags = TagCache()

    init(folder: String, maxAge: Int) {
        self.folder = folder
        self.maxAge = maxAge
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let (response, served) = answer(request)
        var metadata: Logger.Metadata = [
            "http.method": "\(request.method.rawValue)", "http.target": "\(request.head.path ?? "")",
            "http.status": "\(response.status.code)", "http.bytes": "\(response.body.contentLength ?? 0)",
            "ms": "\(Self.milliseconds(ContinuousClock.now - started))",
        ]
        if let served { metadata["http.file"] = "\(served)" }
        if let address = context.remoteAddress { metadata["client.address"] = "\(address)" }
        // Hummingbird's request id says nothing a line per request does not.
        var logger = context.logger
        logger[metadataKey: "hb.request.id"] = nil
        logger.info("request", metadata: metadata)
        return response
    }

    /// The response to `request`, and the file it served (relative to the folder), if any.
    func answer(_ request: Request) -> (Response, String?) {
        guard request.method == .get || request.method == .head else {
            return (Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"]), nil)
        }
        if request.headers.reduce(0, { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }) > Self.headerLimit {
            return (Response(status: .requestHeaderFieldsTooLarge, headers: [.connection: "close"]), nil)
        }
        if request.headers[.transferEncoding] != nil || (request.headers[.contentLength].map { $0 != "0" } ?? false) {
            return (Response(status: .badRequest, headers: [.connection: "close"]), nil)
        }
        guard let path = RequestPath(target: request.head.path ?? ""), let root = Self.realPath(folder) else {
            return (Response(status: .notFound), nil)
        }
        var relative = path.relative
        var opened: PublishedFile?
        if Self.acceptsGzip(request.headers[values: .acceptEncoding]), !path.name.hasSuffix(".gz") {
            opened = PublishedFile(root: root, relative: relative + ".gz")
            if opened != nil { relative += ".gz" }
        }
        let gzip = opened != nil
        guard let file = opened ?? PublishedFile(root: root, relative: relative) else {
            return (Response(status: .notFound), nil)
        }
        var headers: HTTPFields = [
            .contentType: PublishedMediaType.forFile(named: path.name),
            .lastModified: HTTPDate.format(file.modified),
            .cacheControl: "public, max-age=\(maxAge)",
            .vary: "Accept-Encoding",
            .xContentTypeOptions: "nosniff",
        ]
        if gzip { headers[.contentEncoding] = "gzip" }
        if PublishedMediaType.allowsAnyOrigin(path.name) { headers[.accessControlAllowOrigin] = "*" }

        var bytes: [UInt8]?
        let tag: String
        if let known = tags.storage.withLock({ $0[file.identity] }) {
            tag = known
        } else {
            guard let read = file.read() else { return (Response(status: .notFound), nil) }
            bytes = read
            tag = EntityTag.of(read)
            tags.storage.withLock { tags in
                if tags.count > 4096 { tags.removeAll() }
                tags[file.identity] = tag
            }
        }
        headers[.eTag] = tag
        if Self.notModified(request.headers, tag: tag, modified: file.modified) {
            var response = Response(status: .notModified, headers: headers)
            response.headers[.contentLength] = nil
            return (response, relative)
        }
        headers[.contentLength] = "\(file.identity.size)"
        if request.method == .head {
            return (Response(status: .ok, headers: headers), relative)
        }
        guard let body = bytes ?? file.read() else { return (Response(status: .notFound), nil) }
        return (
            Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))), relative
        )
    }

    /// Whether the conditional headers let the client keep its copy: `If-None-Match` when present (RFC 9110
    /// §13.2.2: it takes precedence), else `If-Modified-Since` not earlier than the file's modification time.
    static func notModified(_ headers: HTTPFields, tag: String, modified: Int) -> Bool {
        let noneMatch = headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            return noneMatch.contains { EntityTag.ifNoneMatch($0, matches: tag) }
        }
        guard let since = headers[.ifModifiedSince].flatMap(HTTPDate.parse) else { return false }
        return modified <= since
    }

    /// Whether an `Accept-Encoding` list accepts gzip (`gzip`, `x-gzip` or `*`, with a q-value above 0).
    static func acceptsGzip(_ values: [String]) -> Bool {
        var accepted = false
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";")
            let coding = (parts.first ?? "").trimmingSpaces.lowercased()
            guard coding == "gzip" || coding == "x-gzip" || coding == "*" else { continue }
            let quality =
                parts.dropFirst().compactMap { parameter -> Double? in
                    let pair = parameter.trimmingSpaces
                    return pair.lowercased().hasPrefix("q=") ? Double(pair.dropFirst(2)) : nil
                }.first ?? 1
            if coding == "*" {
                accepted = accepted || quality > 0
            } else {
                return quality > 0
            }
        }
        return accepted
    }

    /// The real path of `folder` (symbolic links resolved); nil when it does not exist.
    static func realPath(_ folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        let path = String(cString: resolved)
        return path == "/" ? "" : path
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micro = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return "\(micro / 1000).\(String(String(micro % 1000 + 1000).dropFirst()))"
    }
}

/// The request context of `feedgen serve`: Hummingbird's core storage plus the client's address for the log.
struct ServeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// The ETags already computed, by file version, so a 304 needs no read; emptied when it grows past 4096 entries.
final class TagCache: Sendable {
    let storage = Mutex<[PublishedFile.Identity: String]>([:])
}
