import FeedgenRuntime
import Foundation
import Testing

/// A child that exits without reading its input is an ending to report, never a SIGPIPE that ends feedgen; one
/// that leaves a process holding its output open does not hold the caller past the deadline.
struct ChildProcessTests {
    @Test func aChildThatReadsNoInputIsReportedNotFatal() async throws {
        // More than a pipe holds (64 KiB), so the write reaches a pipe whose reader is gone.
        let input = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        let result = try await ChildProcess(URL(filePath: "/bin/sh"), ["-c", "exit 3"], deadline: .seconds(20))
            .run(input: input)
        #expect(result.ending == .exited(3))
    }

    @Test func argumentsReachTheProgramAsTheyAreWithoutAShell() async throws {
        let result = try await ChildProcess(
            URL(filePath: "/usr/bin/printf"), ["%s|", "two words", "$HOME", "*"], deadline: .seconds(20)
        ).run()
        #expect(result.ending == .exited(0))
        #expect(String(decoding: result.output, as: UTF8.self) == "two words|$HOME|*|")
    }

    @Test func aGrandchildHoldingTheOutputOpenIsKilledAtTheDeadline() async throws {
        let began = ContinuousClock.now
        let result = try await ChildProcess(
            URL(filePath: "/bin/sh"), ["-c", "sleep 300 & echo started; exit 0"], deadline: .milliseconds(300)
        ).run()
        // The bound tells a return at the deadline from one held until the leftover process ends (300 s); it is
        // generous because a full parallel test run can keep this task from resuming for tens of seconds.
        #expect(ContinuousClock.now - began < .seconds(120))
        // The program itself exited in time: its own status and output stand.
        #expect(result.ending == .exited(0))
        #expect(String(decoding: result.output, as: UTF8.self) == "started\n")
    }

    @Test func aProgramStillRunningAtTheDeadlineTimedOut() async throws {
        let result = try await ChildProcess(URL(filePath: "/bin/sh"), ["-c", "sleep 60"], deadline: .milliseconds(300))
            .run(input: Array("unread".utf8))
        #expect(result.ending == .timedOut(.milliseconds(300)))
    }

    @Test func aProgramThatCannotBeStartedIsAnError() async throws {
        await #expect(throws: ChildProcessError.self) {
            _ = try await ChildProcess(URL(filePath: "/nonexistent/git"), [], deadline: .seconds(1)).run()
        }
    }
}
