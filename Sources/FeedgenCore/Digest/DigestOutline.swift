import Foundation

/// One section of a post as the digest lists it: a heading and the stories under it.
public struct OutlineSection: Sendable, Equatable {
    /// Nil for the stories that come before the first heading.
    public var title: String?
    public var stories: [String]

    public init(title: String?, stories: [String] = []) {
        self.title = title
        self.stories = stories
    }
}

/// Finds what is inside a post from its Markdown body: its section headings and the story titles under them.
///
/// Taken from the Markdown rather than the rendered HTML because the newsletter's shape is in the source:
/// sections are the shallowest ATX headings of the post (`#` in most issues), and stories are either the
/// lines that are nothing but a bold title (`***Story***` or `**Story**`, as the English issues write them)
/// or deeper headings (`#### 1.1 Story`, as the Chinese issues write them). Fenced code is skipped, by the
/// same rule as the rendering's (`CodeFence`).
public enum DigestOutline {
    /// The sections of `markdown`, in order; empty when it has neither headings nor bold titles.
    public static func parse(_ markdown: String) -> [OutlineSection] {
        var headings: [(level: Int, text: String)?] = []  // nil for a bold story line
        var stories: [String] = []
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (rawLine, isCode) in zip(lines, CodeFence.fencedLines(lines)) where !isCode {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let heading = heading(line) {
                headings.append(heading)
                stories.append(heading.text)
            } else if let story = boldLine(line) {
                headings.append(nil)
                stories.append(story)
            }
        }
        let sectionLevel = headings.compactMap { $0?.level }.min() ?? 0
        var sections: [OutlineSection] = []
        for (heading, text) in zip(headings, stories) where !text.isEmpty {
            if let heading, heading.level == sectionLevel {
                sections.append(OutlineSection(title: text))
            } else if sections.isEmpty {
                sections.append(OutlineSection(title: nil, stories: [text]))
            } else {
                sections[sections.count - 1].stories.append(text)
            }
        }
        return sections
    }

    /// `## Title ##` -> (2, "Title"); nil when the line is not an ATX heading.
    static func heading(_ line: String) -> (level: Int, text: String)? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        // "The optional closing sequence of #s must be preceded by a space" (CommonMark 4.2).
        // Regex literals are built at every call: each is tried only when its first character is there.
        if text.utf8.contains(UInt8(ascii: "#")), let closing = text.firstMatch(of: #/\s+#+$/#) {
            text.removeSubrange(closing.range)
        }
        if text.allSatisfy({ $0 == "#" }) { text = "" }
        return (level, plain(text))
    }

    /// The title of a line that is only bold (or bold italic) text, e.g. `***Med7***`; nil otherwise.
    static func boldLine(_ line: String) -> String? {
        guard let first = line.utf8.first, first == UInt8(ascii: "*") || first == UInt8(ascii: "_"),
            let match = line.wholeMatch(of: #/(\*\*\*?|___?)(.+?)\1/#)
        else { return nil }
        let inner = String(match.2)
        guard !inner.contains(match.1), !inner.hasPrefix(" "), !inner.hasSuffix(" ") else { return nil }
        let text = plain(inner)
        return text.isEmpty ? nil : text
    }

    /// Inline Markdown and HTML turned into the text a reader sees: links keep their text, images,
    /// tags and emphasis markers go, backslash escapes are resolved, spaces are collapsed.
    public static func plain(_ markdown: String) -> String {
        var text = markdown
        if text.utf8.contains(UInt8(ascii: "[")) {
            text.replace(#/!\[[^\]]*\]\([^)]*\)/#, with: "")
            text.replace(#/\[([^\]]*)\]\([^)]*\)/#) { String($0.1) }
            text.replace(#/\[([^\]]*)\]\[[^\]]*\]/#) { String($0.1) }
        }
        if text.utf8.contains(UInt8(ascii: "<")) { text.replace(#/<[^>]+>/#, with: "") }
        var result = ""
        var characters = Array(text)[...]
        var previous: Character = " "
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first, next.isPunctuation || next.isSymbol {
                result.append(next)
                previous = characters.removeFirst()
            } else if character == "*" || character == "`" {
                continue
            } else if character == "_" && !(previous.isLetter || previous.isNumber)
                || character == "_" && !(characters.first.map { $0.isLetter || $0.isNumber } ?? false)
            {
                continue
            } else {
                result.append(character)
                previous = character
            }
        }
        text = result
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
