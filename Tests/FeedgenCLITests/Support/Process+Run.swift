import Foundation

/// The result of running a program to its end.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `work`, which blocks (waits for a process, a pipe, a condition), on a thread of its own and suspends
/// until it returns: a test that waits never holds one of the few threads of Swift's concurrency pool (two on a
/// two-core machine), which every other test needs to run.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// `offPool` for work that cannot fail.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// Runs `executable` with `arguments` in `directory` and waits, off the concurrency pool, for it to exit.
func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) async throws -> ProcessResult {
    try await offPool { try runBlocking(executable, arguments, in: directory) }
}

/// `run` on the calling thread: for the few places that cannot wait asynchronously (a `static let` probe, a
/// `deinit`).
func runBlocking(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain stderr on another thread while reading stdout here, so the child never blocks on a full pipe.
    let errBox = DataBox()
    let reader = Thread {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        errBox.done.signal()
    }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errBox.done.wait()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Bytes handed from the stderr reader thread; `done` orders the write before the read.
private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
