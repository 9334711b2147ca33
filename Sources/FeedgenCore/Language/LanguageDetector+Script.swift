import Foundation

/// Telling a language from the writing system of a text.
extension LanguageDetector {
    /// Letters of one script in a text: how many, and the longest run of them in a row.
    struct ScriptLetters: Equatable, Sendable {
        var letters = 0
        var longestRun = 0
    }

    /// Letters per script of `rules.scripts` and of Latin, counted by Unicode's Script property (ICU).
    ///
    /// Only letters count (`\p{L}`): digits, punctuation, emoji and spaces are Common, combining accents are
    /// Inherited, and both say nothing about the language. A combining mark does not break a run.
    static func scriptLetters(in text: String, rules: LanguageRules) -> [String: ScriptLetters] {
        var counts: [String: ScriptLetters] = [:]
        for (script, pattern) in rules.compiled.scriptRuns {
            var count = ScriptLetters()
            for run in pattern.matches(in: text) {
                let letters = run.matched.unicodeScalars.count { scalar in
                    switch scalar.properties.generalCategory {
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
                    default: false
                    }
                }
                count.letters += letters
                count.longestRun = max(count.longestRun, letters)
            }
            if count.letters > 0 { counts[script] = count }
        }
        return counts
    }

    /// The language whose script writes a meaningful part of `text`'s letters, or nil.
    ///
    /// The rule: letters are counted per script (Latin included, unmapped scripts ignored). A non-Latin script
    /// decides when it has a run of at least `scriptMinimumRun` letters (a word, not a stray `λ`) and at least
    /// `minimumShare` of the letters; the one with most letters wins, ties going to the script name first in
    /// alphabetical order. Latin never decides, because every language writes its technical names in it.
    ///
    /// Why a minority may decide: in `NLP简报（Issue#8）[ZH]: NeRF, CORD-19, Stanza, …` two Han letters stand
    /// against sixty Latin ones, yet nobody writes `简报` in an English title, while every Chinese or Arabic title
    /// keeps model and library names in Latin letters. Titles are short and deliberate, so by default any word
    /// in another script decides them (`titleScriptShare` 0). Bodies carry URLs, code and quoted examples, so
    /// there a script needs a fifth of the letters (`bodyScriptShare` 0.2): the corpus's Chinese bodies are
    /// 27% to 42% Han (links, code and the English names they keep are Latin), its English bodies have no Han,
    /// Arabic or Cyrillic letter at all, and a few Greek ones in formulas (0.02%).
    ///
    /// Japanese writes with Han and kana, Chinese never with kana: when kana letters (at least
    /// `scriptMinimumRun` of them) stand beside Han, the Han letters count for the kana's language.
    static func dominantScript(
        in text: String, minimumShare: Double, rules: LanguageRules
    ) -> (language: String, script: String)? {
        // Below U+0370 letters are Latin; above, quotes, dashes and emoji are not letters: nothing could decide.
        guard text.unicodeScalars.contains(where: { $0.value >= 0x370 && $0.properties.isAlphabetic }) else {
            return nil
        }
        let counts = scriptLetters(in: text, rules: rules)
        let total = counts.values.reduce(0) { $0 + $1.letters }
        guard total > 0 else { return nil }
        var languageOf = rules.scripts
        let kana = ["Hiragana", "Katakana"].filter { counts[$0] != nil && rules.scripts[$0] != nil }
        if let kanaScript = kana.first, kana.reduce(0, { $0 + counts[$1]!.letters }) >= rules.scriptMinimumRun {
            languageOf["Han"] = rules.scripts[kanaScript]
        }
        // Per language: letters, longest run, and the script with most letters (to name in the reason).
        var byLanguage: [String: (letters: Int, longestRun: Int, script: String, scriptLetters: Int)] = [:]
        for (script, count) in counts.sorted(by: { $0.key < $1.key }) {
            guard let language = languageOf[script] else { continue }
            var entry = byLanguage[language] ?? (0, 0, script, 0)
            entry.letters += count.letters
            entry.longestRun = max(entry.longestRun, count.longestRun)
            if count.letters > entry.scriptLetters { (entry.script, entry.scriptLetters) = (script, count.letters) }
            byLanguage[language] = entry
        }
        let winner =
            byLanguage
            .filter {
                $0.value.longestRun >= rules.scriptMinimumRun
                    && Double($0.value.letters) >= minimumShare * Double(total)
            }
            .min { ($1.value.letters, $0.value.script) < ($0.value.letters, $1.value.script) }
        return winner.map { ($0.key, $0.value.script) }
    }
}
