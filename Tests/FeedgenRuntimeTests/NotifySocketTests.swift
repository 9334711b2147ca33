import FeedgenRuntime
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// sd_notify datagrams reach a socket bound where `$NOTIFY_SOCKET` says, file path or abstract name.
struct NotifySocketTests {
    @Test func environmentWithoutASocketGivesNone() {
        #expect(NotifySocket(environment: [:]) == nil)
        #expect(NotifySocket(environment: ["NOTIFY_SOCKET": "relative"]) == nil)
    }

    @Test func watchdogIntervalIsHalfOfWatchdogUsecWhenMeantForThisProcess() {
        let environment = ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"]
        #expect(NotifySocket(environment: environment, pid: 7)?.watchdogInterval == .seconds(15))
        #expect(
            NotifySocket(environment: environment.merging(["WATCHDOG_PID": "7"]) { $1 }, pid: 7)?.watchdogInterval
                == .seconds(15))
        #expect(
            NotifySocket(environment: environment.merging(["WATCHDOG_PID": "8"]) { $1 }, pid: 7)?.watchdogInterval
                == nil)
        #expect(NotifySocket(environment: ["NOTIFY_SOCKET": "/run/x"])?.watchdogInterval == nil)
    }

    @Test func messagesReachAPathSocket() throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appending(path: "notify").path
        let receiver = try Receiver(name: Array(path.utf8))
        let socket = try #require(NotifySocket(environment: ["NOTIFY_SOCKET": path]))
        try socket.send("READY=1\nSTATUS=watching")
        #expect(receiver.receive() == "READY=1\nSTATUS=watching")
    }

    @Test func messagesReachAnAbstractSocket() throws {
        let name = "feedgen-test-\(UUID().uuidString)"
        let receiver = try Receiver(name: [0] + Array(name.utf8))
        let socket = try #require(NotifySocket(environment: ["NOTIFY_SOCKET": "@" + name]))
        try socket.send("WATCHDOG=1")
        #expect(receiver.receive() == "WATCHDOG=1")
    }

    /// A datagram socket bound to a name, as systemd's is.
    private struct Receiver: ~Copyable {
        let descriptor: Int32

        init(name: [UInt8]) throws {
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in name.enumerated() { raw[index] = byte }
            }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count)
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
            }
            try #require(status == 0)
        }

        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return String(decoding: buffer[0..<max(0, count)], as: UTF8.self)
        }

        deinit { close(descriptor) }
    }
}
