/// Finds where a Markdown text has inline code spans, which kramdown-specific rewriting must leave alone
/// (fenced blocks: `CodeFence`, shared with the digest).
enum CodeRegions {
    /// The ranges of inline code spans in `text` (backticks included).
    ///
    /// CommonMark: "A code span begins with a backtick string and ends with a backtick string of equal
    /// length." A span does not run across a blank line, since that ends the paragraph.
    static func inlineSpans(in text: Substring) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "`" else {
                // A backslash-escaped backtick starts no span.
                if text[index] == "\\" {
                    index = text.index(after: index)
                    if index < text.endIndex { index = text.index(after: index) }
                    continue
                }
                index = text.index(after: index)
                continue
            }
            let runEnd = text[index...].firstIndex(where: { $0 != "`" }) ?? text.endIndex
            let length = text.distance(from: index, to: runEnd)
            var search = runEnd
            var closeEnd: String.Index?
            while search < text.endIndex {
                if text[search] == "`" {
                    let end = text[search...].firstIndex(where: { $0 != "`" }) ?? text.endIndex
                    if text.distance(from: search, to: end) == length {
                        closeEnd = end
                        break
                    }
                    search = end
                } else if text[search] == "\n", isBlankLineAhead(text, after: search) {
                    break
                } else {
                    search = text.index(after: search)
                }
            }
            if let closeEnd {
                spans.append(index..<closeEnd)
                index = closeEnd
            } else {
                index = runEnd
            }
        }
        return spans
    }

    /// Whether the line after the newline at `newline` is blank.
    private static func isBlankLineAhead(_ text: Substring, after newline: String.Index) -> Bool {
        var cursor = text.index(after: newline)
        while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" {
            cursor = text.index(after: cursor)
        }
        return cursor == text.endIndex || text[cursor] == "\n"
    }
}
