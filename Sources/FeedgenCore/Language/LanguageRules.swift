import Foundation

/// How feedgen tells a post's language from its file name, title and text: the `languages:` key of the feed definitions.
///
/// Every key is optional; a key left out keeps its default (`LanguageRules.defaults`), a key given replaces it:
/// ```yaml
/// languages:
///   markers:                          # explicit markers, tried first and in order
///     - pattern: "Bolet[ií]n"         # ICU regular expression
///       language: es                  # BCP 47 tag
///       fields: [file, title]         # where to look; default both
///       caseSensitive: false          # default false
///   bracketCodes: [en, fr, pt, zh]    # codes read from `[xx]` or `[xx-YY]` in the file name or the title
///   suffixCodes: [en, fr, tr]         # codes read from `_xx`, `-xx`, `.xx` ending the file name, or `.xx.` inside it
///   aliases: { ch: zh, cn: zh }       # marker codes that stand for another tag
///   scripts: { Han: zh, Arabic: ar }  # Unicode script (ICU name) -> language, for titles and bodies
///   titleScriptShare: 0               # share of a title's letters a script needs to decide (0 to 1)
///   bodyScriptShare: 0.2              # the same for the body
///   scriptMinimumRun: 2               # a script counts only if it writes at least this many letters in a row
/// ```
/// Generic codes are restricted to lists because file names and titles are full of two-letter words and
/// abbreviations: `[ML]` is machine learning before it is Malayalam, and `Do-it` does not end in Italian.
public struct LanguageRules: Codable, Sendable, Equatable {
    /// One explicit marker: a pattern that, found in the file name or the title, gives the language.
    public struct Marker: Codable, Sendable, Equatable {
        /// Where a marker is looked for.
        public enum Field: String, Codable, Sendable, CaseIterable {
            /// The file name without folder, date prefix and extensions.
            case file
            case title
        }

        public var pattern: String
        /// A BCP 47 tag, normalised (`pt-br` is stored as `pt-BR`).
        public var language: String
        public var fields: [Field]
        public var caseSensitive: Bool

        public init(pattern: String, language: String, fields: [Field] = Field.allCases, caseSensitive: Bool = false) {
            self.pattern = pattern
            self.language = LanguageTag.normalized(language) ?? language
            self.fields = fields
            self.caseSensitive = caseSensitive
        }

