import Foundation
import Yams

/// A post's YAML front matter, parsed with Yams, with the body that follows it.
///
/// Jekyll's rule (`Document::YAML_FRONT_MATTER_REGEXP`): the file starts with a line `---`, and the front
/// matter runs to the next line that is `---` or `...`. A file without it is not processed as a post.
public struct FrontMatter {
    /// The top-level mapping; empty when the front matter is empty.
    public var fields: [String: Node]
    /// The text after the closing `---` line.
    public var body: Substring
    /// 1-based line where `body` starts.
    public var bodyLine: Int
    /// Problems that did not stop the parse, such as a repeated key.
    public var warnings: [FrontMatterWarning]

    /// Every scalar stays a string: `bool(_:)`, `int(_:)` and `string(_:)` read the few typed fields the way
    /// YAML 1.1 would resolve them. Yams' default resolver tries a dozen patterns on every scalar, which cost a
    /// tenth of a 10,000-post build.
    private static let resolver = Resolver.basic

    /// Splits `text` into its front matter and body and parses the front matter.
    /// - Throws: `FrontMatterError`, with the line in the file (not in the YAML) when Yams gives one.
    public static func parse(_ text: String) throws(FrontMatterError) -> FrontMatter {
        guard let split = split(text) else { throw FrontMatterError(line: 1, reason: .missing) }
        var (yaml, warnings) = removingControlCharacters(from: split.yaml, yamlStartLine: 2)
        var node: Node?
        while true {
            do {
                node = try Yams.compose(yaml: yaml, resolver, .default, .utf8)
                break
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) where context.mark.column == 1 {
                // Jekyll reads YAML with Psych, where a repeated top-level key silently takes the last value.
                // Yams refuses the document, so drop the earlier definitions and say so.
                guard let (reduced, dropped) = dropEarlierDefinitions(of: keys, in: yaml) else {
                    throw FrontMatterError(
                        yamlError: .duplicatedKeysInMapping(duplicates: keys, context: context),
                        yamlStartLine: 2)
                }
                yaml = reduced
                warnings += dropped.map {
                    FrontMatterWarning(
                        line: $0.line + 1, message: "duplicate key '\($0.key)': the later value wins, as in Jekyll")
                }
            } catch let error as YamlError {
                throw FrontMatterError(yamlError: error, yamlStartLine: 2)
            } catch {
                throw FrontMatterError(line: 2, reason: .invalidYAML(String(describing: error)))
            }
        }
        var fields: [String: Node] = [:]
        switch node {
        case nil: break
        case .mapping(let mapping)?:
            for (key, value) in mapping {
                if let name = key.string { fields[name] = value }
            }
        case let other?:
            throw FrontMatterError(line: other.mark.map { $0.line + 1 } ?? 2, reason: .notAMapping)
        }
        return FrontMatter(fields: fields, body: split.body, bodyLine: split.bodyLine, warnings: warnings)
    }

    /// The YAML without the characters `XMLSafeText` removes, with a warning for each line that held some.
    ///
    /// YAML refuses most control characters anywhere in a document ("control characters are not allowed"), so
    /// one pasted into a title would leave the whole post out while the site shows it; the feeds could not
    /// carry them anyway.
    static func removingControlCharacters(from yaml: Substring, yamlStartLine: Int) -> (
        String, [FrontMatterWarning]
    ) {
        guard yaml.unicodeScalars.contains(where: XMLSafeText.isIllegal) else { return (String(yaml), []) }
        var kept = String.UnicodeScalarView()
        var warnings: [FrontMatterWarning] = []
        var line = yamlStartLine
        var removed: [Unicode.Scalar] = []
        func flush() {
            guard !removed.isEmpty else { return }
            let names = removed.map(XMLSafeText.name).joined(separator: ", ")
            warnings.append(
                FrontMatterWarning(line: line, message: "removed character(s) feeds cannot carry: \(names)"))
            removed = []
        }
        for scalar in yaml.unicodeScalars {
            if XMLSafeText.isIllegal(scalar) {
                removed.append(scalar)
                continue
            }
            kept.append(scalar)
            if scalar == "\n" {
                flush()
                line += 1
            }
        }
        flush()
        return (String(kept), warnings)
    }

    /// Blanks every top-level definition of `keys` but the last (keeping line numbers), or nil if none was found.
    private static func dropEarlierDefinitions(of keys: [String], in yaml: String) -> (
        String, [(key: String, line: Int)]
    )? {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var dropped: [(key: String, line: Int)] = []
        for key in keys {
            let starts = lines.indices.filter { lines[$0].hasPrefix(key + ":") }
            for start in starts.dropLast() {
                lines[start] = ""
                var next = start + 1
                while next < lines.count, lines[next].first == " " || lines[next].first == "\t" {
                    lines[next] = ""
                    next += 1
                }
                dropped.append((key, start + 1))
            }
        }
        return dropped.isEmpty ? nil : (lines.joined(separator: "\n"), dropped.sorted { $0.line < $1.line })
    }

