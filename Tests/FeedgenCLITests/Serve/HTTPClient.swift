import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP response as a real client (curl) received it.
struct HTTPReply {
    var status: Int
    /// Header fields, names in lower case.
    var headers: [String: String]
    var body: Data
}

/// HTTP requests to a server on loopback: curl for real client behaviour, a raw socket for request lines curl
/// would not send.
struct HTTPClient {
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// Sends `path` exactly as written (`--path-as-is`) with curl; `options` are more curl arguments.
    func get(_ path: String, _ options: [String] = []) async throws -> HTTPReply {
        let body = FileManager.default.temporaryDirectory.appending(path: "feedgen-body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: body) }
        let result = try await run(
            URL(filePath: "/usr/bin/curl"),
            ["-s", "-S", "--path-as-is", "--max-time", "20", "-D", "-", "-o", body.path] + options + [base + path])
        try #require(result.status == 0, "curl \(path): \(result.stderr)")
        var reply = try Self.parseHead(result.stdout)
        reply.body = (try? Data(contentsOf: body)) ?? Data()
        return reply
    }

    /// A HEAD request with curl (`--head`).
    func head(_ path: String, _ options: [String] = []) async throws -> HTTPReply {
        let result = try await run(
            URL(filePath: "/usr/bin/curl"),
            ["-s", "-S", "--path-as-is", "--max-time", "20", "--head"] + options + [base + path])
        try #require(result.status == 0, "curl --head \(path): \(result.stderr)")
        return try Self.parseHead(result.stdout)
    }

    /// Sends `request` byte for byte on a new connection and returns the status code of the answer (0 when the
    /// server closed the connection without one).
    func raw(_ request: [UInt8]) async throws -> Int {
        let script = """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
            s.sendall(bytes.fromhex(sys.argv[2]))
            data = b""
            while b"\\r\\n" not in data:
                chunk = s.recv(65536)
                if not chunk: break
                data += chunk
            print(data.split(b"\\r\\n")[0].split(b" ")[1].decode() if data else "0")
            """
        let hex = request.map { String(format: "%02x", $0) }.joined()
        let result = try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", script, "\(port)", hex])
        try #require(result.status == 0, "raw request: \(result.stderr)")
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Sends `request` on a new connection, reads the answer, and tells whether the server closed the connection
    /// within 3 s of its last byte: the status code and `true` when it did.
    func closesConnection(after request: String) async throws -> (status: Int, closed: Bool) {
        let script = """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
            s.sendall(sys.argv[2].encode())
            data, closed = b"", False
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        closed = True
                        break
                    data += chunk
            except socket.timeout:
                pass
            print(data.split(b"\\r\\n")[0].split(b" ")[1].decode() if data else "0", "closed" if closed else "open")
            """
        let result = try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", script, "\(port)", request])
        try #require(result.status == 0, "request: \(result.stderr)")
        let words = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Int(words.first ?? "") ?? -1, words.last == "closed")
    }

    private static func parseHead(_ text: String) throws -> HTTPReply {
        let lines = text.components(separatedBy: "\r\n")
        let statusLine = try #require(lines.first?.split(separator: " "), "no status line in \(text)")
        let status = try #require(statusLine.count > 1 ? Int(statusLine[1]) : nil, "status line \(lines[0])")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: headers, body: Data())
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice for port 0).
func freeLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var address = loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
            bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
        }
    }
    try #require(bound, "bind: \(String(cString: strerror(errno)))")
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Whether something accepts connections on 127.0.0.1:`port`, polled until `timeout` passes.
func acceptsConnections(on port: Int, timeout: TimeInterval = 30, while alive: () -> Bool = { true }) async -> Bool {
    let connected = await eventually(timeout: timeout) {
        guard alive() else { return true }
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
    return connected && alive()
}

private func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}
