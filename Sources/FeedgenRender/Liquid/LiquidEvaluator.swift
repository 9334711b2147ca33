import FeedgenCore
import Foundation

/// Renders a parsed template against the environment, the page and the variables it assigns.
///
/// Pure and bounded: it stops looping after `maxIterations` iterations in all and stops writing after
/// `maxOutputBytes`, with a warning each. Problems are collected with the UTF-8 offset of their tag.
struct LiquidEvaluator {
    let environment: LiquidEnvironment
    /// The site's URL (`url` + `baseurl`), its base path, and `page`.
    let siteURL: String
    let basePath: String
    /// Where HTML that cmark must not touch (highlighted code, built-in includes) is kept.
    var placeholders: Placeholders
    private(set) var problems: [LiquidTemplate.Problem] = []
    /// Makes the HTML of the built-in includes (`video`, `_image-with-caption.html`), or nil for others.
    let builtinInclude: @Sendable (String, [String: String]) -> Placeholders.Piece?
    /// Warns about a built-in include it cannot make; nil when the include is not built in.
    let builtinProblem: @Sendable (String, [String: String]) -> String?

    private var scopes: [LiquidObject]
    private var iterations = 0
    private var outputBytes = 0
    private var stopped = false
    private var includeDepth = 0
    /// The offset problems are reported at while inside an include (the include tag's).
    private var includeOffset: Int?

    enum Interrupt { case none, breakLoop, continueLoop }

    init(
        environment: LiquidEnvironment, siteURL: String, basePath: String, page: LiquidValue,
        placeholders: Placeholders,
        builtinInclude: @escaping @Sendable (String, [String: String]) -> Placeholders.Piece?,
        builtinProblem: @escaping @Sendable (String, [String: String]) -> String?
    ) {
        self.environment = environment
        self.siteURL = siteURL
        self.basePath = basePath
        self.placeholders = placeholders
        self.builtinInclude = builtinInclude
        self.builtinProblem = builtinProblem
        var root = LiquidObject()
        root["site"] = .object(environment.site)
        root["page"] = page
        scopes = [root]
    }

    mutating func warn(_ message: String, at offset: Int) {
        problems.append(LiquidTemplate.Problem(message: message, offset: includeOffset ?? offset))
    }

    /// The template's text.
    mutating func render(_ nodes: [LiquidTemplate.Node]) -> String {
        var output = ""
        _ = render(nodes, into: &output)
        return output
    }

    private mutating func append(_ text: String, to output: inout String, offset: Int) {
        guard !stopped else { return }
        outputBytes += text.utf8.count
        if outputBytes > environment.maxOutputBytes {
            stopped = true
            warn("Liquid output grew past \(environment.maxOutputBytes) bytes; the rest was dropped", at: offset)
            return
        }
        output += text
    }

    private mutating func render(_ nodes: [LiquidTemplate.Node], into output: inout String) -> Interrupt {
        for node in nodes {
            if stopped { return .breakLoop }
            switch node {
            case .text(let text):
                append(text, to: &output, offset: 0)
            case .output(let expression, let markup, let offset):
                guard let expression else {
                    warn("cannot evaluate Liquid output '{{ \(markup) }}'; it was removed", at: offset)
                    continue
                }
                let value = evaluate(expression, offset: offset, warnUnknown: true)
                append(text(of: value), to: &output, offset: offset)
            case .assign(let name, let expression, let offset):
                let value = evaluate(expression, offset: offset, warnUnknown: false)
                scopes[0][name] = value
            case .capture(let name, let body):
                var captured = ""
                let interrupt = render(body, into: &captured)
                scopes[0][name] = .string(captured)
                if interrupt != .none { return interrupt }
            case .branches(let branches):
                for branch in branches {
                    var holds = branch.condition.map { test($0) } ?? true
                    if branch.negated { holds.toggle() }
                    if holds {
                        let interrupt = render(branch.body, into: &output)
                        if interrupt != .none { return interrupt }
                        break
                    }
                }
            case .caseWhen(let subject, let whens, let otherwise):
                let value = evaluate(subject)
                var matched = false
                for when in whens where when.values.contains(where: { equal(value, evaluate($0)) }) {
                    matched = true
                    let interrupt = render(when.body, into: &output)
                    if interrupt != .none { return interrupt }
                }
                if !matched {
                    let interrupt = render(otherwise, into: &output)
                    if interrupt != .none { return interrupt }
                }
            case .forLoop(let loop):
                renderLoop(loop, into: &output)
            case .breakLoop:
                return .breakLoop
            case .continueLoop:
                return .continueLoop
            case .include(let name, let parameters, let offset, let alone):
                append(include(name, parameters, offset: offset, alone: alone), to: &output, offset: offset)
            case .postURL(let name, let offset):
                let key = name.trimmingBlanks()
                let found =
                    environment.postURLs[key]
                    ?? environment.postURLs[String(key.split(separator: "/").last ?? "")]
                guard let url = found else {
                    warn("post_url: no post named '\(key)'; the tag was removed", at: offset)
                    continue
                }
                append(basePath + url, to: &output, offset: offset)
            case .link(let path, let offset):
                var key = renderInline(path).trimmingBlanks()
                if key.hasPrefix("/") { key.removeFirst() }
                guard let url = environment.linkURLs[key] else {
                    warn("link: no post or page at '\(key)'; the tag was removed", at: offset)
                    continue
                }
                append(basePath + url, to: &output, offset: offset)
            case .highlight(let language, let lineNumbers, let body, let alone):
                var code = ""
                _ = render(body, into: &code)
                let html = LiquidHighlight.html(code: code, language: language, lineNumbers: lineNumbers)
                let token = placeholders.add(.block(html))
                append(alone ? "\n\n\(token)\n\n" : token, to: &output, offset: 0)
            }
        }
        return .none
    }