    /// Finds the front matter block: returns its YAML text, the body and the body's first line, or nil.
    public static func split(_ text: String) -> (yaml: Substring, body: Substring, bodyLine: Int)? {
        // Walks the lines one by one: the body can be long and only the front matter's lines matter.
        let utf8 = text.utf8
        guard let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")),
            isDelimiter(text[text.startIndex..<firstEnd], allowDots: false)
        else { return nil }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 1
        while lineStart < utf8.endIndex || lineStart == yamlStart {
            lineNumber += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isDelimiter(text[lineStart..<lineEnd], allowDots: true) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
                return (text[yamlStart..<lineStart], text[bodyStart...], lineNumber + 1)
            }
            guard lineEnd < utf8.endIndex else { return nil }
            lineStart = utf8.index(after: lineEnd)
        }
        return nil
    }

    /// `---` (or `...` when closing) followed only by spaces, as Jekyll's `---\s*$` accepts.
    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || (allowDots && trimmed == "...")
    }

    /// The field as a string scalar, nil when absent, null (`~`, `null`, unquoted) or empty.
    public func string(_ key: String) -> String? {
        guard case .scalar(let scalar)? = fields[key] else { return nil }
        let value = scalar.string
        if scalar.style == .plain, ["~", "null", "Null", "NULL"].contains(value) { return nil }
        return value.isEmpty ? nil : value
    }

    /// The field as a YAML 1.1 boolean (`true`, `false`, `yes`, `no`, `on`, `off`, any case), unquoted only.
    public func bool(_ key: String) -> Bool? {
        guard case .scalar(let scalar)? = fields[key], scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The field as a decimal integer, unquoted only.
    public func int(_ key: String) -> Int? {
        guard case .scalar(let scalar)? = fields[key], scalar.style == .plain else { return nil }
        return Int(scalar.string)
    }

    /// Whether the field is an unquoted scalar: YAML resolves an unquoted `2020-03-16 10:30:00` as a UTC
    /// timestamp before Jekyll sees it, while a quoted one is read in the site's zone.
    public func isPlainScalar(_ key: String) -> Bool {
        guard case .scalar(let scalar)? = fields[key] else { return false }
        return scalar.style == .plain
    }

    /// The 1-based line of the file where the field's value starts, when known.
    public func line(of key: String, yamlStartLine: Int = 2) -> Int? {
        YAMLProblem.line(of: fields[key], firstLine: yamlStartLine)
    }

    /// A list field the way Jekyll reads `tags`/`categories`: a YAML sequence, or a string split at white space.
    public func list(_ key: String) -> [String] {
        switch fields[key] {
        case .sequence(let sequence)?:
            return sequence.compactMap { node in
                guard let text = node.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                return text
            }
        case .scalar?:
            return (string(key) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        default:
            return []
        }
    }
}

extension FrontMatter {
    /// The people a key names: a string is one person (`author: Shugo Maeda`), a list one per entry, a mapping
    /// (or a list entry that is one) its `name`.
    public func people(_ key: String) -> [String] {
        func name(_ node: Node) -> String? {
            let text: String?
            if case .scalar(let scalar) = node {
                let isNull = scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string)
                text = isNull ? nil : scalar.string
            } else {
                text = node["name"]?.string
            }
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return trimmed.isEmpty ? nil : trimmed
        }
        switch fields[key] {
        case .sequence(let sequence)?: return sequence.compactMap(name)
        case let node?: return name(node).map { [$0] } ?? []
        case nil: return []
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last,
            previous == " " || previous == "\t" || previous == "\r"
        {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}

/// A problem in front matter that was read anyway.
public struct FrontMatterWarning: Equatable, Sendable {
    /// 1-based line in the post file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Why a post's front matter could not be read, and where.
public struct FrontMatterError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// No `---` block at the top of the file.
        case missing
        /// Yams rejected the YAML; its own message.
        case invalidYAML(String)
        /// The front matter is a list or a scalar rather than `key: value` pairs.
        case notAMapping
    }

    /// 1-based line in the post file.
    public var line: Int
    public var column: Int?
    public var reason: Reason

    public init(line: Int, column: Int? = nil, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// Keeps Yams' own problem text and moves its mark from YAML lines to file lines.
    init(yamlError: YamlError, yamlStartLine: Int) {
        let problem = YAMLProblem(yamlError, firstLine: yamlStartLine)
        self.init(line: problem.line ?? yamlStartLine, column: problem.column, reason: .invalidYAML(problem.message))
    }

    public var description: String {
        switch reason {
        case .missing: "no front matter: a post starts with a line '---'"
        case .invalidYAML(let message): "invalid YAML in front matter: \(message)"
        case .notAMapping: "front matter is not a mapping of 'key: value' lines"
        }
    }
}
