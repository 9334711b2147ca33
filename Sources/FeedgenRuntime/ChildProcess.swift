import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program (git, sendmail) to its end or to its deadline, feeding it input and collecting its output.
///
/// A daemon cannot wait forever on a program that hangs (a sendmail that never reads its input, a git stuck on
/// the network): when the deadline passes, the program and the processes it started (its process group:
/// Foundation's `Process` makes the child a group leader) are killed with SIGKILL, and the ending says so.
public struct ChildProcess: Sendable {
    /// How the program ended.
    public enum Ending: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case killedBySignal(Int32)
        /// Still running at the deadline, and killed.
        case timedOut(Duration)

        public var isSuccess: Bool { self == .exited(0) }

        /// "exited with status 3", "was killed by signal 9", "did not finish within 60 s".
        public var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .killedBySignal(let signal): "was killed by signal \(signal)"
            case .timedOut(let deadline): "did not finish within \(deadline.spoken)"
            }
        }
    }

    /// What a run gave.
    public struct Result: Sendable {
        public var ending: Ending
        public var output: Data
        public var error: Data
        /// Why the input could not be written in full (the program exited, or closed its input, first).
        public var inputFailure: String?
    }

    public var executable: URL
    public var arguments: [String]
    /// Nil inherits feedgen's environment.
    public var environment: [String: String]?
    public var deadline: Duration

    public init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, deadline: Duration) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.deadline = deadline
    }

    /// A program that exits before reading all its input must give an error, not end feedgen with SIGPIPE:
    /// the process-wide disposition is set once, the first time a child is started.
    private static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs the program with `input` on its standard input (nothing when nil) and waits for it, at most until
    /// the deadline. Throws only when it cannot be started.
    public func run(input: [UInt8]? = nil) throws(ChildProcessError) -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let feed = input.map { _ in Pipe() }
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = feed ?? FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        _ = Self.ignoringBrokenPipes
        do {
            try process.run()
        } catch {
            throw ChildProcessError(program: executable.path, reason: "cannot run: \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        let killed = Killed()
        let watchdog = DispatchWorkItem {
            killed.flag.store(true, ordering: .sequentiallyConsistent)
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline.timeInterval, execute: watchdog)

        let collected = Collected()
        for (index, pipe) in [output, errors].enumerated() {
            let reader = Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, at: index)
            }
            reader.start()
        }
        var inputFailure: String?
        if let feed, let input {
            do {
                try feed.fileHandleForWriting.write(contentsOf: Data(input))
            } catch {
                inputFailure = error.localizedDescription
            }
            try? feed.fileHandleForWriting.close()
        }
        exited.wait()
        watchdog.cancel()
        let (out, err) = collected.wait()
        let ending: Ending =
            if killed.flag.load(ordering: .sequentiallyConsistent) {
                .timedOut(deadline)
            } else if process.terminationReason == .uncaughtSignal {
                .killedBySignal(process.terminationStatus)
            } else {
                .exited(process.terminationStatus)
            }
        return Result(ending: ending, output: out, error: err, inputFailure: inputFailure)
    }

    /// Set by the deadline when it killed the program.
    private final class Killed: Sendable {
        let flag = Atomic(false)
    }

    /// The bytes of standard output and standard error, handed over by their reading threads.
    private final class Collected: Sendable {
        private let data = Mutex<[Data?]>([nil, nil])
        private let done = DispatchSemaphore(value: 0)

        func store(_ bytes: Data, at index: Int) {
            data.withLock { $0[index] = bytes }
            done.signal()
        }

        /// Waits for both streams to end.
        func wait() -> (Data, Data) {
            done.wait()
            done.wait()
            return data.withLock { ($0[0] ?? Data(), $0[1] ?? Data()) }
        }
    }
}

/// A program could not be started.
public struct ChildProcessError: Error, Equatable, CustomStringConvertible {
    public var program: String
    public var reason: String

    public var description: String { "\(program): error: \(reason)" }
}

extension Duration {
    /// "60 s", "1.5 s", "300 ms", as messages say it.
    public var spoken: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        return "\(Double(milliseconds) / 1000) s"
    }
}
