/// Jekyll's `Utils.slugify` (Jekyll 4.3.1, `lib/jekyll/utils.rb`), character for character.
///
/// Ruby's regular expressions see a string as a sequence of code points, so this works on Unicode scalars,
/// not on grapheme clusters: a combining accent is a character of its own (general category M).
public enum Slugify {
    /// The modes of `Utils.slugify`; `none` stands for any name Jekyll does not know.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// "When mode is "raw", return the given string, with every sequence of spaces characters replaced with a
        /// hyphen." (`SLUGIFY_RAW_REGEXP = '\\s+'`, and Ruby's `\s` is ASCII only: space, \t, \n, \v, \f, \r).
        case raw
        /// "non-alphabetic characters are replaced with a hyphen": `[^\p{M}\p{L}\p{Nd}]+`.
        case `default`
        /// Also keeps `._~!$&'()+,;=@`: `[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+`. Used for `:title`.
        case pretty
        /// Keeps only ASCII letters and digits: `[^[A-Za-z0-9]]+`.
        case ascii
        /// `I18n.transliterate` (accented Latin letters to ASCII, anything else non-ASCII to `?`), then `default`.
        case latin
        /// A mode Jekyll does not know (`none` in its docs): "return the given string", only downcased.
        case none
    }

    /// Turns `string` into a slug exactly as `Jekyll::Utils.slugify(string, mode:, cased:)` does.
    ///
    /// Jekyll then strips one leading and one trailing hyphen (`slug.gsub!(%r!^-|-$!i, "")`) and downcases with
    /// Ruby's full Unicode `String#downcase` unless `cased`.
    public static func slugify(_ string: String, mode: Mode = .default, cased: Bool = false) -> String {
        // `unless SLUGIFY_MODES.include?(mode); return cased ? string : string.downcase; end`
        if mode == .none { return cased ? string : string.lowercased() }
        var scalars = String.UnicodeScalarView()
        var inRun = false
        for scalar in mode == .latin ? transliterate(string).unicodeScalars : string.unicodeScalars {
            if isReplaced(scalar, mode: mode) {
                // `string.gsub(replaceable_char, "-")`: a whole run becomes one hyphen.
                if !inRun { scalars.append("-") }
                inRun = true
            } else {
                scalars.append(scalar)
                inRun = false
            }
        }
        // `slug.gsub!(%r!^-|-$!i, "")`: one pass, so at most one hyphen goes at each end (raw mode can leave
        // `--`), and a lone `-` is consumed by `^-` before `-$` can look at it. No newline survives the
        // replacement in any mode, so Ruby's line anchors behave as string anchors here.
        var start = scalars.startIndex
        var end = scalars.endIndex
        if start != end, scalars[start] == "-" { start = scalars.index(after: start) }
        if start != end, scalars[scalars.index(before: end)] == "-" { end = scalars.index(before: end) }
        let slug = String(scalars[start..<end])
        return cased ? slug : slug.lowercased()
    }

    /// Whether `scalar` belongs to the characters `mode` replaces with a hyphen.
    static func isReplaced(_ scalar: Unicode.Scalar, mode: Mode) -> Bool {
        switch mode {
        case .raw:
            return [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"].contains(scalar)
        case .default, .latin:
            return !isLetterMarkOrDecimal(scalar)
        case .pretty:
            return !isLetterMarkOrDecimal(scalar) && !"._~!$&'()+,;=@".unicodeScalars.contains(scalar)
        case .ascii:
            return !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
        case .none:
            return false
        }
    }

    /// `\p{M}`, `\p{L}` or `\p{Nd}`.
    static func isLetterMarkOrDecimal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// `I18n.transliterate` with i18n 1.10's default rule: every non-ASCII code point becomes its entry in
    /// `HashTransliterator::DEFAULT_APPROXIMATIONS`, or `?` ("DEFAULT_REPLACEMENT_CHAR").
    static func transliterate(_ string: String) -> String {
        var result = ""
        for scalar in string.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else if (0xC0...0x17E).contains(scalar.value), let latin = latinApproximations[Int(scalar.value) - 0xC0] {
                result += latin
            } else {
                result += "?"
            }
        }
        return result
    }

    /// i18n 1.10.0 `DEFAULT_APPROXIMATIONS` (MIT licence), indexed by code point minus U+00C0, through U+017E.
    /// The only gap is U+00F7 `÷`, which has no entry and so becomes `?`.
    static let latinApproximations: [String?] = [
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N", "O", "O", "O",
        "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e",
        "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th",
        "y", "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", "D", "d", "E", "e",
        "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", "G", "g", "G", "g", "H", "h", "H", "h", "I",
        "i", "I", "i", "I", "i", "I", "i", "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L",
        "l", "L", "l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "NG", "ng", "O", "o", "O", "o", "O", "o", "OE",
        "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t",
        "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z",
        "Z", "z",
    ]
}
