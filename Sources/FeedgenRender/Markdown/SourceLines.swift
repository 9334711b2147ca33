import FeedgenCore

/// Maps offsets and snippets of a post's Markdown body back to lines of the file, for diagnostics.
struct SourceLines: Sendable {
    /// The body text (CRLF already folded to LF), as UTF-8 bytes.
    private let bytes: [UInt8]
    /// UTF-8 offset at which each body line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    let path: String
    let firstLine: Int

    init(body: String, path: String, firstLine: Int) {
        bytes = Array(body.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        self.path = path
        self.firstLine = firstLine
    }

    /// The file line holding the UTF-8 offset `offset` of the body.
    func line(atUTF8Offset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return firstLine + low
    }

    /// The file line of the first case-insensitive (ASCII) occurrence of `needle` at or after `from`.
    ///
    /// Returns the line and the offset just after the match, so repeated searches walk forward
    /// through the source the way the removed elements appear in the output.
    func find(_ needle: String, from: Int = 0) -> (line: Int, next: Int)? {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty, pattern.count <= bytes.count else { return nil }
        var start = max(0, from)
        while start + pattern.count <= bytes.count {
            var matched = true
            for (index, expected) in pattern.enumerated() where lowercase(bytes[start + index]) != expected {
                matched = false
                break
            }
            if matched { return (line(atUTF8Offset: start), start + pattern.count) }
            start += 1
        }
        return nil
    }

    /// A warning at `line`; without a line when the place could not be found in the source.
    func warning(_ message: String, line: Int?) -> Diagnostic {
        Diagnostic(.warning, at: FileLocation(path: path, line: line), message)
    }

    private func lowercase(_ byte: UInt8) -> UInt8 {
        (byte >= 65 && byte <= 90) ? byte + 32 : byte
    }
}
