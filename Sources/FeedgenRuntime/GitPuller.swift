import Foundation

/// Fetches and fast-forwards the content repository from its remote, running `git pull --ff-only`.
///
/// A fast-forward either moves the branch and updates the work tree or changes nothing: git refuses (and leaves
/// the checkout as it was) when the histories diverged or the network fails. A pull is not started while
/// `.git/index.lock` exists (git is busy) nor while tracked files have local changes (someone is editing on the
/// server: their work is not mixed with the remote's); and if git fails half-way through updating the work
/// tree, the tree is put back to the commit it is on (`git reset --hard`), which only undoes that pull since
/// the tree was clean before it.
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

    public init(repository: URL, git: URL = URL(filePath: "/usr/bin/git")) {
        self.repository = repository
        self.git = git
    }

    /// Runs one pull and reports the commits it brought.
    public func pull() -> Outcome {
        if let gitDirectory = WatchScope.gitDirectory(of: repository),
            FileManager.default.fileExists(atPath: gitDirectory.appending(path: "index.lock").path)
        {
            return .busy
        }
        let before = run(["rev-parse", "HEAD"])
        guard before.status == 0 else { return .failed(lastLine(before.error), restored: false) }
        let status = run(["status", "--porcelain", "--untracked-files=no"])
        guard status.status == 0 else { return .failed(lastLine(status.error), restored: false) }
        guard status.output.isEmpty else { return .localChanges }
        let pull = run(["pull", "--ff-only", "--quiet"])
        guard pull.status == 0 else {
            let message = lastLine(pull.error.isEmpty ? pull.output : pull.error)
            let dirty = run(["status", "--porcelain", "--untracked-files=no"])
            guard dirty.status != 0 || !dirty.output.isEmpty else { return .failed(message, restored: false) }
            _ = run(["reset", "--hard", "--quiet", "HEAD"])
            return .failed(message, restored: true)
        }
        let after = run(["rev-parse", "HEAD"])
        guard after.status == 0 else { return .failed(lastLine(after.error), restored: false) }
        let old = before.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let new = after.output.trimmingCharacters(in: .whitespacesAndNewlines)
        if old == new { return .pulled([]) }
        let log = run(["log", "--reverse", "--format=%h%x09%s", "\(old)..\(new)"])
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

    private func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = git
        process.arguments = ["-C", repository.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor: a daemon has no one to answer.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_SSH_COMMAND"] = environment["GIT_SSH_COMMAND"] ?? "ssh -o BatchMode=yes"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (127, "", "cannot run \(git.path): \(error)")
        }
        let box = ErrorBox()
        let reader = Thread {
            box.data = error.fileHandleForReading.readDataToEndOfFile()
            box.done.signal()
        }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        box.done.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: box.data, as: UTF8.self)
        )
    }
}

/// Bytes handed from the reading thread; `done` orders the write before the read.
private final class ErrorBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
