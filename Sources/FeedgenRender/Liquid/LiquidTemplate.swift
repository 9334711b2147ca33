import FeedgenCore

/// A parsed Liquid template: text, outputs and the tags Jekyll posts use, as a tree.
struct LiquidTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// `{{ … }}`; nil when the markup could not be read (it is dropped with a warning).
        case output(LiquidFilteredExpression?, markup: String, offset: Int)
        case assign(String, LiquidFilteredExpression, offset: Int)
        case capture(String, [Node])
        /// `if`/`elsif`/`else` (and `unless`, its first condition negated): the first branch whose
        /// condition holds (nil: `else`) is rendered.
        case branches([(condition: LiquidCondition?, negated: Bool, body: [Node])])
        case caseWhen(LiquidExpression, whens: [(values: [LiquidExpression], body: [Node])], otherwise: [Node])
        case forLoop(ForLoop)
        case breakLoop
        case continueLoop
        case include(name: String, parameters: [(String, LiquidExpression)], offset: Int, alone: Bool)
        case postURL(String, offset: Int)
        case link(String, offset: Int)
        case highlight(language: String, lineNumbers: Bool, body: [Node], alone: Bool)
    }

    struct ForLoop: Sendable {
        var variable: String
        var collection: LiquidExpression
        var limit: LiquidExpression?
        var offset: LiquidExpression?
        var reversed: Bool
        var body: [Node]
        var otherwise: [Node]
        var sourceOffset: Int
    }

    /// A problem found while parsing, at a UTF-8 offset of the source.
    struct Problem: Sendable, Equatable {
        var message: String
        var offset: Int
    }

    var nodes: [Node] = []
    var problems: [Problem] = []

    init(_ source: String) {
        let lexer = LiquidLexer(source)
        for unclosed in lexer.unclosed {
            let opener = unclosed.isTag ? "{%" : "{{"
            problems.append(
                Problem(
                    message: "unclosed Liquid \(unclosed.isTag ? "tag" : "output"); its '\(opener)' was removed",
                    offset: unclosed.offset))
        }
        var parser = Parser(tokens: lexer.tokens)
        nodes = parser.parseBlock(until: []).nodes
        problems += parser.problems
        problems.sort { $0.offset < $1.offset }
    }

    /// The tag names that close or divide each block tag.
    private static let blockEnds: [String: Set<String>] = [
        "if": ["elsif", "else", "endif"], "unless": ["elsif", "else", "endunless"],
        "case": ["when", "else", "endcase"],
        "for": ["else", "endfor"], "capture": ["endcapture"], "raw": ["endraw"], "comment": ["endcomment"],
        "highlight": ["endhighlight"],
    ]

    private struct Parser {
        var tokens: [LiquidLexer.Token]
        var position = 0
        var problems: [Problem] = []

        init(tokens: [LiquidLexer.Token]) { self.tokens = tokens }

        /// Nodes up to one of the tags in `ends` (returned, with its markup), or the end of the template.
        mutating func parseBlock(until ends: Set<String>) -> (
            nodes: [Node], end: (name: String, markup: String, offset: Int)?
        ) {
            var nodes: [Node] = []
            while position < tokens.count {
                let token = tokens[position]
                position += 1
                switch token {
                case .text(let text):
                    nodes.append(.text(text))
                case .output(let markup, let offset):
                    nodes.append(.output(LiquidExpressionParser.filtered(markup), markup: markup, offset: offset))
                case .tag(let name, let markup, let offset, let alone):
                    if ends.contains(name) { return (nodes, (name, markup, offset)) }
                    if let node = parseTag(name, markup, offset: offset, alone: alone) { nodes.append(node) }
                }
            }
            return (nodes, nil)
        }

        private mutating func unsupported(_ name: String, _ markup: String, _ offset: Int) {
            let body = markup.isEmpty ? name : "\(name) \(markup)"
            problems.append(Problem(message: "unsupported Liquid tag '{% \(body) %}' removed", offset: offset))
        }

        /// The body of a block tag up to its end; a block never closed ends with the template, with a warning.
        private mutating func block(_ name: String, _ markup: String = "", offset: Int) -> [(
            name: String, markup: String, body: [Node]
        )] {
            var parts: [(String, String, [Node])] = []
            var current = (name: name, markup: markup)
            let ends = LiquidTemplate.blockEnds[name] ?? []
            while true {
                let (nodes, end) = parseBlock(until: ends)
                parts.append((current.name, current.markup, nodes))
                guard let end else {
                    problems.append(
                        Problem(
                            message: "Liquid tag '{% \(name) %}' is never closed; it ends with the post", offset: offset
                        ))
                    return parts
                }
                if end.name == "end\(name)" { return parts }
                current = (end.name, end.markup)
            }
        }

        private mutating func parseTag(_ name: String, _ markup: String, offset: Int, alone: Bool) -> Node? {
            switch name {
            case "assign":
                guard let equals = markup.firstIndex(of: "="),
                    let value = LiquidExpressionParser.filtered(String(markup[markup.index(after: equals)...]))
                else {
                    unsupported(name, markup, offset)
                    return nil
                }
                return .assign(String(markup[..<equals]).trimmingBlanks(), value, offset: offset)
            case "capture":
                let body = block(name, offset: offset).first?.body ?? []
                return .capture(markup, body)
            case "if", "unless":
                var branches: [(LiquidCondition?, Bool, [Node])] = []
                for (index, part) in block(name, markup, offset: offset).enumerated() {
                    if part.name == "else" {
                        branches.append((nil, false, part.body))
                        continue
                    }
                    guard let condition = LiquidExpressionParser.condition(part.markup) else {
                        unsupported(part.name, part.markup, offset)
                        // An unreadable condition is false: its branch is not shown.
                        branches.append((.value(.literal(.bool(false))), false, []))
                        continue
                    }
                    branches.append((condition, name == "unless" && index == 0, part.body))
                }
                return .branches(branches)
            case "case":
                let parts = block(name, offset: offset)
                guard var subjectParser = LiquidExpressionParser(markup), let subject = subjectParser.expression()
                else {
                    unsupported(name, markup, offset)
                    return nil
                }
                var whens: [([LiquidExpression], [Node])] = []
                var otherwise: [Node] = []
                for part in parts.dropFirst() {
                    if part.name == "else" {
                        otherwise = part.body
                    } else if let values = Self.whenValues(part.markup) {
                        whens.append((values, part.body))
                    } else {
                        unsupported(part.name, part.markup, offset)
                    }
                }
                return .caseWhen(subject, whens: whens, otherwise: otherwise)
            case "for":
                let parts = block(name, offset: offset)
                guard var loop = Self.forLoop(markup, offset: offset) else {
                    unsupported(name, markup, offset)
                    return nil
                }
                loop.body = parts.first?.body ?? []
                loop.otherwise = parts.count > 1 ? parts[1].body : []
                return .forLoop(loop)
            case "break": return .breakLoop
            case "continue": return .continueLoop
            case "raw":
                let parts = block(name, offset: offset)
                return .text(rawText(parts.first?.body ?? []))
            case "comment":
                _ = block(name, offset: offset)
                return nil
            case "include":
                guard let include = Self.include(markup) else {
                    unsupported(name, markup, offset)
                    return nil
                }
                return .include(name: include.name, parameters: include.parameters, offset: offset, alone: alone)
            case "post_url":
                return .postURL(markup, offset: offset)
            case "link":
                return .link(markup, offset: offset)
            case "highlight":
                let words = markup.split(whereSeparator: \.isWhitespace)
                let body = block(name, offset: offset).first?.body ?? []
                guard let language = words.first else {
                    unsupported(name, markup, offset)
                    return .text(rawText(body))
                }
                return .highlight(
                    language: String(language), lineNumbers: words.dropFirst().contains { $0.hasPrefix("linenos") },
                    body: body, alone: alone)
            default:
                unsupported(name, markup, offset)
                return nil
            }
        }

        /// `when a, b or c`.
        private static func whenValues(_ markup: String) -> [LiquidExpression]? {
            guard var parser = LiquidExpressionParser(markup) else { return nil }
            var values: [LiquidExpression] = []
            while !parser.atEnd {
                guard let value = parser.expression() else { return nil }
                values.append(value)
                if parser.atEnd { break }
                guard parser.skipSeparator() else { return nil }
            }
            return values.isEmpty ? nil : values
        }

        /// `item in collection limit: n offset: m reversed`.
        private static func forLoop(_ markup: String, offset: Int) -> ForLoop? {
            let words = markup.split(separator: " ", maxSplits: 2)
            guard words.count == 3, words[1] == "in", var parser = LiquidExpressionParser(String(words[2])),
                let collection = parser.expression()
            else { return nil }
            var loop = ForLoop(
                variable: String(words[0]), collection: collection, limit: nil, offset: nil, reversed: false, body: [],
                otherwise: [], sourceOffset: offset)
            while !parser.atEnd {
                guard let word = parser.attribute() else { return nil }
                switch word.name {
                case "reversed": loop.reversed = true
                case "limit": loop.limit = word.value
                case "offset": loop.offset = word.value
                default: return nil
                }
            }
            return loop
        }

        /// `name.html key="value" key=variable`; the name may also be a quoted string.
        private static func include(_ markup: String) -> (name: String, parameters: [(String, LiquidExpression)])? {
            let name = String(markup.prefix { !$0.isWhitespace })
            guard !name.isEmpty, var parser = LiquidExpressionParser(String(markup.dropFirst(name.count))) else {
                return nil
            }
            var parameters: [(String, LiquidExpression)] = []
            while !parser.atEnd {
                guard let pair = parser.keyValue() else { return nil }
                parameters.append(pair)
            }
            return (name, parameters)
        }
    }
}

/// The text of a `raw` block (its body holds only text tokens).
private func rawText(_ body: [LiquidTemplate.Node]) -> String {
    var text = ""
    for node in body { if case .text(let part) = node { text += part } }
    return text
}

extension LiquidExpressionParser {
    /// `,` or `or` between the values of `when`.
    mutating func skipSeparator() -> Bool {
        guard var copy = Optional(self) else { return false }
        if copy.skip(.symbol(",")) || copy.skip(.identifier("or")) {
            self = copy
            return true
        }
        return false
    }

    /// `reversed`, or `name: value` / `name:value` after a `for`.
    mutating func attribute() -> (name: String, value: LiquidExpression?)? {
        guard case .identifier(let name)? = peek else { return nil }
        _ = skip(.identifier(name))
        guard skip(.symbol(":")) else { return (name, nil) }
        guard let value = expression() else { return nil }
        return (name, value)
    }

    /// `key=value` or `key: value` of an include.
    mutating func keyValue() -> (String, LiquidExpression)? {
        guard case .identifier(let name)? = peek else { return nil }
        _ = skip(.identifier(name))
        guard skip(.symbol("=")) || skip(.symbol(":")), let value = expression() else { return nil }
        return (name, value)
    }
}
