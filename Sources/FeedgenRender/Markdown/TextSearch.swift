#if canImport(Glibc)
    import Glibc
#endif

/// Byte-level substring search on UTF-8 text.
///
/// `String.contains(_:)`/`range(of:)` with a string argument go through Foundation's NSString search,
/// which showed up as the top cost of rendering in a profile; the needles here are ASCII or whole
/// scalars, so comparing UTF-8 bytes finds the same matches, on valid `String.Index` boundaries.
extension Substring {
    /// The first occurrence of `needle`'s bytes at or after `start`.
    func findBytes(_ needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        let bytes = utf8
        let startOffset = start.map { bytes.distance(from: bytes.startIndex, to: $0) } ?? 0
        let found: Int?? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.search(pattern, in: buffer, from: startOffset)
        }
        let offset: Int?
        if let found {
            offset = found
        } else {
            offset = Array(bytes).withUnsafeBufferPointer { Self.search(pattern, in: $0, from: startOffset) }
        }
        guard let offset else { return nil }
        let lower = bytes.index(bytes.startIndex, offsetBy: offset)
        return lower..<bytes.index(lower, offsetBy: pattern.count)
    }

    /// The offset of the first `pattern` in `buffer` at or after `start`: `memchr` finds each candidate
    /// first byte, `memcmp` checks the rest.
    private static func search(_ pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = buffer.count
        guard pattern.count <= count, start <= count - pattern.count, let base = buffer.baseAddress else {
            return nil
        }
        let first = Int32(pattern[0])
        let last = count - pattern.count
        var offset = start
        return pattern.withUnsafeBufferPointer { needle in
            while offset <= last {
                guard let hit = memchr(base + offset, first, last - offset + 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if needle.count == 1 || memcmp(base + at + 1, needle.baseAddress! + 1, needle.count - 1) == 0 {
                    return at
                }
                offset = at + 1
            }
            return nil
        }
    }

    /// Whether any UTF-8 byte of the text satisfies `predicate` (a fast scan over contiguous storage).
    func containsByte(where predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
    }

    /// Whether `needle`'s bytes occur in the text.
    func containsBytes(_ needle: String) -> Bool { findBytes(needle) != nil }
}

extension String {
    /// The first occurrence of `needle`'s bytes at or after `start`.
    func findBytes(_ needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
        self[...].findBytes(needle, from: start)
    }

    /// Whether `needle`'s bytes occur in the text.
    func containsBytes(_ needle: String) -> Bool { self[...].findBytes(needle) != nil }
}
