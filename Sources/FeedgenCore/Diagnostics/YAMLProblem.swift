import Yams

/// Where and why Yams refused a YAML text: the one place its errors become a line, a column and a message, for
/// front matter, `_config.yml`, `_data/authors.yml` and the definitions file alike.
public struct YAMLProblem: Equatable, Sendable {
    /// 1-based line in the file, when Yams gives a place.
    public var line: Int?
    /// 1-based column, when Yams gives a place.
    public var column: Int?
    /// Yams' own words (its context and problem), without Swift type names.
    public var message: String

    public init(line: Int?, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The problem of `error`, thrown for a YAML text that starts on line `firstLine` of its file.
    public init(_ error: any Error, firstLine: Int = 1) {
        guard let error = error as? YamlError else {
            self.init(line: nil, column: nil, message: String(describing: error))
            return
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            self.init(line: mark.line + firstLine - 1, column: mark.column, message: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(
                line: context.mark.line + firstLine - 1, column: context.mark.column,
                message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            self.init(line: nil, column: nil, message: String(describing: error))
        }
    }

    /// The line of a node of a composed document, in a file whose YAML starts on line `firstLine`.
    public static func line(of node: Node?, firstLine: Int = 1) -> Int? {
        node?.mark.map { $0.line + firstLine - 1 }
    }
}
