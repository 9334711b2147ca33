/// The characters that may not appear in feed HTML, and their removal.
enum TextCharacters {
    /// Whether `scalar` may not appear in the output.
    ///
    /// XML 1.0 §2.2: `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
    /// HTML also makes DEL, the C1 controls and the noncharacters parse errors, so they go too
    /// (and noncharacters are what `Placeholders` uses for its tokens).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x9 && value != 0xA && value != 0xD }
        if value >= 0x7F && value <= 0x9F { return true }
        if value >= 0xFDD0 && value <= 0xFDEF { return true }
        return value & 0xFFFE == 0xFFFE
    }

    /// `text` without forbidden characters; `report` gets each one's UTF-8 offset in `text`.
    static func removingForbidden(from text: String, report: (Int, Unicode.Scalar) -> Void) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        var offset = 0
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                report(offset, scalar)
            } else {
                result.append(scalar)
            }
            offset += UTF8.width(scalar)
        }
        return String(result)
    }
}
