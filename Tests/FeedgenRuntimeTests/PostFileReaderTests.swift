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
}
