import Foundation

/// kramdown's math, as it writes it for MathJax: `$$…$$` inside a paragraph becomes `\(…\)`, and a `$$…$$`
/// that is a whole block (a paragraph, a list item's or a quote's only content) becomes `\[…\]`, with the TeX
/// trimmed of surrounding white space in both (kramdown 2.4 with `math_engine: mathjax`, its default, writes
/// `<p>Inline \(a &lt; b\)</p>` and, for a block, `\[E = mc^2\]` outside any `<p>`).
///
/// A small pass of its own: `KramdownPreprocessor` finds the `$$` pairs outside code, this decides what each
/// one becomes.
enum KramdownMath {
    /// The piece that stands for the math `tex` (without its `$$`): display math when `isBlock`, else inline.
    static func piece(_ tex: Substring, isBlock: Bool) -> Placeholders.Piece {
        let trimmed = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        return isBlock ? .displayMath("\\[" + trimmed + "\\]") : .text("\\(" + trimmed + "\\)")
    }

    /// True when the `$$` pair at `open..<close` is a block of its own in `text` (lines of one run outside
    /// code): only white space and container markers (`>`, `-`, `*`, `+`, `1.`) before it on its line, that
    /// line starting a block (the first of the run, after a blank line, or opening a quote or list item), and
    /// nothing but white space after it up to a blank line, the end, or (in a list) the next item.
    static func isBlock(_ text: Substring, open: String.Index, close: String.Index) -> Bool {
        let lineStart = text[..<open].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let prefix = text[lineStart..<open]
        guard let marker = prefix.wholeMatch(of: #/[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*)*/#) else { return false }
        let opensContainer = !marker.output.allSatisfy { $0 == " " || $0 == "\t" }
        if !opensContainer, lineStart > text.startIndex {
            let previousEnd = text.index(before: lineStart)
            let previousStart =
                text[..<previousEnd].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            guard text[previousStart..<previousEnd].allSatisfy({ $0 == " " || $0 == "\t" }) else { return false }
        }
        let lineEnd = text[close...].firstIndex(of: "\n") ?? text.endIndex
        guard text[close..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" }) else { return false }
        guard lineEnd < text.endIndex else { return true }
        let nextStart = text.index(after: lineEnd)
        let nextEnd = text[nextStart...].firstIndex(of: "\n") ?? text.endIndex
        let next = text[nextStart..<nextEnd]
        return next.allSatisfy { $0 == " " || $0 == "\t" }
            || opensContainer && next.prefixMatch(of: #/[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/#) != nil
    }
}
