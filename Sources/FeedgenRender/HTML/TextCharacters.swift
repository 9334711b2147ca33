import FeedgenCore

/// The characters that may not appear in feed HTML, and their removal.
enum TextCharacters {
    /// Whether `scalar` may not appear in the output: `XMLSafeText`'s rule, the one every writer applies
    /// (noncharacters are also what `Placeholders` uses for its tokens).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        XMLSafeText.isIllegal(scalar)
    }

    /// `text` without forbidden characters; `report` gets each one's UTF-8 offset in `text`.
    static func removingForbidden(from text: String, report: (Int, Unicode.Scalar) -> Void) -> String {
        guard XMLSafeText.mayHoldIllegal(text), text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        var offset = 0
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                report(offset, scalar)
            } else {
                result.append(scalar)
            }
            offset += UTF8.width(scalar)
        }
        return String(result)
    }
}
