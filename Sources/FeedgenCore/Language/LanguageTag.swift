/// BCP 47 language tags (RFC 5646 §2.1): the one rule every language the project reads (front matter, folders,
/// `--lang`, output folder names) is checked and written by.
public enum LanguageTag {
    /// `raw` as a well-formed tag in its conventional case, or nil: `fr_FR` -> `fr-FR`, `pt-br` -> `pt-BR`,
    /// `ZH-hant-tw` -> `zh-Hant-TW`, `english` -> nil.
    ///
    /// Checks the shape of `language[-extlang][-script][-region](-variant)*(-extension)*[-x-private]` or a
    /// private-use tag `x-…`, not the registry. Surrounding white space is dropped and `_` is taken for `-`,
    /// because POSIX locales (`en_US`) and folder names (`zh_cn`) use it. Subtags are ASCII letters and digits,
    /// so no tag holds `/`, `.` or a space.
    public static func normalized(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let subtags = trimmed.split(separator: /[-_]/, omittingEmptySubsequences: false).map { $0.lowercased() }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(isAlphanumeric) }) else { return nil }
        if subtags[0] == "x" { return privateUse(subtags[...]).map { $0.joined(separator: "-") } }
        var result: [String] = []
        var index = 0
        /// Takes the next subtag, written by `format`, when `accept` says it has the expected shape.
        func take(_ accept: (String) -> Bool, _ format: (String) -> String = { $0 }) -> Bool {
            guard index < subtags.count, accept(subtags[index]) else { return false }
            result.append(format(subtags[index]))
            index += 1
            return true
        }
        guard take({ isAlpha($0) && (2...3).contains($0.count) }) else { return nil }
        if subtags[0].count <= 3 {
            for _ in 0..<3 where take({ isAlpha($0) && $0.count == 3 }) {}
        }
        _ = take({ isAlpha($0) && $0.count == 4 }, { $0.prefix(1).uppercased() + $0.dropFirst() })
        _ = take(
            { (isAlpha($0) && $0.count == 2) || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }, { $0.uppercased() })
        while take({ $0.count >= 5 || ($0.count == 4 && $0.first!.isNumber) }) {}
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            result.append(subtags[index])
            index += 1
            guard take({ $0.count >= 2 }) else { return nil }
            while take({ $0.count >= 2 }) {}
        }
        if index < subtags.count {
            guard let tail = privateUse(subtags[index...]) else { return nil }
            result += tail
        }
        return result.joined(separator: "-")
    }

    /// Whether `tag` is a well-formed tag as written, `-` between subtags and no white space around them (any
    /// case): what a tag must be where it names a file or a mail header.
    public static func isWellFormed(_ tag: String) -> Bool {
        normalized(tag)?.lowercased() == tag.lowercased()
    }

    /// `x` and one or more private-use subtags of 1-8 characters.
    private static func privateUse(_ subtags: ArraySlice<String>) -> [String]? {
        subtags.count >= 2 && subtags.first == "x" ? Array(subtags) : nil
    }

    private static func isAlpha(_ text: String) -> Bool { text.allSatisfy { $0.isASCII && $0.isLetter } }
    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
