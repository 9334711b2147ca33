import FeedgenCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads post files: just the front matter when choosing posts, the whole file when rendering one.
public enum PostFileReader {
    /// The bytes of a file up to and including the line that closes its front matter.
    ///
    /// Choosing what a feed carries needs every post's front matter but only a few bodies, so this reads the
    /// file in small chunks and stops at the closing `---` (or `...`) line.
    public static func readHead(_ url: URL) throws(PostReadError) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PostReadError(code: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var scanFrom = 0
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw PostReadError(code: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if let end = frontMatterEnd(bytes, from: &scanFrom) { return Array(bytes[0..<end]) }
        }
    }

    /// At most the first `count` bytes of the file.
    public static func readPrefix(_ url: URL, count: Int) throws(PostReadError) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PostReadError(code: errno) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            guard got >= 0 else { throw PostReadError(code: errno) }
            if got == 0 { break }
            filled += got
        }
        return Array(bytes[0..<filled])
    }

    /// The whole file.
    public static func readAll(_ url: URL) throws(PostReadError) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PostReadError(code: errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw PostReadError(code: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The offset just past the closing delimiter line, if `bytes` holds it; `scanFrom` remembers progress.
    static func frontMatterEnd(_ bytes: [UInt8], from scanFrom: inout Int) -> Int? {
        // Line starts after the first line (which must be the opening `---`).
        guard let firstNewline = bytes.firstIndex(of: 0x0A) else { return nil }
        var lineStart = max(scanFrom, firstNewline + 1)
        while let newline = bytes[lineStart...].firstIndex(of: 0x0A) {
            if isDelimiter(bytes[lineStart..<newline]) { return newline + 1 }
            lineStart = newline + 1
        }
        scanFrom = lineStart
        return nil
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }
}

/// Why a file could not be read: the system's error.
public struct PostReadError: Error, Equatable, CustomStringConvertible {
    /// The `errno` of the failing call.
    public var code: Int32

    public init(code: Int32) {
        self.code = code
    }

    public var description: String { "cannot read: \(String(cString: strerror(code)))" }
}
