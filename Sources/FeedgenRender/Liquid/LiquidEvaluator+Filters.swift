import FeedgenCore
import Foundation

extension LiquidEvaluator {
    /// Applies the filter `name`; nil when there is no such filter.
    mutating func apply(_ name: String, to input: LiquidValue, _ arguments: [LiquidValue]) -> LiquidValue? {
        let argument = arguments.first.map { text(of: $0) } ?? ""
        let string = text(of: input)
        switch name {
        // Collections
        case "first": return input.elements.first ?? (input == .null ? .null : input[.string("first")])
        case "last": return input.elements.last ?? .null
        case "size":
            if case .string(let text) = input { return .int(text.count) }
            if case .object(let object) = input { return .int(object.count) }
            return .int(input.elements.count)
        case "join":
            return .string(input.elements.map { text(of: $0) }.joined(separator: arguments.isEmpty ? " " : argument))
        case "split":
            if argument.isEmpty { return .array(string.map { .string(String($0)) }) }
            var parts = string.components(separatedBy: argument)
            while parts.last == "" { parts.removeLast() }  // Ruby's split drops trailing empty fields.
            return .array(parts.map { .string($0) })
        case "map":
            // Filters see a hash as one item (Liquid's `InputIterator`), not as its pairs.
            if case .object = input { return .array([input[.string(argument)]]) }
            return .array(input.elements.map { $0[.string(argument)] })
        case "where":
            let items = input.elements
            guard arguments.count >= 2 else { return .array(items.filter { $0[.string(argument)].isTruthy }) }
            return .array(
                items.filter { item in
                    let value = item[.string(argument)]
                    if case .array(let members) = value {
                        return members.contains { text(of: $0) == text(of: arguments[1]) }
                    }
                    return text(of: value) == text(of: arguments[1])
                })
        case "where_exp":
            guard arguments.count == 2, let condition = LiquidExpressionParser.condition(text(of: arguments[1])) else {
                return .array([])
            }
            let variable = argument
            let saved = lookupRoot(variable)
            var kept: [LiquidValue] = []
            for item in input.elements {
                setRoot(variable, item)
                if test(condition) { kept.append(item) }
            }
            setRoot(variable, saved)
            return .array(kept)
        case "sort", "sort_natural":
            let items = input.elements
            let key: (LiquidValue) -> LiquidValue = arguments.isEmpty ? { $0 } : { $0[.string(argument)] }
            return .array(
                items.enumerated().sorted { a, b in
                    let (left, right) = (key(a.element), key(b.element))
                    if left == .null || right == .null {
                        return left != .null ? true : (right == .null && a.offset < b.offset)
                    }
                    if name == "sort_natural" {
                        let order = text(of: left).lowercased().compare(text(of: right).lowercased())
                        return order == .orderedSame ? a.offset < b.offset : order == .orderedAscending
                    }
                    let order = compare(left, right) ?? 0
                    return order == 0 ? a.offset < b.offset : order < 0
                }.map(\.element))
        case "reverse": return .array(input.elements.reversed())
        case "uniq":
            var seen: [LiquidValue] = []
            for item in input.elements where !seen.contains(item) { seen.append(item) }
            return .array(seen)
        case "compact": return .array(input.elements.filter { $0 != .null })
        case "concat": return .array(input.elements + (arguments.first?.elements ?? []))
        // Dates
        case "date":
            guard !arguments.isEmpty, !argument.isEmpty, let date = date(from: input) else { return input }
            return .string(LiquidDate.format(date, argument, timeZone: environment.timeZone))
        case "date_to_string", "date_to_long_string", "date_to_xmlschema", "date_to_rfc822":
            guard let date = date(from: input) else { return input }
            let format =
                switch name {
                case "date_to_string": "%d %b %Y"
                case "date_to_long_string": "%d %B %Y"
                case "date_to_rfc822": "%a, %d %b %Y %H:%M:%S %z"
                default: "%Y-%m-%dT%H:%M:%S%:z"
                }
            return .string(LiquidDate.format(date, format, timeZone: environment.timeZone))
        // Strings
        case "default":
            let fallback = arguments.first ?? .string("")
            return input.isTruthy && !input.isEmpty ? input : fallback
        case "escape", "xml_escape": return input == .null ? .null : .string(HTMLEscape.escape(string))
        case "escape_once": return .string(HTMLEscape.escape(Self.unescapeEntities(string)))
        case "strip_html": return .string(Self.stripHTML(string))
        case "strip_newlines":
            return .string(string.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: ""))
        case "newline_to_br": return .string(string.replacingOccurrences(of: "\n", with: "<br />\n"))
        case "strip": return .string(string.trimmingBlanks())
        case "lstrip": return .string(String(string.drop { $0.isWhitespace }))
        case "rstrip": return .string(String(string.reversed().drop { $0.isWhitespace }.reversed()))
        case "upcase": return .string(string.uppercased())
        case "downcase": return .string(string.lowercased())
        case "capitalize": return .string(string.prefix(1).uppercased() + string.dropFirst().lowercased())
        case "append": return .string(string + argument)
        case "prepend": return .string(argument + string)
        case "replace":
            return .string(
                string.replacingOccurrences(of: argument, with: arguments.count > 1 ? text(of: arguments[1]) : ""))
        case "replace_first":
            guard let range = string.range(of: argument), !argument.isEmpty else { return .string(string) }
            return .string(
                string.replacingCharacters(in: range, with: arguments.count > 1 ? text(of: arguments[1]) : ""))
        case "remove": return .string(argument.isEmpty ? string : string.replacingOccurrences(of: argument, with: ""))
        case "remove_first":
            guard let range = string.range(of: argument), !argument.isEmpty else { return .string(string) }
            return .string(string.replacingCharacters(in: range, with: ""))
        case "truncate":
            let length = arguments.isEmpty ? 50 : integer(arguments[0])
            let ellipsis = arguments.count > 1 ? text(of: arguments[1]) : "..."
            guard string.count > length else { return .string(string) }
            return .string(String(string.prefix(max(0, length - ellipsis.count))) + ellipsis)
        case "truncatewords":
            let count = max(1, arguments.isEmpty ? 15 : integer(arguments[0]))
            let ellipsis = arguments.count > 1 ? text(of: arguments[1]) : "..."
            let words = string.split(whereSeparator: \.isWhitespace)
            guard words.count > count else { return .string(string) }
            return .string(words.prefix(count).joined(separator: " ") + ellipsis)
        case "number_of_words": return .int(string.split(whereSeparator: \.isWhitespace).count)
        case "slugify":
            let mode = arguments.isEmpty ? .default : Slugify.Mode(rawValue: argument) ?? .default
            return .string(Slugify.slugify(string, mode: mode))
        case "url_encode": return .string(Self.urlEncode(string))
        case "jsonify": return .string(jsonify(input))
        // URLs
        case "relative_url": return .string(basePath + (string.hasPrefix("/") ? string : "/" + string))
        case "absolute_url": return .string(siteURL + (string.hasPrefix("/") ? string : "/" + string))
        case "markdownify": return .string((try? CMark.renderHTML(string)) ?? string)
        // Numbers
        case "plus", "minus", "times", "divided_by", "modulo":
            return arithmetic(name, input, arguments.first ?? .null)
        default: return nil
        }
    }

    private func lookupRoot(_ name: String) -> LiquidValue? { lookup(name) }

    private mutating func setRoot(_ name: String, _ value: LiquidValue?) { setVariable(name, value) }

    private func date(from value: LiquidValue) -> Date? {
        switch value {
        case .date(let date): return date
        case .int(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .string(let text):
            let trimmed = text.trimmingBlanks()
            if trimmed == "now" || trimmed == "today" { return environment.now }
            if let seconds = Int(trimmed) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
            return try? JekyllDate.parse(trimmed, timeZone: environment.timeZone)
        default: return nil
        }
    }

    private func arithmetic(_ name: String, _ left: LiquidValue, _ right: LiquidValue) -> LiquidValue {
        func numeric(_ value: LiquidValue) -> LiquidValue {
            if case .string(let text) = value {
                return Int(text).map(LiquidValue.int) ?? Double(text).map(LiquidValue.double) ?? .int(0)
            }
            return number(value) == nil ? .int(0) : value
        }
        switch (numeric(left), numeric(right)) {
        case (.int(let a), .int(let b)):
            switch name {
            case "plus": return .int(a &+ b)
            case "minus": return .int(a &- b)
            case "times": return .int(a &* b)
            case "divided_by": return b == 0 ? .null : .int(Int((Double(a) / Double(b)).rounded(.down)))
            default: return b == 0 ? .null : .int(((a % b) + b) % b)
            }
        case (let a, let b):
            let (x, y) = (number(a) ?? 0, number(b) ?? 0)
            switch name {
            case "plus": return .double(x + y)
            case "minus": return .double(x - y)
            case "times": return .double(x * y)
            case "divided_by": return y == 0 ? .null : .double(x / y)
            default: return y == 0 ? .null : .double(x.truncatingRemainder(dividingBy: y))
            }
        }
    }

    private func jsonify(_ value: LiquidValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let text):
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                default:
                    if scalar.value < 0x20 {
                        escaped += String(format: "\\u%04x", scalar.value)
                    } else {
                        escaped.unicodeScalars.append(scalar)
                    }
                }
            }
            return escaped + "\""
        case .array(let items): return "[" + items.map(jsonify).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.pairs.map { jsonify(.string($0.key)) + ":" + jsonify($0.value) }.joined(separator: ",")
                + "}"
        case .date: return jsonify(.string(text(of: value)))
        default: return text(of: value)
        }
    }

    /// Liquid's `strip_html`: scripts, styles and comments with their content, then every tag.
    static func stripHTML(_ html: String) -> String {
        var text = html
        for pattern in ["(?is)<script.*?</script>", "(?is)<!--.*?-->", "(?is)<style.*?</style>", "(?s)<.*?>"] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }

    static func unescapeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Ruby's `CGI.escape`: unreserved characters kept, spaces as `+`, the rest percent-encoded.
    static func urlEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): result += "+"
            default: result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}
