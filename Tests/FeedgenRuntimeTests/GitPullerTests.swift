import FeedgenRuntime
import Foundation
import Testing

/// A git that never ends or dies of a signal: the pull fails with a message that says which, in bounded time.
@Suite struct GitPullerTests {
    private func puller(_ script: String, in folder: borrowing TemporaryDirectory) throws -> GitPuller {
        try folder.write(script, to: "git")
        let git = folder.url.appending(path: "git")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: git.path)
        try FileManager.default.createDirectory(
            at: folder.url.appending(path: "site"), withIntermediateDirectories: true)
        return GitPuller(repository: folder.url.appending(path: "site"), git: git, deadline: .milliseconds(300))
    }

    @Test func aGitThatHangsIsKilledAtTheDeadline() async throws {
        let folder = try TemporaryDirectory()
        // The child it starts keeps the output pipes open: it is killed with it, as one process group.
        let puller = try puller("#!/bin/sh\nsleep 300 &\nwait\n", in: folder)
        let began = ContinuousClock.now
        // The bound tells a return at the deadline from one held until the hung git's child ends (300 s); it is
        // generous because a full parallel test run can keep this task from resuming for tens of seconds.
        #expect(await puller.pull() == .failed("git rev-parse did not finish within 300 ms", restored: false))
        #expect(ContinuousClock.now - began < .seconds(120))
    }

    @Test func aGitKilledBySignalIsNotAnExitStatus() async throws {
        let folder = try TemporaryDirectory()
        let puller = try puller("#!/bin/sh\nkill -9 $$\n", in: folder)
        #expect(await puller.pull() == .failed("git rev-parse was killed by signal 9", restored: false))
    }

    @Test func aChildThatKeepsGitsOutputOpenDoesNotHoldThePullPastTheDeadline() async throws {
        let folder = try TemporaryDirectory()
        // git fails at once, but leaves a process behind that holds its standard output and error open.
        let puller = try puller(
            "#!/bin/sh\nsleep 300 &\necho 'fatal: not a git repository' >&2\nexit 128\n", in: folder)
        let began = ContinuousClock.now
        // The bound tells a return at the deadline from one held until the leftover process ends (300 s); it is
        // generous because a full parallel test run can keep this task from resuming for tens of seconds.
        #expect(await puller.pull() == .failed("fatal: not a git repository", restored: false))
        #expect(ContinuousClock.now - began < .seconds(120))
    }
}
