/// The rules feedgen uses when the feed definitions say nothing, chosen for real multilingual Jekyll sites.
extension LanguageRules {
    /// Markers of the corpus's newsletters plus generic `[xx]`, `_xx`, `-xx`, `.xx` and `.xx.` codes and scripts.
    ///
    /// - Explicit markers: the newsletter's own name in Chinese (`NLP简报`, "bulletin"), Spanish (`Boletín`) and
    ///   Turkish (`Haber Bülteni`), which some translations carry instead of a code; accents may come decomposed
    ///   (a file name written on macOS is in NFD), or be left out.
    /// - `bracketCodes`: every ISO 639-1 code except those that are first of all technical abbreviations in
    ///   brackets (`[ML]`, `[CV]`, `[NN]`, `[OS]`, `[IO]`, `[TS]`, `[SD]`).
    /// - `suffixCodes`: a short list of codes that do not end English file names by accident. Left out on
    ///   purpose: `it` (`Do-it`), `is`, `no`, `be`, `to`, `so`, `my`, `am`, `as`, `an`, `or`, `id` (`user_id`),
    ///   `he`, `hi`, `vi` (`Part-vi`), `fi` (`wi-fi`), `cs` (`stanford-cs`), `uk`, `eu`, `ms`, `la`, `th` (`5-th`).
    ///   Those languages still have brackets and front matter.
    /// - `aliases`: `[CH]` is how the corpus marks Chinese (ISO 639-1 `ch`, Chamorro, is far less likely on a
    ///   blog), `CN` is the country code people use for Chinese, likewise `JP`, `KR`, `GR`, `CZ`, `DK`, `UA`.
    /// - `scripts`: a script maps to a language only when one language writes most of the text in it.
    ///   Arabic script is also Persian and Urdu, and Cyrillic also Ukrainian, Bulgarian and Serbian: those sites
    ///   should mark posts or remap the script (`scripts: { Cyrillic: uk }`). Japanese writes Han too; the
    ///   detector gives Han letters to Japanese when kana appear beside them.
    public static let defaults: LanguageRules = {
        do {
            return try LanguageRules(
                markers: [
                    Marker(pattern: #"(?:NLP\s*)?简报"#, language: "zh"),
                    Marker(pattern: #"(?<!\p{L})Bolet(?:í|i\x{301}?)n(?!\p{L})"#, language: "es"),
                    Marker(pattern: #"(?<!\p{L})Haber[\s_]+B(?:ü|u\x{308}?)lteni"#, language: "tr"),
                ],
                bracketCodes: iso6391Codes.filter { !["ml", "cv", "nn", "os", "io", "ts", "sd"].contains($0) },
                suffixCodes: [
                    "ar", "bg", "ca", "cn", "da", "de", "el", "en", "es", "fa", "fr", "hu", "ja", "ko", "nl", "pl",
                    "pt", "ro", "ru", "sk", "sv", "tr", "zh",
                ],
                aliases: [
                    "ch": "zh", "cn": "zh", "jp": "ja", "kr": "ko", "gr": "el", "cz": "cs", "dk": "da", "ua": "uk",
                ],
                scripts: [
                    "Han": "zh", "Hiragana": "ja", "Katakana": "ja", "Hangul": "ko", "Arabic": "ar", "Hebrew": "he",
                    "Greek": "el", "Cyrillic": "ru", "Thai": "th", "Devanagari": "hi", "Bengali": "bn",
                    "Tamil": "ta", "Georgian": "ka", "Armenian": "hy",
                ],
                titleScriptShare: 0, bodyScriptShare: 0.2, scriptMinimumRun: 2)
        } catch {
            fatalError("the default language rules do not compile: \(error)")
        }
    }()

    /// The 183 two-letter codes of ISO 639-1 (the deprecated `bh` left out).
    static let iso6391Codes: [String] = """
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el \
        en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it \
        iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt \
        my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl \
        sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo \
        za zh zu
        """.split(separator: " ").map(String.init)
}
