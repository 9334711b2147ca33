/// Removes the characters that XML 1.0 forbids, so any text can go into an RSS or Atom document.
///
/// XML 1.0 (Fifth Edition) §2.2: `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]`. Outside that set a Swift string can only hold the C0 controls other than TAB,
/// LF and CR, and the noncharacters U+FFFE and U+FFFF: the surrogates U+D800–U+DFFF never occur,
/// because a Swift `String` holds Unicode scalars only and cannot contain a lone surrogate.
/// C1 controls (U+0080–U+009F) are legal XML 1.0 characters and are kept.
public enum XMLSafeText {
    /// The text without its XML-illegal scalars, and how many scalars were removed.
    public static func clean(_ s: String) -> (text: String, removed: Int) {
        guard s.unicodeScalars.contains(where: isIllegal) else { return (s, 0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var removed = 0
        for scalar in s.unicodeScalars {
            if isIllegal(scalar) {
                removed += 1
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), removed)
    }

    /// Whether XML 1.0's `Char` production excludes `scalar`.
    static func isIllegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
