import FeedgenCore

/// A Liquid expression: a literal, a range or a variable with lookups.
indirect enum LiquidExpression: Sendable, Equatable {
    case literal(LiquidValue)
    /// `empty` and `blank`, which compare equal to empty strings and collections.
    case empty
    case range(LiquidExpression, LiquidExpression)
    /// `name.key[index]…`: the root name and the lookups after it.
    case variable(String, [LiquidExpression])
}

/// An expression with its filters: `value | name: arg, arg | name`.
struct LiquidFilteredExpression: Sendable, Equatable {
    struct Filter: Sendable, Equatable {
        var name: String
        var arguments: [LiquidExpression]
    }

    var expression: LiquidExpression
    var filters: [Filter]
}

/// A condition of `if`, `elsif`, `unless`: comparisons joined by `and`/`or`, grouped from the right as
/// Liquid does (`a and b or c` is `a and (b or c)`).
indirect enum LiquidCondition: Sendable, Equatable {
    case value(LiquidExpression)
    case comparison(LiquidExpression, String, LiquidExpression)
    case and(LiquidCondition, LiquidCondition)
    case or(LiquidCondition, LiquidCondition)
}

/// Reads expressions, filters and conditions from tag markup. Returns nil for what it cannot read.
struct LiquidExpressionParser {
    enum Token: Equatable {
        case identifier(String)
        case string(String)
        case number(String)
        case symbol(String)
    }

    private var tokens: [Token]
    private var position = 0

    init?(_ markup: String) {
        guard let tokens = Self.tokenize(markup) else { return nil }
        self.tokens = tokens
    }

    var atEnd: Bool { position == tokens.count }

    static func tokenize(_ markup: String) -> [Token]? {
        var tokens: [Token] = []
        let characters = Array(markup)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "\"" || character == "'" {
                guard let end = characters[(index + 1)...].firstIndex(of: character) else { return nil }
                tokens.append(.string(String(characters[(index + 1)..<end])))
                index = end + 1
            } else if character.isNumber
                || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber)
            {
                var end = index + 1
                while end < characters.count,
                    characters[end].isNumber
                        || (characters[end] == "." && end + 1 < characters.count && characters[end + 1].isNumber)
                {
                    end += 1
                }
                tokens.append(.number(String(characters[index..<end])))
                index = end
            } else if character.isLetter || character == "_" {
                var end = index + 1
                while end < characters.count,
                    characters[end].isLetter || characters[end].isNumber || characters[end] == "_"
                        || characters[end] == "-" || characters[end] == "?"
                {
                    end += 1
                }
                tokens.append(.identifier(String(characters[index..<end])))
                index = end
            } else {
                let pair = index + 1 < characters.count ? String(characters[index...(index + 1)]) : ""
                if ["==", "!=", "<>", "<=", ">=", ".."].contains(pair) {
                    tokens.append(.symbol(pair))
                    index += 2
                } else if "|:,.[]()<>=".contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    return nil
                }
            }
        }
        return tokens
    }

    private var next: Token? { position < tokens.count ? tokens[position] : nil }

    /// The next token, not taken.
    var peek: Token? { next }

    /// Takes the next token when it is `token`.
    mutating func skip(_ token: Token) -> Bool {
        guard next == token else { return false }
        position += 1
        return true
    }

    private mutating func take(_ symbol: String) -> Bool {
        guard next == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func takeIdentifier() -> String? {
        guard case .identifier(let name)? = next else { return nil }
        position += 1
        return name
    }

    /// A whole `value | filter: args` markup, nothing left over.
    static func filtered(_ markup: String) -> LiquidFilteredExpression? {
        guard var parser = LiquidExpressionParser(markup), let result = parser.filtered(), parser.atEnd else {
            return nil
        }
        return result
    }

    /// A whole condition markup, nothing left over.
    static func condition(_ markup: String) -> LiquidCondition? {
        guard var parser = LiquidExpressionParser(markup), let result = parser.condition(), parser.atEnd else {
            return nil
        }
        return result
    }

    mutating func filtered() -> LiquidFilteredExpression? {
        guard let expression = expression() else { return nil }
        var filters: [LiquidFilteredExpression.Filter] = []
        while take("|") {
            guard let name = takeIdentifier() else { return nil }
            var arguments: [LiquidExpression] = []
            if take(":") {
                repeat {
                    // Keyword arguments (`name: value`) are read for their value.
                    if case .identifier = next, position + 1 < tokens.count, tokens[position + 1] == .symbol(":") {
                        position += 2
                    }
                    guard let argument = self.expression() else { return nil }
                    arguments.append(argument)
                } while take(",")
            }
            filters.append(.init(name: name, arguments: arguments))
        }
        return LiquidFilteredExpression(expression: expression, filters: filters)
    }

    mutating func condition() -> LiquidCondition? {
        guard let left = comparison() else { return nil }
        if case .identifier("and")? = next {
            position += 1
            return condition().map { .and(left, $0) }
        }
        if case .identifier("or")? = next {
            position += 1
            return condition().map { .or(left, $0) }
        }
        return left
    }

    private mutating func comparison() -> LiquidCondition? {
        guard let left = expression() else { return nil }
        var operation: String?
        switch next {
        case .symbol(let symbol) where ["==", "!=", "<>", "<", ">", "<=", ">="].contains(symbol): operation = symbol
        case .identifier("contains"): operation = "contains"
        default: break
        }
        guard let operation else { return .value(left) }
        position += 1
        guard let right = expression() else { return nil }
        return .comparison(left, operation == "<>" ? "!=" : operation, right)
    }

    mutating func expression() -> LiquidExpression? {
        guard let token = next else { return nil }
        position += 1
        switch token {
        case .string(let text):
            return .literal(.string(text))
        case .number(let text):
            if let integer = Int(text) { return .literal(.int(integer)) }
            return Double(text).map { .literal(.double($0)) }
        case .symbol("("):
            guard let start = expression(), take(".."), let end = expression(), take(")") else { return nil }
            return .range(start, end)
        case .symbol("["):
            // `[ "key" ]` at the start: a lookup on the top scope.
            guard let key = expression(), take("]") else { return nil }
            guard case .literal(.string(let name)) = key else { return nil }
            return lookups(on: name)
        case .identifier(let name):
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "nil", "null": return .literal(.null)
            case "empty", "blank": return .empty
            default: return lookups(on: name)
            }
        default:
            return nil
        }
    }

    private mutating func lookups(on name: String) -> LiquidExpression? {
        var path: [LiquidExpression] = []
        while true {
            if take(".") {
                guard let key = takeIdentifier() else { return nil }
                path.append(.literal(.string(key)))
            } else if take("[") {
                guard let key = expression(), take("]") else { return nil }
                path.append(key)
            } else {
                return .variable(name, path)
            }
        }
    }
}
