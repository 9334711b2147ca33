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
    /// The extensions dropped from the end, any case, as many as there are (`.md.md`, `.md .md`).
    private static let extensions: Set<String> = [
        "md", "markdown", "mkdown", "mkdn", "mkd", "mdown", "mdwn", "text", "txt", "textile", "htm", "html",
    ]

    /// Scanned by hand rather than with a regular expression: it runs for every post of the archive.
    static func of(_ fileName: String) -> String {
        var name = Substring(fileName.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if let afterDate = dropDatePrefix(name), !afterDate.isEmpty { name = afterDate }
        while true {
            let trimmed = name.trimmingTrailingSpaces()
            guard let dot = trimmed.lastIndex(of: "."),
                extensions.contains(trimmed[trimmed.index(after: dot)...].lowercased())
            else {
                return trimmed.isEmpty ? String(name) : String(trimmed)
            }
            let before = trimmed[..<dot].trimmingTrailingSpaces()
            // The stem keeps at least one character: `.md` alone is a name, not an extension.
            guard !before.isEmpty else { return String(trimmed) }
            name = before
        }
    }

    /// `YYYY-M-D-` (a four-digit year, one or two digits for month and day) removed, or nil.
    private static func dropDatePrefix(_ name: Substring) -> Substring? {
        var rest = name
        for (minimum, maximum) in [(4, 4), (1, 2), (1, 2)] {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard digits.count >= minimum, digits.count <= maximum, rest.dropFirst(digits.count).first == "-" else {
                return nil
            }
            rest = rest.dropFirst(digits.count + 1)
        }
        return rest
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
