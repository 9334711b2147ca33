/// Escapes text for HTML made by hand (include output, RSS descriptions, the digest's HTML), the five characters
/// that matter.
public enum HTMLEscape {
    /// `text` safe inside an element or a double-quoted attribute value.
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
