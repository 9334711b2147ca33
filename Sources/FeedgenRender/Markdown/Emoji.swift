/// Replaces jemoji short codes (`:smile:`) in prose with their emoji, as the site's jemoji plugin does.
enum Emoji {
    /// Short code (without colons) to emoji, read once from the generated table.
    static let table: [Substring: String] = {
        var table: [Substring: String] = [:]
        for line in EmojiTable.source.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            table[line[..<tab]] = String(line[line.index(after: tab)...])
        }
        return table
    }()

    /// `text` with every known `:name:` replaced; unknown names stay as written.
    ///
    /// jemoji's pattern is `:([\w+-]+):`; callers never pass code, and a word holding `://`
    /// (a URL written as text) is left alone.
    static func replaceShortcodes(in text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: ":")) else { return String(text) }
        var result = ""
        var cursor = text.startIndex
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let nameStart = text.index(after: colon)
            let nameEnd = text[nameStart...].firstIndex { !isNameCharacter($0) } ?? text.endIndex
            guard nameEnd > nameStart, nameEnd < text.endIndex, text[nameEnd] == ":" else {
                index = nameStart
                continue
            }
            if let emoji = table[text[nameStart..<nameEnd]], !isInsideURL(text, at: colon) {
                result += text[cursor..<colon]
                result += emoji
                cursor = text.index(after: nameEnd)
                index = cursor
            } else {
                index = nameEnd
            }
        }
        return result + text[cursor...]
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII
            && (character.isLetter || character.isNumber || character == "_" || character == "+" || character == "-")
    }

    /// Whether the whitespace-delimited word around `index` looks like a URL.
    private static func isInsideURL(_ text: Substring, at index: String.Index) -> Bool {
        let start = text[..<index].lastIndex(where: \.isWhitespace).map { text.index(after: $0) } ?? text.startIndex
        let end = text[index...].firstIndex(where: \.isWhitespace) ?? text.endIndex
        let word = text[start..<end]
        return word.containsBytes("://") || word.hasPrefix("www.")
    }
}
