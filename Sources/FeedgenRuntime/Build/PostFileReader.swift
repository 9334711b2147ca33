import FeedgenCore
import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Reads post files: just the front matter when choosing posts, the whole file when rendering one.
public enum PostFileReader {
    /// The bytes of a file up to and including the line that closes its front matter.
    ///
    /// Choosing what a feed carries needs every post's front matter but only a few bodies, so this reads the
    /// file in small chunks and stops at the closing `---` (or `...`) line. Every byte is looked at once, and
    /// a file of more than `limit` bytes is refused without reading it all.
    public static func readHead(_ url: URL, limit: Int = .max) throws(PostReadError) -> [UInt8] {
        let descriptor = try open(url)
        defer { try? descriptor.close() }
        try checkSize(of: descriptor, limit: limit)
        var bytes: [UInt8] = []
        var scan = HeadScan()
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = try read(descriptor, into: &chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if let end = frontMatterEnd(bytes, scan: &scan) { return Array(bytes[0..<end]) }
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// At most the first `count` bytes of the file.
    public static func readPrefix(_ url: URL, count: Int) throws(PostReadError) -> [UInt8] {
        let descriptor = try open(url)
        defer { try? descriptor.close() }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try read(descriptor, into: &bytes, from: filled)
            if got == 0 { break }
            filled += got
        }
        return Array(bytes[0..<filled])
    }

    /// The whole file; one of more than `limit` bytes is refused without reading it all.
    public static func readAll(_ url: URL, limit: Int = .max) throws(PostReadError) -> [UInt8] {
        let descriptor = try open(url)
        defer { try? descriptor.close() }
        try checkSize(of: descriptor, limit: limit)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try read(descriptor, into: &chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// Opens the file for reading, close-on-exec.
    private static func open(_ url: URL) throws(PostReadError) -> FileDescriptor {
        do {
            return try FileDescriptor.open(FilePath(url.path), .readOnly, options: .closeOnExec)
        } catch {
            throw PostReadError(error)
        }
    }

    /// Reads what comes next into `buffer` from index `start` on (retrying after EINTR); 0 at the end of the file.
    private static func read(
        _ descriptor: FileDescriptor, into buffer: inout [UInt8], from start: Int = 0
    ) throws(PostReadError) -> Int {
        do {
            return try buffer.withUnsafeMutableBytes { try descriptor.read(into: .init(rebasing: $0[start...])) }
        } catch {
            throw PostReadError(error)
        }
    }

    /// Refuses a regular file whose size is already over `limit`.
    private static func checkSize(of descriptor: FileDescriptor, limit: Int) throws(PostReadError) {
        if let status = try? descriptor.stat(), status.type == .regular, status.size > limit {
            throw .tooLarge(limit: limit)
        }
    }

    /// Where `frontMatterEnd` stopped: the start of the line it is in, and the first byte it has not looked at.
    struct HeadScan {
        var lineStart: Int?
        var scanned = 0
    }

    /// The offset just past the closing delimiter line, if `bytes` holds it; `scan` remembers progress, so
    /// calling this after each chunk looks at each byte once, however long a line is.
    static func frontMatterEnd(_ bytes: [UInt8], scan: inout HeadScan) -> Int? {
        // Line starts after the first line (which must be the opening `---`).
        if scan.lineStart == nil {
            guard let firstNewline = bytes[scan.scanned...].firstIndex(of: 0x0A) else {
                scan.scanned = bytes.count
                return nil
            }
            scan.lineStart = firstNewline + 1
            scan.scanned = firstNewline + 1
        }
        guard var lineStart = scan.lineStart else { return nil }
        while let newline = bytes[scan.scanned...].firstIndex(of: 0x0A) {
            if isDelimiter(bytes[lineStart..<newline]) { return newline + 1 }
            lineStart = newline + 1
            scan.scanned = lineStart
        }
        scan.lineStart = lineStart
        scan.scanned = bytes.count
        return nil
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }
}

/// Why a post file could not be read.
public enum PostReadError: Error, Equatable, CustomStringConvertible {
    /// The failing call's `errno`.
    case system(code: Int32)
    /// The file is longer than the `post_limits.source_bytes` it was read with.
    case tooLarge(limit: Int)

    public init(code: Int32) {
        self = .system(code: code)
    }

    /// The error a swift-system call threw: always an `Errno` (EIO stands for anything else).
    init(_ error: any Error) {
        self = .system(code: (error as? Errno)?.rawValue ?? EIO)
    }

    /// The `errno` of the failing call; nil for a file refused for its size.
    public var code: Int32? {
        if case .system(let code) = self { code } else { nil }
    }

    public var description: String {
        switch self {
        case .system(let code): "cannot read: \(Errno(rawValue: code).description)"
        case .tooLarge(let limit): PostLimits.Exceeded.source(limit: limit).description
        }
    }
}
