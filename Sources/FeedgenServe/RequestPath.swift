/// A request target reduced to a relative path inside the served folder, or refused.
///
/// Pure: the rules work on the request target's text. Anything that could name a file outside the folder, or a
/// file the folder holds but does not publish, is refused (and answered 404 by the server):
/// `..` and `.` segments, empty segments (`//`), backslashes, control bytes and NUL, percent-encoded dots,
/// slashes, backslashes or control bytes, malformed percent escapes, hidden names (a leading dot: the lock file
/// `.feedgen.lock` and the publisher's temporaries `.NAME.PID.tmp`), and names ending in `.tmp` or `~`.
public struct RequestPath: Equatable, Sendable {
    /// The path's segments, decoded; never empty. A target ending in `/` ends in `index.html`.
    public let segments: [String]

    /// The path relative to the folder, segments joined with `/`.
    public var relative: String { segments.joined(separator: "/") }

    /// The last segment.
    public var name: String { segments[segments.count - 1] }

    /// Parses a request target (`/en/rss.xml?x=1`); nil when it is refused.
    public init?(target: String) {
        var path = Substring(target)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard path.hasPrefix("/"), path.utf8.count <= 1024 else { return nil }
        var parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts[parts.count - 1] = "index.html" }
        var segments: [String] = []
        for part in parts {
            guard let decoded = Self.decode(part), Self.isPublished(decoded) else { return nil }
            segments.append(decoded)
        }
        self.segments = segments
    }

    /// Whether a decoded segment may name a served file: not empty, not hidden, not a temporary or backup file,
    /// no slash, backslash or control character.
    public static func isPublished(_ segment: String) -> Bool {
        guard !segment.isEmpty, !segment.hasPrefix("."), !segment.hasSuffix(".tmp"), !segment.hasSuffix("~") else {
            return false
        }
        return !segment.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Percent-decodes one segment; nil for a malformed escape, an escaped `.`, `/`, `\` or control byte, a raw
    /// backslash or control byte, or bytes that are not UTF-8.
    static func decode(_ segment: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0x7F { return nil }
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            let decoded = high << 4 | low
            if decoded == UInt8(ascii: ".") || decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\")
                || decoded < 0x20 || decoded == 0x7F
            {
                return nil
            }
            bytes.append(decoded)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
