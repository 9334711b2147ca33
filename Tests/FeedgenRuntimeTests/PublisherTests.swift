import FeedgenRuntime
import Foundation
import Testing

@Suite struct PublisherTests {
    @Test func writesThenLeavesUnchangedBytesAlone() throws {
        let folder = try TemporaryDirectory()
        let publisher = Publisher(root: folder.url, precompress: true)
        #expect(try publisher.publish(Array("one".utf8), to: "fr/rss.xml") == .written)
        #expect(try folder.read("fr/rss.xml") == "one")
        let file = folder.url.appending(path: "fr/rss.xml").path
        let before = try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int
        #expect(try publisher.publish(Array("one".utf8), to: "fr/rss.xml") == .unchanged)
        let after = try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int
        #expect(before == after, "an unchanged file is not replaced")
        #expect(try publisher.publish(Array("two".utf8), to: "fr/rss.xml") == .written)
        #expect(try folder.read("fr/rss.xml") == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.appending(path: "fr").path)
        #expect(leftovers.sorted() == ["rss.xml", "rss.xml.gz"], "no temporary file is left behind")
    }

    /// What `gzip -dc` makes of a file: the real tool, not zlib read back by the code that wrote it.
    private func gunzip(_ file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: "/bin/gzip")
        process.arguments = ["-dc", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// nginx's `gzip_static` sends `NAME.gz` to clients that accept gzip, so the copy follows every change of its
    /// file, comes back for an unchanged file that lost it, and goes when the feed goes.
    @Test func aGzipCopyIsPublishedAndRemovedWithEachFile() throws {
        let folder = try TemporaryDirectory()
        let publisher = Publisher(root: folder.url, precompress: true)
        let text = String(repeating: "Harbour notes, issue one. ", count: 200)
        #expect(try publisher.publish(Array(text.utf8), to: "fr/rss.xml") == .written)
        let copy = folder.url.appending(path: "fr/rss.xml.gz")
        #expect(try gunzip(copy) == text)
        let compressed = try Data(contentsOf: copy)
        #expect(compressed.count < text.utf8.count / 10)
        #expect(try publisher.publish(Array("two".utf8), to: "fr/rss.xml") == .written)
        #expect(try gunzip(copy) == "two")
        // The same bytes give the same copy: no time or name in the gzip header, so the ETag stays.
        let before = try Data(contentsOf: copy)
        try FileManager.default.removeItem(at: copy)
        #expect(try publisher.publish(Array("two".utf8), to: "fr/rss.xml") == .unchanged)
        #expect(try Data(contentsOf: copy) == before, "a missing copy of an unchanged file is written again")
        #expect(try publisher.removeFeed(in: "fr", documents: ["rss.xml"]) == ["fr/rss.xml"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "fr").path))
    }

    @Test func noCopyWhenPrecompressingIsOff() throws {
        let folder = try TemporaryDirectory()
        #expect(try Publisher(root: folder.url, precompress: false).publish([0x61], to: "_includes/x.html") == .written)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.appending(path: "_includes").path) == [
                "x.html"
            ])
    }

    @Test func aFailedWriteNamesTheCall() throws {
        let folder = try TemporaryDirectory(["blocker": "a file where a folder should be"])
        let publisher = Publisher(root: folder.url)
        #expect {
            try publisher.publish([1], to: "blocker/rss.xml")
        } throws: { error in
            (error as? PublishError)?.call == "mkdir"
        }
    }

    /// A flush that fails (the page cache could not be written back) is reported, and the descriptor is closed
    /// anyway: a daemon that leaked one per failed write would run out of them.
    @Test(.enabled(if: ThinDisk.available, "mounting a loop device is refused here"))
    func aFailedFlushIsReportedAndLeaksNoDescriptor() throws {
        let disk = try ThinDisk()
        let publisher = Publisher(root: disk.mountPoint.appending(path: "feeds"))
        // The descriptors open on the disk: other tests running at the same time open and close their own.
        let descriptors = {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0))?.hasPrefix(
                    disk.mountPoint.path + "/") == true
            }.count
        }
        let before = try descriptors()
        #expect(before == 0)
        #expect {
            try publisher.publish([UInt8](repeating: 0x61, count: 4 << 20), to: "rss.xml")
        } throws: { error in
            (error as? PublishError)?.call == "fsync" && (error as? PublishError)?.reason == "No space left on device"
        }
        #expect(try descriptors() == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: disk.mountPoint.appending(path: "feeds").path)
        #expect(left == [], "the temporary file is removed")
    }
}
