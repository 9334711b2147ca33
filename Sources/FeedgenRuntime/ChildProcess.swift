import Foundation
import Subprocess
import Synchronization
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program (git, sendmail) to its end or to its deadline, feeding it input and collecting its output,
/// through swift-subprocess: an argument vector, no shell.
///
/// A daemon cannot wait forever on a program that hangs (a sendmail that never reads its input, a git stuck on
/// the network), nor on a process the program started that keeps its output pipe open after it exited. The
/// program runs as the leader of a process group of its own; when the deadline passes, the whole group is
/// killed with SIGKILL, which closes the pipes. The ending says it timed out only when the program itself was
/// still running then; a program that exited keeps its own status.
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
        public var output: [UInt8]
        public var error: [UInt8]
        /// Why the input could not be written in full (the program exited, or closed its input, first).
        public var inputFailure: String?
    }

    public var executable: URL
    public var arguments: [String]
    /// Nil inherits feedgen's environment.
    public var environment: [String: String]?
    public var deadline: Duration
    /// The most output (and error output) kept; a program that writes more fails to run.
    public var outputLimit = 16 << 20

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
    public func run(input: [UInt8]? = nil) async throws(ChildProcessError) -> Result {
        _ = Self.ignoringBrokenPipes
        var options = PlatformOptions()
        options.processGroupID = 0  // a group of its own, so the deadline kills what it started too
        let environment: Subprocess.Environment =
            self.environment.map { values in
                .custom(Dictionary(uniqueKeysWithValues: values.map { (Environment.Key(rawValue: $0.key)!, $0.value) }))
            } ?? .inherit
        let (started, start) = AsyncStream<pid_t>.makeStream()
        let state = RunState()
        let (limit, deadline, executable, arguments) = (outputLimit, deadline, executable, arguments)
        do {
            let result = try await withThrowingTaskGroup(of: ExecutionResult<Void, BytesOutput, BytesOutput>?.self) {
                tasks in
                tasks.addTask { [started] in
                    for await pid in started {
                        guard (try? await Task.sleep(for: deadline)) != nil else { return nil }
                        // Still running (not even a zombie): the program itself did not finish in time.
                        var info = siginfo_t()
                        if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
                            info._sifields._kill.si_pid == 0
                        {
                            state.timedOut.store(true, ordering: .sequentiallyConsistent)
                        }
                        kill(-pid, SIGKILL)
                    }
                    return nil
                }
                tasks.addTask { [start, options, environment] in
                    try await Subprocess.run(
                        .path(FilePath(executable.path)), arguments: Arguments(arguments),
                        environment: environment, platformOptions: options, input: .inputWriter,
                        output: .bytes(limit: limit), error: .bytes(limit: limit)
                    ) { execution in
                        start.yield(execution.processIdentifier.value)
                        start.finish()
                        let writer = execution.standardInputWriter
                        if let input {
                            do {
                                _ = try await writer.write(input)
                            } catch {
                                state.inputFailure.withLock { $0 = Self.reason(error) }
                            }
                        }
                        _ = try? await writer.finish()
                    }
                }
                var finished: ExecutionResult<Void, BytesOutput, BytesOutput>?
                while finished == nil, let next = try await tasks.next() { finished = next }
                tasks.cancelAll()
                return finished
            }
            guard let result else {
                throw ChildProcessError(program: executable.path, reason: "cannot run: it was not started")
            }
            let ending: Ending =
                if state.timedOut.load(ordering: .sequentiallyConsistent) {
                    .timedOut(deadline)
                } else {
                    switch result.terminationStatus {
                    case .exited(let status): .exited(status)
                    case .signaled(let signal): .killedBySignal(signal)
                    }
                }
            return Result(
                ending: ending, output: result.standardOutput, error: result.standardError,
                inputFailure: state.inputFailure.withLock { $0 })
        } catch let error as ChildProcessError {
            throw error
        } catch {
            throw ChildProcessError(program: executable.path, reason: "cannot run: \(Self.reason(error))")
        }
    }

    /// What the deadline and the input writer tell the caller.
    private final class RunState: Sendable {
        let timedOut = Atomic(false)
        let inputFailure = Mutex<String?>(nil)
    }

    /// The system's words for a failure of swift-subprocess (the errno text when there is one).
    static func reason(_ error: any Error) -> String {
        if let error = error as? SubprocessError, let underlying = error.underlyingError {
            return Errno(rawValue: underlying.rawValue).description
        }
        return "\(error)"
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
