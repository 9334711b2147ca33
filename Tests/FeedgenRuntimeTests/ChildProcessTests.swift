import FeedgenRuntime
import Foundation
import Testing

/// A child that exits without reading its input is an ending to report, never a SIGPIPE that ends feedgen.
struct ChildProcessTests {
    @Test func aChildThatReadsNoInputIsReportedNotFatal() throws {
        // More than a pipe holds (64 KiB), so the write reaches a pipe whose reader is gone.
        let input = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        let result = try ChildProcess(URL(filePath: "/bin/sh"), ["-c", "exit 3"], deadline: .seconds(20))
            .run(input: input)
        #expect(result.ending == .exited(3))
    }
}