    /// `{{ }}` inside a tag's markup (`{% link {{ page.x }} %}`).
    private mutating func renderInline(_ markup: String) -> String {
        guard markup.contains("{{") else { return markup }
        return render(LiquidTemplate(markup).nodes)
    }

    private mutating func renderLoop(_ loop: LiquidTemplate.ForLoop, into output: inout String) {
        var items = evaluate(loop.collection).elements
        let offset = loop.offset.map { integer(evaluate($0)) } ?? 0
        items = Array(items.dropFirst(max(0, offset)))
        if let limit = loop.limit { items = Array(items.prefix(max(0, integer(evaluate(limit))))) }
        if loop.reversed { items.reverse() }
        guard !items.isEmpty else {
            _ = render(loop.otherwise, into: &output)
            return
        }
        let saved = scopes[0][loop.variable]
        let savedLoop = scopes[0]["forloop"]
        for (index, item) in items.enumerated() {
            iterations += 1
            if iterations > environment.maxIterations {
                if !stopped {
                    warn(
                        "Liquid loops ran past \(environment.maxIterations) iterations; the rest was dropped",
                        at: loop.sourceOffset)
                }
                stopped = true
                break
            }
            scopes[0][loop.variable] = item
            scopes[0]["forloop"] = .object(
                LiquidObject([
                    ("index", .int(index + 1)), ("index0", .int(index)), ("rindex", .int(items.count - index)),
                    ("rindex0", .int(items.count - index - 1)), ("first", .bool(index == 0)),
                    ("last", .bool(index == items.count - 1)), ("length", .int(items.count)),
                ]))
            if render(loop.body, into: &output) == .breakLoop { break }
        }
        scopes[0][loop.variable] = saved
        scopes[0]["forloop"] = savedLoop
    }

    private mutating func include(
        _ name: String, _ parameters: [(String, LiquidExpression)], offset: Int, alone: Bool
    ) -> String {
        var values = LiquidObject()
        var strings: [String: String] = [:]
        for (key, expression) in parameters {
            let value = evaluate(expression)
            values[key] = value
            strings[key] = text(of: value)
        }
        if let message = builtinProblem(name, strings) {
            warn(message, at: offset)
            return ""
        }
        if let piece = builtinInclude(name, strings) {
            let token = placeholders.add(piece)
            return alone ? "\n\n\(token)\n\n" : token
        }
        guard let source = environment.includes[name] else {
            warn("unsupported include '\(name)' removed", at: offset)
            return ""
        }
        guard includeDepth < 10 else {
            warn("include '\(name)' nested more than 10 deep; removed", at: offset)
            return ""
        }
        let template = LiquidTemplate(source)
        let outer = includeOffset
        includeOffset = includeOffset ?? offset
        for problem in template.problems { warn("in include '\(name)': \(problem.message)", at: offset) }
        let saved = scopes[0]["include"]
        scopes[0]["include"] = .object(values)
        includeDepth += 1
        let result = render(template.nodes)
        includeDepth -= 1
        scopes[0]["include"] = saved
        includeOffset = outer
        return result
    }

    // MARK: Values

