import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the service is doing, as `sd_notify(3)` does: one datagram per message to `$NOTIFY_SOCKET`.
///
/// "If the first character of $NOTIFY_SOCKET is '@', the string is understood as Linux abstract namespace
/// socket" (sd_notify(3)): the name then starts with a NUL byte instead of the '@'.
public struct NotifySocket: Sendable {
    /// The socket's address as given in the environment.
    public let path: String
    /// Half of `$WATCHDOG_USEC` (systemd's advice), when systemd expects `WATCHDOG=1` pings from this process.
    public let watchdogInterval: Duration?

    /// The socket named by the environment, or nil when not run by systemd with `Type=notify`.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, pid: Int32 = getpid()) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.hasPrefix("/") || path.hasPrefix("@")
        else { return nil }
        self.path = path
        // "WATCHDOG_PID: ... if set, the daemon should only send keep-alive pings if it matches its own PID."
        let forUs = environment["WATCHDOG_PID"].map { $0 == String(pid) } ?? true
        if forUs, let micro = environment["WATCHDOG_USEC"].flatMap(Int64.init), micro > 0 {
            watchdogInterval = .microseconds(micro / 2)
        } else {
            watchdogInterval = nil
        }
    }

    /// Sends one message (e.g. `READY=1`, `STATUS=...`, `WATCHDOG=1`, `STOPPING=1`, several separated by `\n`).
    public func send(_ message: String) throws(NotifyError) {
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketDescriptor >= 0 else { throw NotifyError(call: "socket", errno: errno) }
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var name = Array(path.utf8)
        if name.first == UInt8(ascii: "@") { name[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard name.count < capacity else { throw NotifyError(call: "connect", reason: "socket path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in name.enumerated() { raw[index] = byte }
        }
        // The address length counts the name only, so an abstract name is not padded with NULs.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count)
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(socketDescriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
        guard sent >= 0 else { throw NotifyError(call: "sendto", errno: errno) }
    }
}

/// A notification could not be sent.
public struct NotifyError: Error, Equatable, CustomStringConvertible {
    public var call: String
    public var reason: String

    init(call: String, reason: String) {
        self.call = call
        self.reason = reason
    }

    init(call: String, errno code: Int32) {
        self.init(call: call, reason: Errno(rawValue: code).description)
    }

    public var description: String { "$NOTIFY_SOCKET: \(call) failed: \(reason)" }
}
