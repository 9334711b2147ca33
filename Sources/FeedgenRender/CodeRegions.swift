/// Finds where a Markdown text has code (fenced blocks and inline spans), which kramdown-specific
/// rewriting must leave alone.
enum CodeRegions {
    /// If `line` opens or closes a code fence, its fence character and length.
    ///
    /// CommonMark: "a sequence of at least three consecutive backtick characters or tildes";
    /// indentation is allowed because fences also appear inside list items.
    static func fence(in line: Substring) -> (character: Character, count: Int, info: Substring)? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let run = trimmed.prefix(while: { $0 == first })
        guard run.count >= 3 else { return nil }
        let info = trimmed.dropFirst(run.count)
        // "If the info string comes after a backtick fence, it may not contain any backtick characters."
        if first == "`" && info.contains("`") { return nil }
        return (first, run.count, info)
    }

    /// Tells, line by line, whether a line is part of a fenced code block (fence lines included).
    static func fencedLines(_ lines: [Substring]) -> [Bool] {
        var inside: (character: Character, count: Int)?
        var result: [Bool] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if let open = inside {
                result.append(true)
                if let closing = fence(in: line), closing.character == open.character, closing.count >= open.count,
                    closing.info.allSatisfy({ $0 == " " || $0 == "\t" })
                {
                    inside = nil
                }
            } else if let opening = fence(in: line) {
                inside = (opening.character, opening.count)
                result.append(true)
            } else {
                result.append(false)
            }
        }
        return result
    }

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