    /// A variable's value; nil members are `.null`.
    func lookup(_ name: String) -> LiquidValue? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return nil
    }

    /// Sets (or, with nil, removes) a variable.
    mutating func setVariable(_ name: String, _ value: LiquidValue?) {
        scopes[0][name] = value
    }

    mutating func evaluate(_ expression: LiquidExpression) -> LiquidValue {
        switch expression {
        case .literal(let value): return value
        case .empty: return .string("")
        case .range(let start, let end):
            let low = integer(evaluate(start))
            let high = integer(evaluate(end))
            guard high >= low else { return .array([]) }
            return .array((low...min(high, low + environment.maxIterations)).map { .int($0) })
        case .variable(let name, let path):
            var value = lookup(name) ?? .null
            for key in path { value = value[evaluate(key)] }
            return value
        }
    }

    /// A filtered expression; with `warnUnknown`, a variable that is not there is reported.
    mutating func evaluate(_ filtered: LiquidFilteredExpression, offset: Int, warnUnknown: Bool) -> LiquidValue {
        var value = evaluate(filtered.expression)
        if warnUnknown, value == .null, case .variable(let name, let path) = filtered.expression,
            !filtered.filters.contains(where: { $0.name == "default" })
        {
            warn("unknown Liquid variable '\(Self.describe(name, path))'; it was replaced by nothing", at: offset)
        }
        for filter in filtered.filters {
            let arguments = filter.arguments.map { evaluate($0) }
            guard let result = apply(filter.name, to: value, arguments) else {
                warn("unsupported Liquid filter '\(filter.name)' ignored", at: offset)
                continue
            }
            value = result
        }
        return value
    }

    private static func describe(_ name: String, _ path: [LiquidExpression]) -> String {
        var text = name
        for key in path {
            switch key {
            case .literal(.string(let member)): text += ".\(member)"
            case .literal(.int(let index)): text += "[\(index)]"
            default: text += "[…]"
            }
        }
        return text
    }

    mutating func test(_ condition: LiquidCondition) -> Bool {
        switch condition {
        case .value(let expression):
            return evaluate(expression).isTruthy
        case .and(let left, let right):
            return test(left) && test(right)
        case .or(let left, let right):
            return test(left) || test(right)
        case .comparison(let leftExpression, let operation, let rightExpression):
            if rightExpression == .empty || leftExpression == .empty {
                let other = evaluate(rightExpression == .empty ? leftExpression : rightExpression)
                let isEmpty = other.isEmpty
                return operation == "==" ? isEmpty : operation == "!=" ? !isEmpty : false
            }
            let left = evaluate(leftExpression)
            let right = evaluate(rightExpression)
            switch operation {
            case "==": return equal(left, right)
            case "!=": return !equal(left, right)
            case "contains":
                switch left {
                case .string(let text): return text.contains(self.text(of: right))
                case .array(let items): return items.contains { equal($0, right) }
                default: return false
                }
            default:
                guard let order = compare(left, right) else { return false }
                switch operation {
                case "<": return order < 0
                case ">": return order > 0
                case "<=": return order <= 0
                default: return order >= 0
                }
            }
        }
    }

    func equal(_ left: LiquidValue, _ right: LiquidValue) -> Bool {
        if let order = compare(left, right) { return order == 0 }
        return left == right
    }

    /// -1, 0 or 1 for two numbers or two strings; nil for values Liquid does not order.
    func compare(_ left: LiquidValue, _ right: LiquidValue) -> Int? {
        switch (left, right) {
        case (.string(let a), .string(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        default:
            guard let a = number(left), let b = number(right) else { return nil }
            return a == b ? 0 : (a < b ? -1 : 1)
        }
    }

    func number(_ value: LiquidValue) -> Double? {
        switch value {
        case .int(let integer): Double(integer)
        case .double(let double): double
        default: nil
        }
    }

    func integer(_ value: LiquidValue) -> Int {
        switch value {
        case .int(let integer): integer
        case .double(let double): Int(double)
        case .string(let text): Int(text.trimmingBlanks()) ?? Double(text.trimmingBlanks()).map { Int($0) } ?? 0
        default: 0
        }
    }

    /// Liquid's `to_s` of a value, as `{{ }}` shows it.
    func text(of value: LiquidValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let integer): String(integer)
        case .double(let double): Self.rubyFloat(double)
        case .string(let text): text
        case .date(let date): LiquidDate.format(date, "%Y-%m-%d %H:%M:%S %z", timeZone: environment.timeZone)
        case .array(let items): items.map { text(of: $0) }.joined()
        case .object(let object):
            "{" + object.pairs.map { "\"\($0.key)\"=>\(inspect($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    private func inspect(_ value: LiquidValue) -> String {
        switch value {
        case .null: "nil"
        case .string(let text): "\"\(text)\""
        case .array(let items): "[" + items.map(inspect).joined(separator: ", ") + "]"
        default: text(of: value)
        }
    }

    /// Ruby's `Float#to_s` for the values posts hold: `2.0`, `0.5`, `1.0e+20`.
    static func rubyFloat(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        if value == value.rounded(), abs(value) < 1e16 { return "\(Int(value)).0" }
        return "\(value)"
    }
}
