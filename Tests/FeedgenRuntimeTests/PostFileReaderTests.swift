import Foundation
import Testing

@testable import FeedgenRuntime

@Suite struct PostFileReaderTests {
    @Test func readsOnlyUpToTheClosingDelimiter() throws {
        let body = String(repeating: "Lorem ipsum dolor sit amet.\n", count: 2000)
        let folder = try TemporaryDirectory(["post.md": "---\ntitle: x\n---  \n" + body])
        let head = try PostFileReader.readHead(folder.url.appending(path: "post.md"))
        #expect(String(decoding: head, as: UTF8.self) == "---\ntitle: x\n---  \n")
    }

    @Test func findsADelimiterThatSpansTwoChunks() throws {
        let longValue = String(repeating: "é", count: 4095)  // 8190 bytes: the closing line starts near 8192
        let text = "---\nt: \(longValue)\n---\nbody"
        let folder = try TemporaryDirectory(["post.md": text])
        let head = try PostFileReader.readHead(folder.url.appending(path: "post.md"))
        #expect(String(decoding: head, as: UTF8.self) == "---\nt: \(longValue)\n---\n")
    }

    @Test func withoutAClosingLineReturnsTheWholeFile() throws {
        let folder = try TemporaryDirectory(["post.md": "---\ntitle: x\nno end"])
        let head = try PostFileReader.readHead(folder.url.appending(path: "post.md"))
        #expect(String(decoding: head, as: UTF8.self) == "---\ntitle: x\nno end")
    }

    @Test func aFrontMatterThatNeverClosesIsReadInLinearTime() throws {
        // 9 MB on one line, under the default limit: rescanning the line after every 8 KiB chunk, as the
        // reader once did, looks at 5 GB and takes minutes in a debug build; one pass takes well under a second.
        let text = "---\ntitle: u\n" + String(repeating: "x", count: 9_000_000)
        let folder = try TemporaryDirectory(["post.md": text])
        // The time this thread spent computing, not the wall clock: a loaded machine does not stretch it.
        func threadCPUTime() -> Duration {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
        }
        let started = threadCPUTime()
        let head = try PostFileReader.readHead(folder.url.appending(path: "post.md"), limit: 10_000_000)
        let spent = threadCPUTime() - started
        #expect(head.count == text.utf8.count)
        #expect(spent < .seconds(5), "took \(spent) of CPU time")
    }

    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        // A 1 GB sparse file: reading it whole would take long and hold a gigabyte.
        let folder = try TemporaryDirectory(["post.md": "---\ntitle: u\n"])
        let url = folder.url.appending(path: "post.md")
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        #expect(throws: PostReadError.tooLarge(limit: 10_000_000)) {
            try PostFileReader.readHead(url, limit: 10_000_000)
        }
        #expect(throws: PostReadError.tooLarge(limit: 10_000_000)) {
            try PostFileReader.readAll(url, limit: 10_000_000)
        }
        #expect(
            "\(PostReadError.tooLarge(limit: 10))"
                == "the post is over the limit of 10 bytes of source (post_limits.source_bytes)")
    }

    @Test func aFileJustOverTheLimitIsRefusedAndOneUnderItRead() throws {
        let folder = try TemporaryDirectory(["post.md": "---\ntitle: u\n" + String(repeating: "x", count: 20_000)])
        let url = folder.url.appending(path: "post.md")
        #expect(throws: PostReadError.tooLarge(limit: 10_000)) { try PostFileReader.readHead(url, limit: 10_000) }
        #expect(try PostFileReader.readHead(url, limit: 30_000).count == 20_013)
    }
}
