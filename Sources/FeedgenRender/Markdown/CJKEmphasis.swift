/// Bold text that kramdown renders but CommonMark's flanking rules leave as literal `**` next to Chinese and
/// Japanese text.
///
/// CommonMark lets `**` open only when it is "left-flanking": `栏目**「NLP 简报」**，` has a letter before the
/// opener and punctuation after it, so cmark-gfm shows the asterisks, while kramdown (and so the live site)
/// shows bold. Written without spaces, CJK text hits this all the time. Such a pair on one line, touching CJK
/// text, becomes `<strong>…</strong>` (inline HTML, whose content cmark still parses as Markdown).
enum CJKEmphasis {
    static func rewrite(_ line: String) -> String {
        // Byte scans first: most lines are ASCII (no CJK to touch) or have no `**`; the `Character` checks
        // below stay the rule.
        let bytes = line.utf8
        guard bytes.contains(where: { $0 >= 0x80 }), line.containsBytes("**") else { return line }
        guard line.contains("**"), !(line.containsBytes("`") && line.contains("`")) else { return line }
        let characters = Array(line)
        var openers: [Int] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "*" {
                var end = index
                while end < characters.count, characters[end] == "*" { end += 1 }
                if end - index == 2 { openers.append(index) }
                index = end
            } else {
                index += 1
            }
        }
        guard openers.count >= 2 else { return line }
        var replacements: [(open: Int, close: Int)] = []
        for pair in stride(from: 0, to: openers.count - 1, by: 2) {
            let open = openers[pair]
            let close = openers[pair + 1]
            guard close > open + 2 else { continue }
            let before = open > 0 ? characters[open - 1] : nil
            let first = characters[open + 2]
            let last = characters[close - 1]
            let after = close + 2 < characters.count ? characters[close + 2] : nil
            guard !first.isWhitespace, !last.isWhitespace else { continue }
            let commonMarkOpens = !isPunctuation(first) || before.map { $0.isWhitespace || isPunctuation($0) } ?? true
            let commonMarkCloses = !isPunctuation(last) || after.map { $0.isWhitespace || isPunctuation($0) } ?? true
            guard !(commonMarkOpens && commonMarkCloses) else { continue }
            let touchesCJK = [before, first, last, after].contains { $0.map(isCJK) ?? false }
            if touchesCJK { replacements.append((open, close)) }
        }
        guard !replacements.isEmpty else { return line }
        var result = characters
        for (open, close) in replacements.reversed() {
            result.replaceSubrange(close..<close + 2, with: "</strong>")
            result.replaceSubrange(open..<open + 2, with: "<strong>")
        }
        return String(result)
    }

    /// Unicode punctuation and symbols, as CommonMark's flanking rules count them.
    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }

    /// Han, kana, Hangul, and CJK or full-width punctuation.
    private static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
