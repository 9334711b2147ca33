/// Undoes one round of the commonest damage to UTF-8 text: bytes read as Mac OS Roman or Windows-1252
/// and saved again as UTF-8, so that "d’entraînement" reads "d‚Äôentra√Ænement" (Mac OS Roman) or
/// "dâ€™entraÃ®nement" (Windows-1252).
///
/// Every byte of a multi-byte UTF-8 sequence is 0x80 or above, so the damage turns each non-ASCII
/// character into a run of 2 to 4 characters from the encoding's upper half and leaves ASCII alone.
/// `repair` takes each maximal run of such characters, turns it back into bytes, and cuts it into
/// segments that are well-formed UTF-8 (a run may also hold correct characters next to damaged ones).
/// A segment is replaced only if what it decodes to is plausible text (no controls, private-use or
/// unassigned code points, combining marks only after a base), and correct text is never changed.
/// A segment is *strong* evidence when it is unmistakable: it decodes to punctuation, a symbol or an
/// emoji of three or four bytes (’ … € ❤); to two or more letters of one non-Latin script (简报,
/// Привет); or to a Latin letter inside an ASCII word ("num√©ro"), unless a quotation mark is part
/// of it ("IRMÃ’s" is correct text). Every other plausible segment is *weak* ("√†" alone could be
/// "à" or a square root and a dagger). Weak segments are repaired only in a text that holds strong
/// evidence of the same damage, and only in scripts that strong segments showed (or Greek, for lone
/// α and μ): in a damaged French post, the correct "l’été" stays, although "’é" is the Armenian "Վ"
/// read as Mac OS Roman. A text without strong evidence is returned unchanged. When both encodings
/// find evidence, the one whose strong segments cover more text wins overlaps, and the other adds
/// only strong segments.
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
        guard mayHoldDamage(text) else { return MojibakeRepair(text: text, repairs: []) }
        let scalars = Array(text.unicodeScalars)
        let perTable = MojibakeTable.all.map { candidates(in: scalars, table: $0) }
        // Evidence is how many characters strong segments cover, not how many segments there are:
        // a line of damaged Chinese is one long segment, and short spurious readings are many.
        let evidence = perTable.map { list in
            list.reduce(0) { $0 + ($1.strength == .strong ? $1.range.count : 0) }
        }
        let order = perTable.indices.sorted { (evidence[$1], $0) < (evidence[$0], $1) }
        // The scripts other than Latin that strong segments show: a weak segment may not bring a new
        // one, except Greek, whose lone letters (α, λ, μ) are common in technical English.
        let scripts = perTable.map { list in
            list.reduce(into: [greekBlock] as Set<Int>) { if $1.strength == .strong { $0.formUnion($1.scripts) } }
        }
        var taken = [Bool](repeating: false, count: scalars.count)
        var accepted: [Candidate] = []
        for (rank, index) in order.enumerated() where evidence[index] > 0 {
            // The encoding with the most evidence is trusted with its weak segments too, in the scripts
            // it showed; another encoding only fills the gaps with strong ones (a text damaged twice over).
            for candidate in perTable[index]
            where candidate.strength == .strong || rank == 0 && candidate.scripts.isSubset(of: scripts[index]) {
                guard !candidate.range.contains(where: { taken[$0] }) else { continue }
                accepted.append(candidate)
                for position in candidate.range { taken[position] = true }
            }
        }
        guard !accepted.isEmpty else { return MojibakeRepair(text: text, repairs: []) }
        accepted.sort { $0.range.lowerBound < $1.range.lowerBound }
        return apply(accepted, to: scalars)
    }

    /// Whether some table could read a piece of `text` as UTF-8: a character from a lead byte (`C2`–`F4`)
    /// followed by one from a continuation byte (`80`–`BF`). Without such a pair no segment decodes, so no
    /// candidate exists; ASCII text (a byte scan) and most correct text stop here without building the
    /// scalar array and the candidates of every table.
    static func mayHoldDamage(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        let tables = MojibakeTable.all
        var leads = [Bool](repeating: false, count: tables.count)
        for scalar in text.unicodeScalars {
            // ASCII, and U+3000–U+EFFF (CJK text), are in no table: no lookup.
            guard scalar.value >= 0x80, scalar.value < 0x3000 || scalar.value >= 0xF000 else {
                for index in leads.indices { leads[index] = false }
                continue
            }
            for (index, table) in tables.enumerated() {
                let byte = table.bytes[scalar]
                if leads[index], let byte, byte < 0xC0 { return true }
                leads[index] = byte.map { $0 >= 0xC2 && $0 <= 0xF4 } ?? false
            }
        }
        return false
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
        /// The `scriptBlock` of each letter it decodes to that is not Latin.
        var scripts: Set<Int>
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
            if let strength = judge(decoded, damaged: scalars[range], before: before, after: after) {
                let scripts = Set(decoded.filter(isForeignLetter).map(scriptBlock))
                result.append(
                    Candidate(
                        range: range, repaired: decoded, strength: strength, encoding: table.encoding,
                        scripts: scripts))
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
    /// `damaged` is the segment in the text as given, `before` and `after` the characters around it.
    static func judge(
        _ decoded: [Unicode.Scalar], damaged: ArraySlice<Unicode.Scalar>, before: Unicode.Scalar?,
        after: Unicode.Scalar?
    ) -> Strength? {
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
        let foreign = decoded.filter(isForeignLetter)
        let oneScript = foreign.count >= 2 && Set(foreign.map(scriptBlock)).count == 1
        let letterBefore = before.map(isASCIILetter) == true
        let letterAfter = after.map(isASCIILetter) == true
        // A word, a quotation mark or apostrophe, and more letters is how correct text looks too:
        // "IRMÃ’s" reads "IRMÒs" in Windows-1252.
        let quoted = damaged.contains {
            [.initialPunctuation, .finalPunctuation].contains($0.properties.generalCategory)
        }
        let midWord = decoded.contains(where: isLatinLetter) && letterBefore && letterAfter && !quoted
        return wide || oneScript || midWord ? .strong : .weak
    }

    /// A letter or digit that is not one of the Latin letters `isLatinLetter` knows.
    static func isForeignLetter(_ scalar: Unicode.Scalar) -> Bool {
        isWordCharacter(scalar) && !isLatinLetter(scalar)
    }

    static let greekBlock = -2

    /// A rough script of a letter, enough to tell a word of one script from a jumble of several:
    /// the scripts damage is seen in are grouped by range, other letters by 128-code-point block.
    static func scriptBlock(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0370...0x03FF, 0x1F00...0x1FFF: greekBlock
        case 0x0400...0x052F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: -3  // Cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: -4  // Arabic
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x3FFFF:
            -1  // Han, kana, Hangul, full-width forms
        default: Int(scalar.value >> 7)
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber:
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

    /// The Latin letters that languages write and damage is seen in: Latin-1 (with ª º µ), Latin
    /// Extended-A, Vietnamese and Romanian letters of Latin Extended-B, and Latin Extended Additional.
    /// The rest of Latin Extended-B is left out on purpose: "«é" and "…é" in correct Mac OS Roman
    /// text would decode to its letters (ǎ, Ɏ).
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xD7, 0xF7: false
        case 0xAA, 0xB5, 0xBA, 0xC0...0x17F: true
        case 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x218...0x21B: true
        case 0x1E00...0x1EFF: true
        default: false
        }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// Builds the repaired text from accepted, sorted, non-overlapping candidates.
    static func apply(_ accepted: [Candidate], to scalars: [Unicode.Scalar]) -> MojibakeRepair {
        // UTF-8 bytes, made a String once: appending scalar by scalar to a String copies it over and over.
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 2)
        var repairs: [MojibakeRepair.Replacement] = []
        var position = 0
        var utf16Offset = 0
        var line = 1
        func copy(upTo end: Int) {
            while position < end {
                let scalar = scalars[position]
                out.append(contentsOf: scalar.utf8)
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
            for scalar in candidate.repaired { out.append(contentsOf: scalar.utf8) }
            utf16Offset += original.reduce(0) { $0 + $1.utf16.count }
            position = candidate.range.upperBound
        }
        copy(upTo: scalars.count)
        return MojibakeRepair(text: String(decoding: out, as: UTF8.self), repairs: repairs)
    }
}
