import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running in the background (the `feedgen watch` daemon), whose standard error is collected line by
/// line so a test can wait for a line to appear instead of sleeping.
final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let condition = NSCondition()
    private var collected: [String] = []
    private var partial = Data()
    private var ended = false

    init(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
    {
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        merged["JOURNAL_STREAM"] = nil
        merged["NOTIFY_SOCKET"] = nil
        process.environment = merged.merging(environment) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            condition.lock()
            defer {
                condition.broadcast()
                condition.unlock()
            }
            if data.isEmpty {
                ended = true
                handle.readabilityHandler = nil
                return
            }
            partial.append(data)
            while let newline = partial.firstIndex(of: 0x0A) {
                collected.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
                partial = Data(partial[(newline + 1)...])
            }
        }
        try process.run()
    }

    /// Every line written to standard error so far.
    var lines: [String] {
        condition.lock()
        defer { condition.unlock() }
        return collected
    }

    /// Waits until `count` lines satisfy `predicate`; returns those lines (fewer if the deadline passed first).
    @discardableResult
    func waitForLines(_ count: Int = 1, timeout: TimeInterval = 30, where predicate: (String) -> Bool) async
        -> [String]
    {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let (lines, ended) = snapshot()
            let matching = lines.filter(predicate)
            if matching.count >= count || ended || Date() >= deadline { return matching }
            await offPool { self.waitForMoreThan(lines.count, until: deadline) }
        }
    }

    private func snapshot() -> (lines: [String], ended: Bool) {
        condition.lock()
        defer { condition.unlock() }
        return (collected, ended)
    }

    /// Blocks until more than `count` lines were collected, the pipe ended or the deadline passed.
    private func waitForMoreThan(_ count: Int, until deadline: Date) {
        condition.lock()
        defer { condition.unlock() }
        while collected.count <= count && !ended && condition.wait(until: deadline) {}
    }

    /// Sends a signal and waits for the process to exit; nil if it is still running after `timeout`.
    func stop(_ signal: Int32 = SIGTERM, timeout: TimeInterval = 30) async -> Int32? {
        kill(process.processIdentifier, signal)
        return await waitForExit(timeout: timeout)
    }

    /// The process id.
    var pid: Int32 { process.processIdentifier }

    var isRunning: Bool { process.isRunning }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit and for the last of its standard error to be read; nil if it is still
    /// running after `timeout`.
    func waitForExit(timeout: TimeInterval) async -> Int32? {
        await offPool { self.blockingWaitForExit(timeout: timeout) }
    }

    private func blockingWaitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning {
            if Date() > deadline { return nil }
            usleep(10_000)
        }
        // The lines written last (`stopped`) may still be in the pipe: read it to its end, which comes at once
        // unless a child the process started still holds it.
        let drained = Date(timeIntervalSinceNow: 5)
        condition.lock()
        while !ended && condition.wait(until: drained) {}
        condition.unlock()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: TimeInterval = 30, _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}
