import Clibxml2

/// A short plain-text summary of rendered post HTML, for a feed's `description` or `summary`.
public enum Summary {
    /// The text of the first paragraph that has real text, capped at `limit` characters.
    ///
    /// Paragraphs holding only images, spacer backslashes or links (captions, credits) are skipped.
    /// Markup is dropped, entities decoded and whitespace collapsed. A longer text is cut at a word
    /// boundary and ends with `…` (CJK text, which has no spaces, at a character boundary); counts
    /// are in `Character`s, so a grapheme cluster (an emoji, a letter with its accents) is never split.
    public static func plainText(fromHTML html: String, limit: Int) -> String {
        guard limit > 0, let fragment = try? HTMLFragment(html: html) else { return "" }
        var paragraphs: [xmlNodePtr] = []
        collectParagraphs(in: fragment.body, into: &paragraphs)
        let chosen = paragraphs.first { hasRealText($0) } ?? paragraphs.first { !collapse($0.textContent).isEmpty }
        let text = collapse(chosen?.textContent ?? fragment.body.textContent)
        return truncate(text, limit: limit)
    }

    private static func collectParagraphs(in node: xmlNodePtr, into paragraphs: inout [xmlNodePtr]) {
        for child in node.elementChildren {
            if child.name == "p" {
                paragraphs.append(child)
            } else if !HTMLCleaner.codeElements.contains(child.name) {
                collectParagraphs(in: child, into: &paragraphs)
            }
        }
    }

    /// Whether the paragraph has a letter or digit outside links (and is not only backslashes).
    private static func hasRealText(_ node: xmlNodePtr) -> Bool {
        var found = false
        func visit(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child, !found {
                if current.pointee.type == XML_TEXT_NODE {
                    found = current.content.contains { $0.isLetter || $0.isNumber }
                } else if current.pointee.type == XML_ELEMENT_NODE && current.name != "a" {
                    visit(current)
                }
                child = current.pointee.next
            }
        }
        visit(node)
        return found
    }

    /// Whitespace runs as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` cut to at most `limit` characters, `…` included.
    static func truncate(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        // A word boundary when there is one in the second half; otherwise (CJK, one long word) the
        // character boundary itself.
        if let space = cut.lastIndex(where: \.isWhitespace),
            cut.distance(from: cut.startIndex, to: space) >= (limit - 1) / 2
        {
            let nextIsSpace = text[cut.endIndex].isWhitespace
            if !nextIsSpace { cut = cut[..<space] }
        }
        while let last = cut.last, last.isWhitespace || ",;:-–—(".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
