/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji two,
/// combining marks and format characters none, everything else one.
///
/// No library on the target machines answers this (Foundation has no East Asian Width; the standard
/// library's `Unicode.Scalar.Properties` has emoji and general category, which this uses), so the wide
/// ranges are kept here, compact, from Unicode's `EastAsianWidth.txt` (classes `W` and `F`); a test
/// checks every assigned character against Python's `unicodedata`, another reading of the same file.
/// Marks (Mn, Me) and format characters (Cf) are zero even where the file says `W` (U+302A..302D,
/// U+3099): they join the character before them.
public enum DisplayWidth {
    /// The code points of class `W` (wide) or `F` (fullwidth) in `EastAsianWidth.txt`, merged into ranges.
    /// Emoji are not listed: `isEmojiPresentation` covers them (the `W` symbols 231A..1FAFF).
    /// Unassigned code points inside the CJK blocks are `W` by the file's own default, hence the wide spans.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants (W)
        0x2329...0x232A,  // angle brackets (W)
        0x2E80...0x303E,  // CJK Radicals Supplement .. CJK Symbols and Punctuation (W; 303F is N)
        0x3041...0x3247,  // Hiragana, Katakana, Bopomofo, Hangul Compatibility Jamo, Kanbun, CJK Strokes (W)
        0x3250...0x33FF,  // Enclosed CJK Letters and Months (3248..324F are A), CJK Compatibility (W)
        0x3400...0x4DBF,  // CJK Unified Ideographs Extension A (W)
        0x4E00...0x9FFF,  // CJK Unified Ideographs (W)
        0xA000...0xA4CF,  // Yi Syllables and Radicals (W)
        0xA960...0xA97F,  // Hangul Jamo Extended-A (W)
        0xAC00...0xD7A3,  // Hangul Syllables (W)
        0xF900...0xFAFF,  // CJK Compatibility Ideographs (W)
        0xFE10...0xFE19,  // Vertical Forms (W)
        0xFE30...0xFE6F,  // CJK Compatibility Forms, Small Form Variants (W)
        0xFF00...0xFF60,  // Fullwidth Forms (F)
        0xFFE0...0xFFE6,  // Fullwidth signs (F)
        0x16FE0...0x16FF1,  // Ideographic Symbols and Punctuation (W)
        0x17000...0x18D8F,  // Tangut, Tangut Components, Khitan, Tangut Supplement (W)
        0x1AFF0...0x1B2FF,  // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension, Nushu (W)
        0x1F200...0x1F265,  // Enclosed Ideographic Supplement (W)
        0x20000...0x2FFFD,  // Supplementary Ideographic Plane (W)
        0x30000...0x3FFFD,  // Tertiary Ideographic Plane (W)
    ]

    /// The width of one Unicode scalar taken alone: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the initial consonant before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    /// Whether the code point is of East Asian Width class W or F (emoji excepted: see `of(_:)`).
    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wide.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < wide[middle].lowerBound {
                high = middle - 1
            } else if value > wide[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The width of one grapheme cluster (a user-perceived character).
    ///
    /// A cluster holding an emoji in emoji presentation (by default, or asked for with U+FE0F) is two
    /// columns, whatever joins it (ZWJ families, skin tones, flags, keycaps); otherwise its scalars add up,
    /// so a letter with combining accents is one.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count > 1 {
            let emoji =
                scalars.contains { $0.properties.isEmojiPresentation }
                || (scalars.contains("\u{FE0F}") && scalars.first!.properties.isEmoji)
            if emoji { return 2 }
        }
        return min(2, scalars.reduce(0) { $0 + of($1) })
    }

    /// The width of a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + of($1) }
    }
}