        private enum CodingKeys: String, CodingKey { case pattern, language, fields, caseSensitive }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let language = try container.decode(String.self, forKey: .language)
            guard LanguageTag.normalized(language) != nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .language, in: container, debugDescription: "'\(language)' is not a BCP 47 language tag")
            }
            self.init(
                pattern: try container.decode(String.self, forKey: .pattern), language: language,
                fields: try container.decodeIfPresent([Field].self, forKey: .fields) ?? Field.allCases,
                caseSensitive: try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false)
        }
    }

    public let markers: [Marker]
    /// Lower-case codes accepted in `[xx]` and `[xx-YY]`, besides the keys of `aliases`.
    public let bracketCodes: [String]
    /// Lower-case codes accepted in `_xx`, `-xx`, `.xx` at the end of the file name and `.xx.` inside it.
    public let suffixCodes: [String]
    /// Lower-case marker code -> BCP 47 tag, for markers that are not the language's code (`ch` -> `zh`).
    public let aliases: [String: String]
    /// ICU script name -> BCP 47 tag. Latin is never mapped: it is the script of every language's technical names.
    public let scripts: [String: String]
    public let titleScriptShare: Double
    public let bodyScriptShare: Double
    public let scriptMinimumRun: Int

    /// The same patterns, compiled once.
    let compiled: Compiled

    /// Makes rules, compiling every pattern; throws `InvalidPattern` for the first one ICU rejects.
    public init(
        markers: [Marker], bracketCodes: [String], suffixCodes: [String], aliases: [String: String],
        scripts: [String: String], titleScriptShare: Double = 0, bodyScriptShare: Double = 0.2,
        scriptMinimumRun: Int = 2
    ) throws(InvalidPattern) {
        self.markers = markers
        self.bracketCodes = bracketCodes.map { $0.lowercased() }
        self.suffixCodes = suffixCodes.map { $0.lowercased() }
        self.aliases = Dictionary(
            aliases.map { ($0.key.lowercased(), LanguageTag.normalized($0.value) ?? $0.value) },
            uniquingKeysWith: { first, _ in first })
        self.scripts = scripts.filter { $0.key != "Latin" }.mapValues { LanguageTag.normalized($0) ?? $0 }
        self.titleScriptShare = titleScriptShare
        self.bodyScriptShare = bodyScriptShare
        self.scriptMinimumRun = max(1, scriptMinimumRun)
        compiled = try Compiled(markers: markers, scripts: self.scripts)
    }

    public static func == (lhs: LanguageRules, rhs: LanguageRules) -> Bool {
        lhs.markers == rhs.markers && lhs.bracketCodes == rhs.bracketCodes && lhs.suffixCodes == rhs.suffixCodes
            && lhs.aliases == rhs.aliases && lhs.scripts == rhs.scripts
            && lhs.titleScriptShare == rhs.titleScriptShare && lhs.bodyScriptShare == rhs.bodyScriptShare
            && lhs.scriptMinimumRun == rhs.scriptMinimumRun
    }

    private enum CodingKeys: String, CodingKey {
        case markers, bracketCodes, suffixCodes, aliases, scripts, titleScriptShare, bodyScriptShare, scriptMinimumRun
    }

    /// Reads the YAML shape above; keys left out take the value of `defaults`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base = LanguageRules.defaults
        let scripts = try container.decodeIfPresent([String: String].self, forKey: .scripts) ?? base.scripts
        for (script, language) in scripts.sorted(by: { $0.key < $1.key })
        where LanguageTag.normalized(language) == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .scripts, in: container,
                debugDescription: "'\(language)' (for script \(script)) is not a BCP 47 language tag")
        }
        let markers = try container.decodeIfPresent([Marker].self, forKey: .markers) ?? base.markers
        let bracketCodes = try container.decodeIfPresent([String].self, forKey: .bracketCodes) ?? base.bracketCodes
        let suffixCodes = try container.decodeIfPresent([String].self, forKey: .suffixCodes) ?? base.suffixCodes
        let aliases = try container.decodeIfPresent([String: String].self, forKey: .aliases) ?? base.aliases
        for (code, language) in aliases.sorted(by: { $0.key < $1.key })
        where LanguageTag.normalized(language) == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .aliases, in: container,
                debugDescription: "'\(language)' (for marker code \(code)) is not a BCP 47 language tag")
        }
        let titleShare = try container.decodeIfPresent(Double.self, forKey: .titleScriptShare) ?? base.titleScriptShare
        let bodyShare = try container.decodeIfPresent(Double.self, forKey: .bodyScriptShare) ?? base.bodyScriptShare
        let minimumRun = try container.decodeIfPresent(Int.self, forKey: .scriptMinimumRun) ?? base.scriptMinimumRun
        do throws(InvalidPattern) {
            try self.init(
                markers: markers, bracketCodes: bracketCodes, suffixCodes: suffixCodes, aliases: aliases,
                scripts: scripts, titleScriptShare: titleShare, bodyScriptShare: bodyShare,
                scriptMinimumRun: minimumRun)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Compiled patterns of the rules; immutable, so rules stay `Sendable` and cheap to copy.
    struct Compiled: Sendable {
        let markers: [(marker: Marker, pattern: CompiledPattern)]
        /// `[xx]`, `[xx-YY]`, `[xx_YY]`.
        let bracket: CompiledPattern
        /// `_xx`, `-xx`, `.xx` ending the stem, with an optional region (`_pt_BR`).
        let suffix: CompiledPattern
        /// `.xx.` inside the stem, as in `NLP_Newsletter.AR._The_Annotated`.
        let dotted: CompiledPattern
        /// Runs of letters of each mapped script (marks allowed inside), sorted by script name; Latin last.
        let scriptRuns: [(script: String, pattern: CompiledPattern)]

        init(markers: [Marker], scripts: [String: String]) throws(InvalidPattern) {
            var compiledMarkers: [(marker: Marker, pattern: CompiledPattern)] = []
            for marker in markers {
                compiledMarkers.append(
                    (marker, try CompiledPattern(marker.pattern, caseInsensitive: !marker.caseSensitive)))
            }
            self.markers = compiledMarkers
            bracket = try CompiledPattern(#"\[([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?\]"#, caseInsensitive: false)
            suffix = try CompiledPattern(#"[-_.]([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?$"#, caseInsensitive: false)
            dotted = try CompiledPattern(#"\.([A-Za-z]{2})\."#, caseInsensitive: false)
            var runs: [(script: String, pattern: CompiledPattern)] = []
            for script in scripts.keys.sorted() + ["Latin"] {
                let letter = "[\\p{Script=\(script)}&&\\p{L}]"
                do throws(InvalidPattern) {
                    guard script.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else {
                        throw InvalidPattern(pattern: script, reason: "")
                    }
                    runs.append((script, try CompiledPattern("\(letter)(?:\(letter)|\\p{M})*", caseInsensitive: false)))
                } catch {
                    throw InvalidPattern(
                        pattern: script, reason: "not a Unicode script name (Han, Arabic, Cyrillic, ...)")
                }
            }
            scriptRuns = runs
        }
    }
}
