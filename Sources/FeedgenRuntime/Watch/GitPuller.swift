import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Fetches and fast-forwards the content repository from its remote, running `git pull --ff-only`.
///
/// A fast-forward either moves the branch and updates the work tree or changes nothing: git refuses (and leaves
/// the checkout as it was) when the histories diverged or the network fails. A pull is not started while
/// `.git/index.lock` exists (git is busy) nor while tracked files have local changes (someone is editing on the
/// server: their work is not mixed with the remote's); and if git fails half-way through updating the work
/// tree, the tree is put back to the commit it is on (`git reset --hard`), which only undoes that pull since
/// the tree was clean before it. Every git command has a deadline: one still running after it is killed, and the
/// pull fails with a message saying so (git killed half-way leaves its `index.lock`, which is removed: no pull
/// starts while another git holds it, so it can only be the killed one's).
public struct GitPuller: Sendable {
    /// A commit a pull brought in.
    public struct Commit: Sendable, Equatable {
        public var hash: String
        public var subject: String
    }

    /// What one pull did.
    public enum Outcome: Sendable, Equatable {
        /// The new commits, oldest first; empty when already up to date.
        case pulled([Commit])
        /// Skipped because git is busy in the repository.
        case busy
        /// Skipped because tracked files have local changes.
        case localChanges
        /// git failed; the message is the line of its error output that says why. `restored` when the work tree had to be
        /// reset to its commit afterwards.
        case failed(String, restored: Bool)
    }

    /// The work tree of the repository (any folder inside it).
    public var repository: URL
    public var git: URL
    /// How long one git command may run.
    public var deadline: Duration

    public init(repository: URL, git: URL = URL(filePath: "/usr/bin/git"), deadline: Duration = .seconds(60)) {
        self.repository = repository
        self.git = git
        self.deadline = deadline
    }

    /// Runs one pull and reports the commits it brought.
    public func pull() async -> Outcome {
        let lock = WatchScope.gitDirectory(of: repository)?.appending(path: "index.lock")
        if let lock, FileManager.default.fileExists(atPath: lock.path) { return .busy }
        let before = await run(["rev-parse", "HEAD"])
        guard before.status == 0 else { return .failed(lastLine(before.error), restored: false) }
        let status = await run(["status", "--porcelain", "--untracked-files=no"])
        guard status.status == 0 else { return .failed(lastLine(status.error), restored: false) }
        guard status.output.isEmpty else { return .localChanges }
        let pull = await run(["pull", "--ff-only", "--quiet"])
        guard pull.status == 0 else {
            let message = lastLine(pull.error.isEmpty ? pull.output : pull.error)
            if pull.killed, let lock { unlink(lock.path) }
            let dirty = await run(["status", "--porcelain", "--untracked-files=no"])
            guard dirty.status != 0 || !dirty.output.isEmpty else { return .failed(message, restored: false) }
            _ = await run(["reset", "--hard", "--quiet", "HEAD"])
            return .failed(message, restored: true)
        }
        let after = await run(["rev-parse", "HEAD"])
        guard after.status == 0 else { return .failed(lastLine(after.error), restored: false) }
        let old = before.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let new = after.output.trimmingCharacters(in: .whitespacesAndNewlines)
        if old == new { return .pulled([]) }
        let log = await run(["log", "--reverse", "--format=%h%x09%s", "\(old)..\(new)"])
        return .pulled(
            log.output.split(separator: "\n").map { line in
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                return Commit(hash: parts[0], subject: parts.count > 1 ? parts[1] : "")
            })
    }

    /// The line of git's error output that says what went wrong: the first `fatal:` or `error:` line (the
    /// lines after it are advice), else the last line.
    private func lastLine(_ text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init)
        return lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") } ?? lines.last
            ?? "git exited with an error"
    }

    /// Runs one git command. A git that cannot be started gives status 127; one killed (by the deadline or
    /// a signal) gives -1, `killed`, and how it ended as its error output.
    private func run(_ arguments: [String]) async -> (status: Int32, output: String, error: String, killed: Bool) {
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor: a daemon has no one to answer.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_SSH_COMMAND"] = environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes"
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess(
                git, ["-C", repository.path] + arguments, environment: environment, deadline: deadline
            ).run()
        } catch {
            return (127, "", "cannot run \(git.path): \(error.reason)", false)
        }
        let output = String(decoding: result.output, as: UTF8.self)
        let errors = String(decoding: result.error, as: UTF8.self)
        switch result.ending {
        case .exited(let status):
            return (status, output, errors, false)
        case .killedBySignal, .timedOut:
            return (-1, output, "git \(arguments[0]) \(result.ending)", true)
        }
    }
}
