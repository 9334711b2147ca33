import Foundation
import Yams

extension LiquidValue {
    /// A YAML document as Liquid sees it: mappings keep their order; plain scalars become numbers,
    /// booleans and `nil` by YAML 1.1's rules (as Ruby's Psych reads them); timestamps stay text.
    /// - Throws: Yams' error, which carries the line.
    public static func parseYAML(_ text: String) throws -> LiquidValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return LiquidValue(yaml: node)
    }

    /// A YAML node as a value.
    public init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            self = Self.scalar(scalar)
        case .sequence(let sequence):
            self = .array(sequence.map(LiquidValue.init(yaml:)))
        case .mapping(let mapping):
            var object = LiquidObject()
            for (key, value) in mapping { object[key.string ?? ""] = LiquidValue(yaml: value) }
            self = .object(object)
        case .alias:
            self = .null
        }
    }

    private static func scalar(_ scalar: Node.Scalar) -> LiquidValue {
        guard scalar.style == .plain else { return .string(scalar.string) }
        let text = scalar.string
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: break
        }
        if let number = Int(text.replacingOccurrences(of: "_", with: "")) { return .int(number) }
        if text.contains("."), text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
            let number = Double(text)
        {
            return .double(number)
        }
        return .string(text)
    }

    /// A JSON document as a value; object keys keep the order they are written in.
    /// - Throws: Foundation's error when the text is not JSON.
    public static func parseJSON(_ text: String) throws -> LiquidValue {
        // Foundation checks that it is JSON; YAML (of which JSON is a subset) keeps the keys' order
        // and tells quoted strings from numbers and booleans.
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return try parseYAML(text)
    }

    /// A CSV file with a header row as Jekyll reads it: an array of objects keyed by the header, every
    /// value a string. Quoted fields may hold commas, doubled quotes and newlines.
    public static func parseCSV(_ text: String, separator: Character = ",") -> LiquidValue {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        guard let header = rows.first else { return .array([]) }
        return .array(
            rows.dropFirst().map { values in
                .object(LiquidObject(header.enumerated().map { ($1, $0 < values.count ? .string(values[$0]) : .null) }))
            })
    }
}
