/// The strong `ETag` of some bytes: a hash of the content, so the same bytes get the same tag in every run.
enum EntityTag {
    /// `"LENGTH-HASH"` in hex, the hash 64-bit FNV-1a over the bytes (stable, cheap; not a security measure).
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "\"\(String(bytes.count, radix: 16))-\(String(hash, radix: 16))\""
    }

    /// Whether an `If-None-Match` value matches `tag`: `*`, or any listed tag equal to it, compared weakly
    /// (a `W/` prefix is ignored), as RFC 9110 §13.1.2 asks for `If-None-Match`.
    static func ifNoneMatch(_ header: String, matches tag: String) -> Bool {
        if header.trimmingSpaces == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var value = candidate.trimmingSpaces
            if value.hasPrefix("W/") { value = String(value.dropFirst(2)) }
            return value == tag
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
