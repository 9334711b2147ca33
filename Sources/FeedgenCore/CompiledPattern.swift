import Foundation

/// A user's regular expression compiled once (ICU syntax, through `NSRegularExpression`), with its source text.
struct CompiledPattern: Sendable {
    let source: String
    let regex: NSRegularExpression

    /// Compiles `source`; throws `InvalidPattern` with ICU's reason when it is not a valid expression.
    init(_ source: String, caseInsensitive: Bool) throws(InvalidPattern) {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw InvalidPattern(pattern: source, reason: error.localizedDescription)
        }
    }

    /// One match: the whole matched text and each capture group (nil when it took no part).
    typealias Match = (matched: String, groups: [String?])

    /// The first match in `text`.
    func firstMatch(in text: String) -> Match? {
        let ns = text as NSString
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)).map { Self.match($0, ns) }
    }

    /// Every match in `text`, left to right.
    func matches(in text: String) -> [Match] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { Self.match($0, ns) }
    }

    private static func match(_ result: NSTextCheckingResult, _ text: NSString) -> Match {
        let groups: [String?] = (0..<result.numberOfRanges).dropFirst().map { index in
            let range = result.range(at: index)
            return range.location == NSNotFound ? nil : text.substring(with: range)
        }
        return (text.substring(with: result.range), groups)
    }
}

/// A pattern of the feed definitions that is not a valid regular expression.
public struct InvalidPattern: Error, Equatable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var reason: String

    public var description: String { "invalid regular expression '\(pattern)': \(reason)" }
}

/// The part of a post's file name that says something about the post: no folder, date prefix or extensions.
enum PostFileStem {
    /// `2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md` becomes `NLP_Newsletter_NLP_8[ZH]`.
    ///
    /// Jekyll's post name is `YYYY-MM-DD-title.ext` with one- or two-digit month and day
    /// (`Document::DATE_FILENAME_MATCHER`); the corpus also stacks extensions (`.md.md`, `.md .md`), so every
    /// trailing Markdown or HTML extension goes, while a language extension such as `.fr` in `post.fr.md` stays.
    static func of(_ fileName: String) -> String {
        let name = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        return stem.firstMatch(in: name)?.groups[0] ?? name
    }

    /// Date prefix, the stem (lazy, so the extensions go to the next group), then every trailing extension.
    private static let stem: CompiledPattern = {
        let extensions = #"(?:\s*\.(?:md|markdown|mkdown|mkdn|mkd|mdown|mdwn|text|txt|textile|html?))*\s*"#
        do {
            return try CompiledPattern(#"^(?:\d{4}-\d{1,2}-\d{1,2}-)?(.+?)"# + extensions + "$", caseInsensitive: true)
        } catch {
            fatalError("the file stem pattern does not compile: \(error)")
        }
    }()
}
