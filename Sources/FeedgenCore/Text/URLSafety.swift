/// The one rule for which URLs may reach a feed reader, in item HTML and in every field of a feed.
public enum URLSafety {
    /// The lowercased scheme that makes `value` unsafe (`javascript`, `vbscript`, `livescript`, `mocha`, or
    /// `data` unless `allowsDataImage` and it is `data:image/…`), or nil when the URL may be published.
    public static func unsafeScheme(of value: String, allowsDataImage: Bool = false) -> String? {
        guard let scheme = scheme(of: value) else { return nil }
        switch scheme {
        case "javascript", "vbscript", "livescript", "mocha":
            return scheme
        case "data":
            let isImage = value.drop { $0 != ":" }.dropFirst().lowercased().hasPrefix("image/")
            return allowsDataImage && isImage ? nil : scheme
        default:
            return nil
        }
    }

    /// The lowercased scheme of `value`, read as a browser does: ASCII tab and newline removed first
    /// ("java\tscript:" is still `javascript:`), other control characters and spaces leading.
    public static func scheme(of value: String) -> String? {
        var scheme = ""
        for scalar in value.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            if isLetter || (!scheme.isEmpty && isOther) {
                scheme.unicodeScalars.append(scalar)
            } else if scheme.isEmpty && scalar.value <= 0x20 {
                continue
            } else {
                return nil
            }
        }
        return nil
    }
}
