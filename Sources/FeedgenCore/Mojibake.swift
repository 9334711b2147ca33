/// Text after `Mojibake.repair`, with every change it made.
public struct MojibakeRepair: Sendable, Equatable {
    /// One run of damaged characters and what it was put back to.
    public struct Replacement: Sendable, Equatable {
        /// The damaged characters as found, e.g. `‚Äô`.
        public var original: String
        /// What they were before the damage, e.g. `’`.
        public var repaired: String
        /// The encoding the UTF-8 bytes were wrongly read as.
        public var encoding: Mojibake.Encoding
        /// Offset of `original` in the input text, in UTF-16 code units (as editors and `NSRange` count).
        public var utf16Offset: Int
        /// 1-based line of `original` in the input text, counting LF only (`SourceText` normalises CR).
        public var line: Int

        public init(original: String, repaired: String, encoding: Mojibake.Encoding, utf16Offset: Int, line: Int) {
            self.original = original
            self.repaired = repaired
            self.encoding = encoding
            self.utf16Offset = utf16Offset
            self.line = line
        }
    }

    public var text: String
    /// In text order; empty when the text was left as it was.
    public var repairs: [Replacement]

    public init(text: String, repairs: [Replacement]) {
        self.text = text
        self.repairs = repairs
    }
}

/// Undoes one round of the commonest damage to UTF-8 text: bytes read as Mac OS Roman or Windows-1252
/// and saved again as UTF-8, so that "d’entraînement" reads "d‚Äôentra√Ænement" (Mac OS Roman) or
/// "dâ€™entraÃ®nement" (Windows-1252).
///
/// Every byte of a multi-byte UTF-8 sequence is 0x80 or above, so the damage turns each non-ASCII
/// character into a run of 2 to 4 characters from the encoding's upper half and leaves ASCII alone.
/// `repair` takes each maximal run of such characters, turns it back into bytes, and cuts it into
/// segments that are well-formed UTF-8 (a run may also hold correct characters next to damaged ones).
/// A segment is replaced only if what it decodes to is plausible text, and correct text is never
/// changed: a segment is *strong* evidence when it is unmistakable (it decodes to punctuation, a
/// symbol or an emoji of three or four bytes such as ’ … € ❤; to two or more letters of a non-Latin
/// script; or to a Latin letter in the middle of an ASCII word, as in "num√©ro"), and *weak* otherwise
/// ("√†" alone could be "à" or a square root of a dagger). Weak segments are repaired only in a text
/// that holds strong evidence of the same damage; a text without it is returned unchanged.
///
/// Text damaged twice needs two calls; the offsets of the second call's repairs refer to the first
/// call's output.
public enum Mojibake {
    /// A single-byte encoding that UTF-8 bytes were wrongly decoded as.
    public enum Encoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case macRoman = "Mac OS Roman"
        /// Windows-1252, which also covers ISO 8859-1 (its C1 controls are taken back to their bytes).
        case windows1252 = "Windows-1252"

