/// The one rule for the characters feedgen removes from text, used by the loader, the HTML cleaner and every
/// writer, so whatever is removed anywhere is removed everywhere, and reported.
///
/// XML 1.0 (Fifth Edition) §2.2: `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]`: the C0 controls other than TAB, LF and CR, and U+FFFE and U+FFFF, are illegal. The same
/// section asks authors to avoid DEL and the C1 controls (`[#x7F-#x84], [#x86-#x9F]`) and the noncharacters;
/// HTML makes all of them parse errors, readers show them as boxes, and YAML reads U+0085 as a line break, so
/// they go too (U+0085 with the other C1 controls). A Swift `String` holds Unicode scalars only, so lone
/// surrogates cannot occur.
public enum XMLSafeText {
    /// The text without its removed scalars, and how many scalars were removed.
    public static func clean(_ s: String) -> (text: String, removed: Int) {
        guard mayHoldIllegal(s), s.unicodeScalars.contains(where: isIllegal) else { return (s, 0) }
        var scalars = String.UnicodeScalarView()
        var removed = 0
        for scalar in s.unicodeScalars {
            if isIllegal(scalar) {
                removed += 1
            } else {
                scalars.append(scalar)
            }
        }
        return (String(scalars), removed)
    }

    /// Whether the UTF-8 bytes of `s` hold the start of a removed scalar: a byte scan that spares decoding the
    /// scalars of the text nearly all strings are, C0 controls and DEL (`< 0x20`, `0x7F`), C1 controls
    /// (`C2 80`–`C2 9F`), U+FDD0–U+FDEF (`EF B7 90`–`EF B7 AF`) and the noncharacters ending in FFFE or FFFF
    /// (`EF BF BE`/`BF`, and `F0`–`F4 xF BF BE`/`BF` beyond the BMP).
    public static func mayHoldIllegal(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x20..<0x7F, 0x09, 0x0A, 0x0D, 0x80..<0xC2, 0xC3...0xEE:
                    break
                case 0xC2:
                    if index + 1 < count, bytes[index + 1] < 0xA0 { return true }
                case 0xEF:
                    if index + 2 < count {
                        let second = bytes[index + 1]
                        let third = bytes[index + 2]
                        if second == 0xB7 && (0x90...0xAF).contains(third) || second == 0xBF && third >= 0xBE {
                            return true
                        }
                    }
                case 0xF0...0xF4:
                    if index + 3 < count, bytes[index + 1] & 0x0F == 0x0F, bytes[index + 2] == 0xBF,
                        bytes[index + 3] >= 0xBE
                    {
                        return true
                    }
                default:
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Whether `scalar` is removed: a control character other than TAB, LF and CR, or a noncharacter.
    public static func isIllegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: true
        default: scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// A removed scalar named and explained for a message: `U+000B (a control character XML 1.0 forbids)`,
    /// `U+0085 (a control character XML 1.0 discourages)`, `U+FFFE (a noncharacter XML 1.0 forbids)`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let kind = scalar.value < 0xA0 ? "a control character" : "a noncharacter"
        let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        return "\(name(scalar)) (\(kind) XML 1.0 \(forbidden ? "forbids" : "discourages"))"
    }

    /// How a removed scalar is named in messages: `U+000B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
