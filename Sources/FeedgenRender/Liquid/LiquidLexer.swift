/// Splits a Liquid template into text, `{{ output }}` and `{% tag %}` tokens.
///
/// Whitespace control (`{{-`, `-}}`, `{%-`, `-%}`) trims the neighbouring text as Liquid does, newlines
/// included. The bodies of `raw` and `comment` are not tokenized: `raw` keeps them as text.
struct LiquidLexer {
    enum Token: Equatable {
        case text(String)
        /// The markup between `{{` and `}}`, trimmed; `offset` is the UTF-8 offset of the `{{`.
        case output(String, offset: Int)
        /// A tag's name and the rest of its markup; `alone` when nothing but blanks shares its line.
        case tag(name: String, markup: String, offset: Int, alone: Bool)
    }

    /// A `{{` or `{%` that never closes: its two characters are dropped, the rest stays text.
    struct Unclosed: Equatable {
        var isTag: Bool
        var offset: Int
    }

    private(set) var tokens: [Token] = []
    private(set) var unclosed: [Unclosed] = []

    init(_ source: String) {
        let bytes = Array(source.utf8)
        var text: [UInt8] = []
        var trimNext = false
        var index = 0
        func flush() {
            if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
            text = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "{"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%")
            else {
                if trimNext && Self.isBlank(byte) {
                    index += 1
                    continue
                }
                trimNext = false
                text.append(byte)
                index += 1
                continue
            }
            trimNext = false
            let isTag = bytes[index + 1] == UInt8(ascii: "%")
            let closer = isTag ? UInt8(ascii: "%") : UInt8(ascii: "}")
            guard let close = Self.find(closer, UInt8(ascii: "}"), in: bytes, from: index + 2) else {
                unclosed.append(Unclosed(isTag: isTag, offset: index))
                index += 2
                continue
            }
            var bodyStart = index + 2
            var bodyEnd = close
            if bodyStart < bodyEnd, bytes[bodyStart] == UInt8(ascii: "-") {
                bodyStart += 1
                while let last = text.last, Self.isBlank(last) { text.removeLast() }
            }
            if bodyEnd > bodyStart, bytes[bodyEnd - 1] == UInt8(ascii: "-") {
                bodyEnd -= 1
                trimNext = true
            }
            let markup = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self).trimmingBlanks()
            let alone = Self.standsAlone(bytes, index, close + 2)
            flush()
            let start = index
            index = close + 2
            guard isTag else {
                tokens.append(.output(markup, offset: start))
                continue
            }
            let name = String(markup.prefix { !$0.isWhitespace })
            let rest = String(markup.dropFirst(name.count)).trimmingBlanks()
            tokens.append(.tag(name: name, markup: rest, offset: start, alone: alone))
            if name == "raw" || name == "comment" {
                let (content, after, trim) = Self.verbatim(bytes, from: index, endTag: "end" + name)
                if name == "raw" && !content.isEmpty { tokens.append(.text(String(decoding: content, as: UTF8.self))) }
                tokens.append(.tag(name: "end" + name, markup: "", offset: after, alone: false))
                index = after
                trimNext = trim
            }
        }
        flush()
    }

    /// The bytes up to `{% endTag %}`, the index after that tag, and whether it trims what follows.
    private static func verbatim(_ bytes: [UInt8], from start: Int, endTag: String) -> (ArraySlice<UInt8>, Int, Bool) {
        var cursor = start
        while cursor + 1 < bytes.count {
            if bytes[cursor] == UInt8(ascii: "{"), bytes[cursor + 1] == UInt8(ascii: "%"),
                let close = find(UInt8(ascii: "%"), UInt8(ascii: "}"), in: bytes, from: cursor + 2)
            {
                var body = String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self)
                var contentEnd = cursor
                if body.hasPrefix("-") {
                    body.removeFirst()
                    while contentEnd > start, isBlank(bytes[contentEnd - 1]) { contentEnd -= 1 }
                }
                let trims = body.hasSuffix("-")
                if trims { body.removeLast() }
                if body.trimmingBlanks() == endTag { return (bytes[start..<contentEnd], close + 2, trims) }
            }
            cursor += 1
        }
        return (bytes[start...], bytes.count, false)
    }

    private static func find(_ first: UInt8, _ second: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == first && bytes[index + 1] == second { return index }
            index += 1
        }
        return nil
    }

    /// Whether the tag from `start` to `end` starts its line and only blanks follow it on its last line.
    private static func standsAlone(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return false }
        var index = end
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") { return false }
            index += 1
        }
        return true
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
    }
}

extension String {
    /// The text without leading and trailing whitespace (newlines included).
    func trimmingBlanks() -> String {
        String(self[...].trimmingCharacters())
    }
}