        public var description: String { rawValue }
    }

    /// The text with its mojibake repaired, and each repair; the identity (no repairs) on correct text.
    public static func repair(_ text: String) -> MojibakeRepair {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else {
            return MojibakeRepair(text: text, repairs: [])
        }
        let scalars = Array(text.unicodeScalars)
        let perTable = MojibakeTable.all.map { candidates(in: scalars, table: $0) }
        let strongCounts = perTable.map { list in list.count(where: { $0.strength == .strong }) }
        // The encoding with the most unmistakable damage wins where two readings overlap.
        let order = perTable.indices.sorted { (strongCounts[$1], $0) < (strongCounts[$0], $1) }
        var taken = [Bool](repeating: false, count: scalars.count)
        var accepted: [Candidate] = []
        for index in order where strongCounts[index] > 0 {
            for candidate in perTable[index] where !candidate.range.contains(where: { taken[$0] }) {
                accepted.append(candidate)
                for position in candidate.range { taken[position] = true }
            }
        }
        guard !accepted.isEmpty else { return MojibakeRepair(text: text, repairs: []) }
        accepted.sort { $0.range.lowerBound < $1.range.lowerBound }
        return apply(accepted, to: scalars)
    }

    /// How sure a segment is to be damage rather than correct text.
    enum Strength: Equatable {
        case weak, strong
    }

    /// A segment of a run that decodes to plausible text.
    struct Candidate {
        var range: Range<Int>
        var repaired: [Unicode.Scalar]
        var strength: Strength
        var encoding: Encoding
    }

    /// The plausible segments of `scalars` as damage through `table`, in text order.
    static func candidates(in scalars: [Unicode.Scalar], table: MojibakeTable) -> [Candidate] {
        var result: [Candidate] = []
        var start = 0
        while start < scalars.count {
            guard scalars[start].value >= 0x80, table.bytes[scalars[start]] != nil else {
                start += 1
                continue
            }
            var end = start
            var bytes: [UInt8] = []
            while end < scalars.count, let byte = table.bytes[scalars[end]] {
                bytes.append(byte)
                end += 1
            }
            if bytes.count >= 2 {
                result += segments(of: bytes, at: start, in: scalars, table: table)
            }
            start = end
        }
        return result
    }

    /// Cuts the bytes of one run (starting at scalar `runStart`) into well-formed segments and judges each.
    static func segments(
        of bytes: [UInt8], at runStart: Int, in scalars: [Unicode.Scalar], table: MojibakeTable
    ) -> [Candidate] {
        var result: [Candidate] = []
        var decoded: [Unicode.Scalar] = []
        var segmentStart = 0
        var offset = 0
        func close() {
            defer { decoded = [] }
            guard !decoded.isEmpty else { return }
            let range = (runStart + segmentStart)..<(runStart + offset)
            let before = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : nil
            let after = range.upperBound < scalars.count ? scalars[range.upperBound] : nil
            if let strength = judge(decoded, before: before, after: after) {
                result.append(Candidate(range: range, repaired: decoded, strength: strength, encoding: table.encoding))
            }
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if decoded.isEmpty { segmentStart = offset }
                decoded.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                close()
                offset += length
            case .emptyInput:
                close()
                break loop
            }
        }
        return result
    }

    /// Whether the scalars a segment decodes to are plausible text, and how strongly they show damage.
    ///
    /// `before` and `after` are the characters around the damaged segment in the text as given.
    static func judge(_ decoded: [Unicode.Scalar], before: Unicode.Scalar?, after: Unicode.Scalar?) -> Strength? {
        for (index, scalar) in decoded.enumerated() {
            switch scalar.properties.generalCategory {
            case .control, .privateUse, .surrogate, .unassigned:
                return nil
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A combining mark (or variation selector) needs a base character right before it.
                guard let base = index > 0 ? decoded[index - 1] : before,
                    !base.properties.isWhitespace, base.properties.generalCategory != .control
                else { return nil }
            default:
                if scalar.properties.isNoncharacterCodePoint { return nil }
            }
        }
        let wide = decoded.contains { $0.utf8.count >= 3 && !isWordCharacter($0) && !isMark($0) }
        let foreignLetters = decoded.count(where: { isWordCharacter($0) && !isLatinLetter($0) })
        let letterBefore = before.map(isASCIILetter) == true
        let letterAfter = after.map(isASCIILetter) == true
        let midWord = decoded.contains(where: isLatinLetter) && letterBefore && letterAfter
        if wide || foreignLetters >= 2 || midWord { return .strong }
        // One letter of another script glued to an ASCII word is correct text: "l’été" is "’é" in
        // Mac OS Roman, which decodes to the Armenian "Վ"; "mot—à" decodes to the Cyrillic "ш".
        if foreignLetters == 1 && (letterBefore || letterAfter) { return nil }
        return .weak
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// Latin letters with diacritics that European languages write: Latin-1, Latin Extended-A,
    /// Latin Extended Additional (Vietnamese). Latin Extended-B is left out on purpose: "«é" and
    /// "…é" in correct Mac OS Roman text would decode to letters of it.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xD7, 0xF7: false
        case 0xC0...0x17F, 0x1E00...0x1EFF: true
        default: false
        }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// Builds the repaired text from accepted, sorted, non-overlapping candidates.
    static func apply(_ accepted: [Candidate], to scalars: [Unicode.Scalar]) -> MojibakeRepair {
        var out = String.UnicodeScalarView()
        var repairs: [MojibakeRepair.Replacement] = []
        var position = 0
        var utf16Offset = 0
        var line = 1
        func copy(upTo end: Int) {
            while position < end {
                let scalar = scalars[position]
                out.append(scalar)
                utf16Offset += scalar.utf16.count
                if scalar == "\n" { line += 1 }
                position += 1
            }
        }
        for candidate in accepted {
            copy(upTo: candidate.range.lowerBound)
            let original = scalars[candidate.range]
            repairs.append(
                MojibakeRepair.Replacement(
                    original: String(String.UnicodeScalarView(original)),
                    repaired: String(String.UnicodeScalarView(candidate.repaired)),
                    encoding: candidate.encoding, utf16Offset: utf16Offset, line: line))
            out.append(contentsOf: candidate.repaired)
            utf16Offset += original.reduce(0) { $0 + $1.utf16.count }
            position = candidate.range.upperBound
        }
        copy(upTo: scalars.count)
        return MojibakeRepair(text: String(out), repairs: repairs)
    }
}
