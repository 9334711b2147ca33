import Foundation

/// One line of wrapped text.
public struct WrappedLine: Sendable, Equatable {
    public var text: String
    /// True when the paragraph goes on in the next line after a space: `format=flowed` marks such a line
    /// with a trailing space so mail readers can reflow it (RFC 3676 §4.2). False for the paragraph's last
    /// line and for a break between two Chinese or Japanese characters, where no space may be added.
    public var continues: Bool

    public init(_ text: String, continues: Bool = false) {
        self.text = text
        self.continues = continues
    }
}

/// Wraps a paragraph of plain text to a number of terminal columns.
///
/// - Widths are display widths (`DisplayWidth`), not character counts.
/// - Lines break at spaces; Chinese and Japanese also between any two characters, except before closing
///   punctuation (`。`, `、`, `」`, ...) or after opening punctuation (`「`, `（`, ...), the basic rule of
///   Japanese line breaking (kinsoku) that Chinese follows too. Korean uses spaces, so Hangul breaks at spaces.
/// - A URL is never broken: one too long for the line stands alone on its own line, with the marks glued to
///   it (below). Any other word longer than a line is cut between characters, so that no line is wider than
///   the width except a lone URL.
/// - Right-to-left text is kept in logical (typing) order, as mail and terminals expect: the reader's
///   bidi algorithm orders each line, so nothing is reversed and no direction marks are added.
/// - Lone marks stay with their word: French `?`, `!`, `:`, `»` and `«`, a dash or an ellipsis between spaces, and a
///   reference marker `[1]`.
/// - Runs of white space become one space; no line ends with a space.
public struct TextWrapper: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(width, 8)
    }

    /// A piece that is never split (except an over-long non-URL word), with whether a space came before it.
    struct Atom {
        var text: String
        var width: Int
        var spaceBefore: Bool
        var isURL: Bool
    }

    /// Wraps `text`; the first line starts with `indent`, the others with `hangingIndent`.
    public func wrap(_ text: String, indent: String = "", hangingIndent: String? = nil) -> [WrappedLine] {
        let hanging = hangingIndent ?? indent
        var lines: [WrappedLine] = []
        var current = indent
        var currentWidth = DisplayWidth.of(indent)
        var empty = true
        func newLine(continues: Bool) {
            // A break at the space inside a glued word (`： -` cut between characters) drops that space, and
            // the paragraph goes on after a space.
            let text = trimmed(current)
            lines.append(WrappedLine(text, continues: continues || text.count < current.count))
            current = hanging
            currentWidth = DisplayWidth.of(hanging)
            empty = true
        }
        for atom in Self.atoms(text) {
            let space = atom.spaceBefore && !empty ? 1 : 0
            if !empty && currentWidth + space + atom.width > width {
                newLine(continues: atom.spaceBefore)
            }
            if empty && currentWidth + atom.width > width && !atom.isURL {
                // A word wider than a whole line: cut it between characters.
                for character in atom.text {
                    if character == " " && empty { continue }
                    let characterWidth = DisplayWidth.of(character)
                    if !empty && currentWidth + characterWidth > width { newLine(continues: false) }
                    current.append(character)
                    currentWidth += characterWidth
                    empty = false
                }
                continue
            }
            if atom.spaceBefore && !empty {
                current += " "
                currentWidth += 1
            }
            current += atom.text
            currentWidth += atom.width
            empty = false
        }
        if !empty || lines.isEmpty { lines.append(WrappedLine(empty ? trimmed(current) : current)) }
        return lines
    }

    private func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }

    /// Splits text into atoms: words between spaces, and within words the single characters of Chinese and
    /// Japanese text (with the punctuation that must stay beside them).
    static func atoms(_ text: String) -> [Atom] {
        var atoms: [Atom] = []
        var pendingOpener = ""
        for (index, word) in text.split(whereSeparator: isBreakingSpace).enumerated() {
            // French `« mot »` and `mot ?`, and `2020 - 2029`: the lone mark stays with its word, so that no
            // line starts with `?` or `»`, and no wrapped list item seems to start a new one with `-`.
            if word.allSatisfy(gluesToPrevious.contains) || isReferenceMarker(word), let last = atoms.indices.last {
                atoms[last].text += " " + word
                atoms[last].width += 1 + DisplayWidth.of(word)
                continue
            }
            if word.allSatisfy(gluesToNext.contains) {
                pendingOpener += word + " "
                continue
            }
            let word = pendingOpener.isEmpty ? word : Substring(pendingOpener + word)
            pendingOpener = ""
            var rest = word
            var url: Substring = ""
            if let start = urlStart(word) {
                // A URL glued to ideographic text (`链接：https://...`) may start a line; glued to anything
                // else (`(https://...)`) it takes that text with it.
                if start > word.startIndex, isIdeographic(word[word.index(before: start)]) {
                    rest = word[..<start]
                    url = word[start...]
                } else {
                    rest = ""
                    url = word
                }
            }
            var piece = ""
            var first = true
            var previous: Character?
            for character in rest {
                if let previous, breaksBetween(previous, character) {
                    atoms.append(
                        Atom(text: piece, width: DisplayWidth.of(piece), spaceBefore: first && index > 0, isURL: false))
                    piece = ""
                    first = false
                }
                piece.append(character)
                previous = character
            }
            if !piece.isEmpty {
                atoms.append(
                    Atom(text: piece, width: DisplayWidth.of(piece), spaceBefore: first && index > 0, isURL: false))
                first = false
            }
            if !url.isEmpty {
                atoms.append(
                    Atom(text: String(url), width: DisplayWidth.of(url), spaceBefore: first && index > 0, isURL: true))
            }
        }
        if !pendingOpener.isEmpty {
            let text = String(pendingOpener.dropLast())
            atoms.append(Atom(text: text, width: DisplayWidth.of(text), spaceBefore: !atoms.isEmpty, isURL: false))
        }
        return atoms
    }

    /// White space a line may break at: any but the no-break spaces (U+00A0, U+2007, U+202F), which French
    /// puts before `:` and `?` precisely so they never start a line.
    static func isBreakingSpace(_ character: Character) -> Bool {
        character.isWhitespace && !["\u{00A0}", "\u{2007}", "\u{202F}"].contains(character)
    }

    /// `[12]`, the number of a link listed below: it stays with the word it follows, so that it never stands
    /// alone at the start of a line, where it would read as an entry of the list of links.
    static func isReferenceMarker(_ word: Substring) -> Bool {
        word.count >= 3 && word.first == "[" && word.last == "]" && word.dropFirst().dropLast().allSatisfy(\.isASCII)
            && word.dropFirst().dropLast().allSatisfy(\.isNumber)
    }

    /// Marks written as their own word that belong to the word before them.
    static let gluesToPrevious: Set<Character> = Set("?!:;.…»›-–—‐−%”)")
    /// Marks written as their own word that belong to the word after them.
    static let gluesToNext: Set<Character> = Set("«‹“(")

    /// Where a URL (`http://`, `https://`, `mailto:`) starts in a word, if one does.
    static func urlStart(_ word: Substring) -> Substring.Index? {
        ["https://", "http://", "mailto:"].compactMap { word.range(of: $0, options: .caseInsensitive)?.lowerBound }
            .min()
    }

    /// Whether a line may break between two characters that no space separates.
    static func breaksBetween(_ before: Character, _ after: Character) -> Bool {
        guard isIdeographic(before) || isIdeographic(after) else { return false }
        return !noBreakBefore.contains(after) && !noBreakAfter.contains(before)
    }

    /// Han, kana, CJK punctuation and fullwidth forms: the scripts written without spaces.
    static func isIdeographic(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x30FF).contains(value) || (0x31C0...0x31FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFFEF).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    /// Closing punctuation, small kana and marks that may not start a line (JIS X 4051 classes 2-6).
    static let noBreakBefore: Set<Character> = Set(
        "、。，．,.：；:;？！?!）」』】〕〉》］｝)]}”’・ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ〜…‥%％")
    /// Opening punctuation that may not end a line (JIS X 4051 class 1).
    static let noBreakAfter: Set<Character> = Set("（「『【〔〈《［｛([{“‘")
}
