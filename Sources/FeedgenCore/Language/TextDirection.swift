/// Which way a language's text runs, from its BCP 47 tag, for the `dir` attribute of item content.
public enum TextDirection: String, Sendable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"

    /// Scripts written right to left (ISO 15924): Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Samaritan, Mandaic.
    static let rightToLeftScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "samr", "mand"]

    /// Languages written right to left unless the tag names another script: Arabic, Hebrew (and its old code
    /// `iw`), Persian, Urdu, Pashto, Sindhi, Uyghur, Central Kurdish, Dhivehi, Yiddish.
    public static let rightToLeftLanguages: Set<String> = [
        "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "ckb", "dv", "yi",
    ]

    /// The direction of `tag`: its script subtag decides when it has one (`az-Arab` is right to left,
    /// `ku-Latn` left to right), else its language.
    public init(languageTag tag: String) {
        let subtags = tag.lowercased().split(separator: "-").map(String.init)
        if let script = subtags.dropFirst().first(where: { $0.count == 4 && $0.allSatisfy(\.isLetter) }) {
            self = Self.rightToLeftScripts.contains(script) ? .rightToLeft : .leftToRight
        } else {
            self = Self.rightToLeftLanguages.contains(subtags.first ?? "") ? .rightToLeft : .leftToRight
        }
    }
}
