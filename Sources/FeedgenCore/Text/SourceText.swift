/// A source file whose bytes are not valid UTF-8: where the first invalid sequence starts.
public struct SourceDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 0-based offset of the first invalid byte in the bytes as given (a leading BOM counts).
    public var offset: Int
    /// 1-based line of that byte; LF, CRLF and a lone CR each end a line.
    public var line: Int
    /// The invalid sequence itself: the longest prefix of a well-formed sequence, or the one stray byte.
    public var bytes: [UInt8]

    public init(offset: Int, line: Int, bytes: [UInt8]) {
        self.offset = offset
        self.line = line
        self.bytes = bytes
    }

    public var description: String {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "invalid UTF-8 at line \(line) (byte offset \(offset)): \(hex); save the file as UTF-8"
    }
}

/// Turns the bytes of a source file into text, the way feedgen reads every file.
public enum SourceText {
    /// The UTF-8 byte order mark, which some Windows editors put at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes UTF-8 bytes strictly, drops a leading BOM and turns CRLF and lone CR line ends into LF.
    ///
    /// Only UTF-8 is accepted: an invalid sequence is an error that names its byte offset and line
    /// rather than a U+FFFD silently put into the feed. Line ends are normalised after validation, so
    /// the offset in an error is an offset into `bytes` exactly as given.
    public static func decode(_ bytes: [UInt8]) throws(SourceDecodingError) -> (text: String, hadBOM: Bool) {
        // Fast path: decoding with repair, then comparing with the input, is a complete validity check.
        let repaired = String(decoding: bytes, as: UTF8.self)
        guard repaired.utf8.elementsEqual(bytes) else {
            throw firstInvalidSequence(in: bytes)
        }
        let hadBOM = bytes.starts(with: byteOrderMark)
        let body = hadBOM ? bytes[byteOrderMark.count...] : bytes[...]
        guard body.contains(0x0D) else {
            return (hadBOM ? String(decoding: body, as: UTF8.self) : repaired, hadBOM)
        }
        return (String(decoding: normalizingLineEnds(body), as: UTF8.self), hadBOM)
    }

    /// Decodes a sample of a file's first bytes the way `decode` decodes the file (BOM dropped, LF line ends),
    /// but leniently: the sample may end inside a character, which becomes U+FFFD.
    public static func decodeSample(_ bytes: [UInt8]) -> String {
        let body = bytes.starts(with: byteOrderMark) ? bytes[byteOrderMark.count...] : bytes[...]
        return String(decoding: body.contains(0x0D) ? normalizingLineEnds(body)[...] : body, as: UTF8.self)
    }

    /// The bytes with every CRLF and every lone CR replaced by a single LF.
    static func normalizingLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if byte == 0x0D {
                out.append(0x0A)
                previousWasCR = true
            } else {
                if !(byte == 0x0A && previousWasCR) { out.append(byte) }
                previousWasCR = false
            }
        }
        return out
    }

    /// Locates the first ill-formed sequence of `bytes`, which must contain one.
    static func firstInvalidSequence(in bytes: [UInt8]) -> SourceDecodingError {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .error(let length):
                return SourceDecodingError(
                    offset: offset, line: line(ofOffset: offset, in: bytes),
                    bytes: Array(bytes[offset..<offset + length]))
            case .emptyInput:
                break loop
            }
        }
        preconditionFailure("firstInvalidSequence(in:) called on valid UTF-8")
    }

    /// The 1-based line of the byte at `offset`, counting LF, CRLF and lone CR as line ends.
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A {
                line += 1
            } else if bytes[index] == 0x0D {
                line += 1
                if index + 1 < offset, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }
}
