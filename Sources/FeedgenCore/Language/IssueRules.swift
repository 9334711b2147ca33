import Foundation

/// How feedgen finds a newsletter issue's number: the `issues:` key of the feed definitions.
///
/// Every key is optional; `rules`, when given, replaces the default rules (`IssueRules.defaults`):
/// ```yaml
/// issues:
///   rules:                                  # tried in order within each field
///     - pattern: "(?<!\\p{L})issue[\\s_#-]*(\\d{1,3})(?!\\d)"   # ICU; the first capture group is the number
///       fields: [title, file]               # title, file (name without date and extensions), image (thumb name)
///       caseSensitive: false                # default false
/// ```
/// The fields are searched title first, then file name, then image, because a title is written for people
/// and a thumb name is the weakest hint. Numbers are 1 to 3 digits so that years (`2019`) never count.
public struct IssueRules: Codable, Sendable, Equatable {
    /// One way of writing an issue number, and where it is looked for.
    public struct Rule: Codable, Sendable, Equatable {
        /// A place an issue number may be written.
        public enum Field: String, Codable, Sendable, CaseIterable {
            case title
            /// The file name without folder, date prefix and extensions.
            case file
            /// The last path component of the front matter's image (its `thumb` when it has one).
            case image
        }

        /// An ICU regular expression whose first capture group is the number.
        public var pattern: String
        public var fields: [Field]
        public var caseSensitive: Bool

        public init(pattern: String, fields: [Field], caseSensitive: Bool = false) {
            self.pattern = pattern
            self.fields = fields
            self.caseSensitive = caseSensitive
        }

        private enum CodingKeys: String, CodingKey { case pattern, fields, caseSensitive }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                pattern: try container.decode(String.self, forKey: .pattern),
                fields: try container.decodeIfPresent([Field].self, forKey: .fields) ?? [.title, .file],
                caseSensitive: try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false)
        }
    }

    public let rules: [Rule]
    /// The rules' patterns, compiled once.
    let compiled: [(rule: Rule, pattern: CompiledPattern)]

    /// Makes rules, compiling every pattern; throws `InvalidPattern` for one ICU rejects or one with no group.
    public init(rules: [Rule]) throws(InvalidPattern) {
        self.rules = rules
        var compiled: [(rule: Rule, pattern: CompiledPattern)] = []
        for rule in rules {
            let pattern = try CompiledPattern(rule.pattern, caseInsensitive: !rule.caseSensitive)
            guard pattern.regex.numberOfCaptureGroups >= 1 else {
                throw InvalidPattern(pattern: rule.pattern, reason: "it needs a capture group for the issue number")
            }
            compiled.append((rule, pattern))
        }
        self.compiled = compiled
    }

    public static func == (lhs: IssueRules, rhs: IssueRules) -> Bool { lhs.rules == rhs.rules }

    private enum CodingKeys: String, CodingKey { case rules }

    /// Reads the YAML shape above; `rules` left out takes the default rules.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rules = try container.decodeIfPresent([Rule].self, forKey: .rules) ?? IssueRules.defaults.rules
        do throws(InvalidPattern) {
            try self.init(rules: rules)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath + [CodingKeys.rules], debugDescription: error.description))
        }
    }

    /// The forms of the corpus and their near relatives.
    ///
    /// - `Issue #7`, `Issue#5`, `Issue 4`, `ISSUE_4`, `（Issue#5）` (title, file);
    /// - `Newsletter 13`, `Newsletter #13`, `Newsletter_9`, `NLP_Newsletter_14-en`, `NLP_Newsletter[PT-BR]_8`
    ///   (title, file);
    /// - `#7`, `# 7` not glued to a letter or digit, so `C#` and `&#38;` do not count (title, file);
    /// - `第6期`, Chinese for "issue 6" (title, file);
    /// - `NLP_7` (file only: `NLP 2018 Highlights` in a title is a year, and the three-digit limit alone would
    ///   not stop `NLP 201`);
    /// - `nlp_newsletter_5.png` (image only). The corpus's Arabic issue 5 has its number nowhere else, and the
    ///   site gives every issue and every translation the same numbered thumb; articles use other thumbs.
    ///
    /// Not numbers of issues: `Chapter 1`, `TensorFlow 2.1`, `GPT-2`, `2019`, `Top 10`.
    public static let defaults: IssueRules = {
        do {
            return try IssueRules(rules: [
                Rule(pattern: #"(?<!\p{L})issue[\s_#-]*(\d{1,3})(?!\d)"#, fields: [.title, .file]),
                Rule(pattern: #"(?<!\p{L})newsletter(?:\[[^\]]*\])?[\s_#-]*(\d{1,3})(?!\d)"#, fields: [.title, .file]),
                Rule(pattern: #"(?<![\p{L}\p{N}&])#\s?(\d{1,3})(?!\d)"#, fields: [.title, .file]),
                Rule(pattern: #"第\s*(\d{1,3})\s*期"#, fields: [.title, .file]),
                // French, Spanish, Portuguese "n° 3", "nº 3", "numéro 3", "número 3"; Arabic "العدد 3" ("issue 3").
                Rule(pattern: #"(?<!\p{L})(?:n[°º]|num[ée]ro|número)\s*(\d{1,3})(?!\d)"#, fields: [.title]),
                Rule(pattern: #"العدد\s*(\d{1,3})(?!\d)"#, fields: [.title]),
                Rule(pattern: #"(?<!\p{L})NLP_(\d{1,3})(?!\d)"#, fields: [.file]),
                Rule(
                    pattern: #"(?<!\p{L})(?:newsletter|issue)[_-]?(\d{1,3})\.(?:png|jpe?g|gif|webp|avif|svg)$"#,
                    fields: [.image]),
            ])
        } catch {
            fatalError("the default issue rules do not compile: \(error)")
        }
    }()
}
