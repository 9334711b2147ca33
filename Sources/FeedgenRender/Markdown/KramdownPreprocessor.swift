import FeedgenCore

/// Rewrites the kramdown-only syntax of a post into CommonMark that cmark-gfm renders the way the site does.
///
/// What changes, outside fenced code and code spans:
/// - `$$…$$` math becomes a placeholder holding what kramdown writes for it (`KramdownMath`), so TeX reaches the
///   output untouched;
/// - a line holding only `\\` (kramdown's spacer) becomes a hard break between two lines of a
///   paragraph, or an empty line where it stands between blocks;
/// - a line ending in `\\` (kramdown's hard break) ends in `\` (CommonMark's);
/// - attribute lists and extensions (`{: .x}`, `{:toc}` with its `* TOC` seed list, `{::options …}`,
///   `{::comment}…{:/comment}`, `# Title {#id}`) are removed.
struct KramdownPreprocessor {
    /// Returns the CommonMark text; math goes into `placeholders`.
    static func process(_ markdown: String, placeholders: inout Placeholders) -> String {
        let withMath = protectMath(markdown, placeholders: &placeholders)
        return rewriteLines(withMath)
    }

    // MARK: Math

    /// Replaces each `$$…$$` outside code by a text placeholder.
    ///
    /// kramdown: "math blocks and inline math are both written with `$$`"; a blank line ends a paragraph,
    /// so a `$$` pair never spans one.
    static func protectMath(_ text: String, placeholders: inout Placeholders) -> String {
        guard text.containsBytes("$$") else { return text }
        let lines = text.lines()
        let fenced = CodeFence.fencedLines(lines)
        var output: [String] = []
        var run: [Substring] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            output.append(replaceMath(in: run.joined(separator: "\n")[...], placeholders: &placeholders))
            run.removeAll()
        }
        for (line, isCode) in zip(lines, fenced) {
            if isCode {
                flushRun()
                output.append(String(line))
            } else {
                run.append(line)
            }
        }
        flushRun()
        return output.joined(separator: "\n")
    }

    private static func replaceMath(in text: Substring, placeholders: inout Placeholders) -> String {
        guard text.containsBytes("$$") else { return String(text) }
        let spans = CodeRegions.inlineSpans(in: text)
        func inSpan(_ index: String.Index) -> Bool { spans.contains { $0.contains(index) } }
        func nextDelimiter(from start: String.Index) -> Range<String.Index>? {
            var cursor = start
            while let found = text.findBytes("$$", from: cursor) {
                let escaped = found.lowerBound > text.startIndex && text[text.index(before: found.lowerBound)] == "\\"
                if !escaped && !inSpan(found.lowerBound) { return found }
                cursor = found.upperBound
            }
            return nil
        }
        var result = ""
        var cursor = text.startIndex
        var searchFrom = text.startIndex
        while let open = nextDelimiter(from: searchFrom), let close = nextDelimiter(from: open.upperBound) {
            let body = text[open.upperBound..<close.lowerBound]
            if body.isEmpty || containsBlankLine(body) {
                searchFrom = close.lowerBound
                continue
            }
            result += text[cursor..<open.lowerBound]
            let isBlock = KramdownMath.isBlock(text, open: open.lowerBound, close: close.upperBound)
            result += placeholders.add(KramdownMath.piece(body, isBlock: isBlock))
            cursor = close.upperBound
            searchFrom = close.upperBound
        }
        return result + text[cursor...]
    }

    private static func containsBlankLine(_ text: Substring) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            .contains { $0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    // MARK: Lines

    private static func rewriteLines(_ text: String) -> String {
        let lines = text.lines()
        let fenced = CodeFence.fencedLines(lines)
        var output: [String] = []
        output.reserveCapacity(lines.count)
        var inComment = false
        for (index, line) in lines.enumerated() {
            if fenced[index] || (!inComment && !line.containsByte(where: Self.isSignificant)) {
                output.append(String(line))
                continue
            }
            let trimmed = line.trimmingSpaces()
            if inComment {
                if trimmed.hasPrefix("{:/") { inComment = false }
                output.append("")
                continue
            }
            if trimmed.hasPrefix("{::comment}") {
                inComment = !trimmed.containsBytes("{:/")
                output.append("")
                continue
            }
            if isExtensionLine(trimmed) {
                if trimmed.replacingOccurrences(of: " ", with: "") == "{:toc}" { removeSeedList(&output) }
                output.append("")
                continue
            }
            if isSpacer(trimmed) {
                let next = index + 1 < lines.count && !fenced[index + 1] ? lines[index + 1] : ""
                if let last = output.last, joinsParagraph(previous: last, next: next) {
                    output[output.count - 1] = last.trimmingTrailingSpaces() + "\\"
                } else {
                    output.append("")
                }
                continue
            }
            var rewritten = CJKEmphasis.rewrite(separateGluedURLs(in: removeInlineAttributes(from: line)))
            if endsInHardBreak(rewritten) {
                rewritten = rewritten.trimmingTrailingSpaces()
                rewritten.removeLast(2)
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                if joinsParagraph(previous: rewritten, next: next) {
                    rewritten = rewritten.trimmingTrailingSpaces() + "\\"
                }
            }
            output.append(rewritten)
        }
        return output.joined(separator: "\n")
    }

    /// Whether a byte can start anything this rewriter changes: `{` (attribute lists), `\` (breaks),
    /// `:` (URLs glued to Markdown), `*` (bold next to CJK text). A line without any is copied as it is.
    private static func isSignificant(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "*")
    }

    /// Whether a line ends in `\\` before any trailing spaces and tabs (kramdown's hard break), read from the end
    /// of its bytes without copying the line: the same answer as comparing `Character`s, since a combining mark
    /// after a space or backslash shows as a byte that is neither.
    static func endsInHardBreak(_ line: String) -> Bool {
        var bytes = line.utf8.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.makeIterator()
        return bytes.next() == UInt8(ascii: "\\") && bytes.next() == UInt8(ascii: "\\")
    }

    /// Whether a line is only `\\` (kramdown's spacer).
    private static func isSpacer(_ trimmed: Substring) -> Bool { trimmed == "\\\\" }

    /// Whether a trimmed line is a block attribute list, definition or extension on its own.
    private static func isExtensionLine(_ trimmed: Substring) -> Bool {
        trimmed.hasPrefix("{:") && trimmed.hasSuffix("}")
            && trimmed.dropFirst().dropLast().allSatisfy { $0 != "{" && $0 != "}" }
    }

    /// A break can join `previous` and `next` only when both are paragraph text: otherwise CommonMark
    /// would show the `\` of the hard break literally.
    private static func joinsParagraph(previous: String, next: Substring) -> Bool {
        let previousTrimmed = previous.trimmingSpaces()
        let nextTrimmed = next.trimmingSpaces()
        if previousTrimmed.isEmpty || nextTrimmed.isEmpty { return false }
        if previousTrimmed.hasPrefix("#") || previousTrimmed.hasSuffix("\\") { return false }
        if previousTrimmed.hasPrefix("|") || previousTrimmed.hasPrefix("<") { return false }
        if isRule(previousTrimmed) { return false }
        return !startsBlock(nextTrimmed)
    }

    /// Whether a trimmed line is a horizontal rule (or a setext underline): three or more `-`, `*` or
    /// `_`, spaces allowed. kramdown: "a horizontal rule is … three or more asterisks, dashes or
    /// underscores … on a line by themselves", so a `\\` after it cannot continue it as a paragraph.
    static func isRule(_ line: Substring) -> Bool {
        guard let first = line.first, first == "-" || first == "*" || first == "_" else { return false }
        let marks = line.filter { $0 != " " && $0 != "\t" }
        return marks.count >= 3 && marks.allSatisfy { $0 == first }
    }

    /// Whether a trimmed line opens a block that interrupts a paragraph.
    static func startsBlock(_ line: Substring) -> Bool {
        guard let first = line.first else { return true }
        switch first {
        case "#", ">", "<", "|", "`", "~", "{": return true
        case "-", "*", "+":
            let rest = line.dropFirst()
            return rest.isEmpty || rest.first == " " || rest.first == "\t"
                || rest.allSatisfy { $0 == first || $0 == " " }
        case "=": return line.allSatisfy { $0 == "=" || $0 == " " }
        default:
            let digits = line.prefix(while: \.isASCIIDigitCharacter)
            guard !digits.isEmpty, digits.count <= 9 else { return false }
            let rest = line.dropFirst(digits.count)
            return (rest.first == "." || rest.first == ")") && (rest.count == 1 || rest.dropFirst().first == " ")
        }
    }

    /// Drops the list that a `{:toc}` turns into a table of contents (kramdown: "the list is replaced by
    /// the TOC"), which the feed leaves out.
    private static func removeSeedList(_ output: inout [String]) {
        while let last = output.last, !last.trimmingSpaces().isEmpty {
            let trimmed = last.trimmingSpaces()
            guard startsBlock(trimmed), !trimmed.hasPrefix("#") else { return }
            output.removeLast()
        }
    }

    /// Ends a bare URL where Markdown glued to it begins: `https://a.org/x[13]**Title:**`.
    ///
    /// kramdown does not link bare URLs, so on the site the `**…**` is bold; the GFM autolink extension
    /// would swallow it into the link text. Such a URL is written `<https://a.org/x>` (a CommonMark
    /// autolink) so the rest stays Markdown. URLs that glue to nothing are left to the extension.
    static func separateGluedURLs(in line: String) -> String {
        guard line.containsBytes("://"), line.containsBytes("**") || line.containsBytes("[") else { return line }
        var spans: [Range<String.Index>]?  // computed only when a URL is about to be cut
        var result = ""
        var cursor = line.startIndex
        var search = line.startIndex
        while let found = line.findBytes("http", from: search) {
            search = found.upperBound
            let rest = line[found.lowerBound...]
            guard rest.hasPrefix("http://") || rest.hasPrefix("https://") else { continue }
            if found.lowerBound > line.startIndex {
                let previous = line[line.index(before: found.lowerBound)]
                if "(<\"'=/[".contains(previous) || (previous.isASCII && (previous.isLetter || previous.isNumber)) {
                    continue
                }
            }
            let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) ?? line.endIndex
            let candidate = line[found.lowerBound..<end]
            let glue = [candidate.findBytes("**"), candidate.findBytes("[")].compactMap { $0?.lowerBound }.min()
            guard let glue, candidate[..<glue].count > "https://".count else { continue }
            let codeSpans = spans ?? CodeRegions.inlineSpans(in: line[...])
            spans = codeSpans
            if codeSpans.contains(where: { $0.contains(found.lowerBound) }) { continue }
            result += line[cursor..<found.lowerBound] + "<" + line[found.lowerBound..<glue] + ">"
            cursor = glue
            search = glue
        }
        return result + line[cursor...]
    }

    /// Removes span attribute lists (`*x*{: .red}`) and a header's `{#id}` outside code spans.
    static func removeInlineAttributes(from line: Substring) -> String {
        guard line.containsBytes("{:") || line.containsBytes("{#") else { return String(line) }
        let spans = CodeRegions.inlineSpans(in: line)
        var result = ""
        var cursor = line.startIndex
        var index = line.startIndex
        let isHeader = line.trimmingSpaces().hasPrefix("#")
        while index < line.endIndex {
            let next = line.index(after: index)
            if line[index] == "{", next < line.endIndex, line[next] == ":" || (isHeader && line[next] == "#"),
                !spans.contains(where: { $0.contains(index) }),
                let close = line[next...].firstIndex(of: "}")
            {
                let isHeaderID = line[next] == "#"
                if !isHeaderID || line[line.index(after: close)...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    result += line[cursor..<index]
                    if isHeaderID { result = result.trimmingTrailingSpaces() }
                    cursor = line.index(after: close)
                    index = cursor
                    continue
                }
            }
            index = next
        }
        return result + line[cursor...]
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let start = firstIndex(where: { $0 != " " && $0 != "\t" }) ?? endIndex
        let end = lastIndex(where: { $0 != " " && $0 != "\t" }).map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }

    /// The text without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> String {
        let end = lastIndex(where: { $0 != " " && $0 != "\t" }).map { index(after: $0) } ?? startIndex
        return String(self[startIndex..<end])
    }
}

extension String {
    /// The text's lines, split at LF bytes (faster than splitting `Character`s, which needs grapheme
    /// breaking; the same here since CRLF was already folded to LF).
    func lines() -> [Substring] {
        utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
