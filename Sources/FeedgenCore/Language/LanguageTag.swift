/// BCP 47 language tags (RFC 5646 §2.1), checked for their shape before a tag names a file or a header.
public enum LanguageTag {
    /// Whether `tag` is well-formed: `language[-extlang][-script][-region](-variant)*(-extension)*[-x-private]`,
    /// or a private-use tag `x-…`. Subtags are ASCII letters and digits, so no tag holds `/`, `.` or a space.
    public static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(isAlphanumeric) }) else { return false }
        var index = 0
        func next(_ matches: (String) -> Bool) -> Bool {
            guard index < subtags.count, matches(subtags[index]) else { return false }
            index += 1
            return true
        }
        if subtags[0] == "x" { return privateUse(subtags) }
        guard next({ isAlpha($0) && $0.count >= 2 }) else { return false }
        if subtags[0].count <= 3 {
            for _ in 0..<3 where next({ isAlpha($0) && $0.count == 3 }) {}
        }
        _ = next { isAlpha($0) && $0.count == 4 }
        _ = next { (isAlpha($0) && $0.count == 2) || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }
        while next({ $0.count >= 5 || ($0.count == 4 && $0.first!.isNumber) }) {}
        while index < subtags.count, subtags[index].count == 1, subtags[index] != "x" {
            index += 1
            guard next({ $0.count >= 2 }) else { return false }
            while next({ $0.count >= 2 }) {}
        }
        if index < subtags.count { return privateUse(Array(subtags[index...])) }
        return true
    }

    private static func privateUse(_ subtags: [String]) -> Bool {
        subtags.count >= 2 && subtags[0] == "x"
    }

    private static func isAlpha(_ text: String) -> Bool { text.allSatisfy { $0.isASCII && $0.isLetter } }
    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
