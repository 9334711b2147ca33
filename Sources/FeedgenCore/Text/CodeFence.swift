/// The CommonMark rule for fenced code blocks, shared by everything that must skip code in Markdown: the
/// kramdown rewriting before rendering and the digest's outline of a post.
public enum CodeFence {
    /// If `line` opens or closes a code fence, its fence character, length and info string.
    ///
    /// CommonMark: "a sequence of at least three consecutive backtick characters or tildes";
    /// indentation is allowed because fences also appear inside list items.
    public static func fence(in line: Substring) -> (character: Character, count: Int, info: Substring)? {
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
    ///
    /// "The closing code fence must be at least as long as the opening fence" and of the same character, and
    /// "may be followed only by spaces or tabs": ```` ``` ```` does not close a four-backtick block, nor does
    /// ```` ```sh ```` close any.
    public static func fencedLines<Line: StringProtocol>(_ lines: [Line]) -> [Bool]
    where Line.SubSequence == Substring {
        var inside: (character: Character, count: Int)?
        var result: [Bool] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            if let open = inside {
                result.append(true)
                if let closing = fence(in: line[...]), closing.character == open.character, closing.count >= open.count,
                    closing.info.allSatisfy({ $0 == " " || $0 == "\t" })
                {
                    inside = nil
                }
            } else if let opening = fence(in: line[...]) {
                inside = (opening.character, opening.count)
                result.append(true)
            } else {
                result.append(false)
            }
        }
        return result
    }
}
