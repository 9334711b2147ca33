import Foundation

/// A post's language and what told it.
public struct LanguageDecision: Sendable, Equatable {
    /// What decided the language, for diagnostics and `feedgen explain`-style output.
    public enum Reason: Sendable, Equatable {
        /// The front matter's `lang` (or `language`).
        case frontMatter
        /// A language folder the post lives in (`de/news/_posts/`, polyglot's `_posts/ko/`).
        case folder
        /// A marker in the file name or the title; the text it matched, e.g. `[PT-BR]` or `_en`.
        case marker(String)
        /// The dominant script of the title or the body; the ICU script name, e.g. `Han`.
        case script(String)
        /// Nothing else said anything.
        case siteDefault
    }

    /// BCP 47 tag with its usual case: `pt-BR`, `zh`, `zh-Hant-TW`.
    public var language: String
    public var reason: Reason

    public init(language: String, reason: Reason) {
        self.language = language
        self.reason = reason
    }
}

/// Decides a post's BCP 47 language from what its author wrote, cheapest and most explicit evidence first.
public enum LanguageDetector {
    /// The language of one post, from the first of these that says something:
    /// 1. `frontMatter`, the value of `lang` (or `language`) as written, when it is a well-formed tag;
    /// 2. `folder`, the language of the folder the post lives in (see `LanguageFolder`);
    /// 3. a marker in the file name (explicit markers, `[xx]`, `.xx.`, then `_xx`/`-xx`/`.xx` at the end);
    /// 4. a marker in the title (explicit markers, `[xx]`);
    /// 5. the dominant script of the title, then of the body (see `dominantScript`);
    /// 6. `siteDefault`.
    /// - Parameter fileName: the post's file name or path, with its date prefix and extensions.
    /// - Parameter body: the post's text; called at most once, and only when nothing before it decided.
    public static func detect(
        frontMatter: String?, folder: String? = nil, fileName: String, title: String, body: () -> String,
        siteDefault: String, rules: LanguageRules
    ) -> LanguageDecision {
        if let declared = frontMatter, let tag = LanguageTag.normalized(declared) {
            return LanguageDecision(language: tag, reason: .frontMatter)
        }
        if let folder { return LanguageDecision(language: folder, reason: .folder) }
        if let found = marker(in: PostFileStem.of(fileName), field: .file, rules: rules)
            ?? marker(in: title, field: .title, rules: rules)
        {
            return found
        }
        if let found = dominantScript(in: title, minimumShare: rules.titleScriptShare, rules: rules)
            ?? dominantScript(in: body(), minimumShare: rules.bodyScriptShare, rules: rules)
        {
            return LanguageDecision(language: found.language, reason: .script(found.script))
        }
        return LanguageDecision(language: LanguageTag.normalized(siteDefault) ?? siteDefault, reason: .siteDefault)
    }

    /// The first marker of `field` in `text`, as a decision; nil when there is none.
    static func marker(in text: String, field: LanguageRules.Marker.Field, rules: LanguageRules) -> LanguageDecision? {
        let compiled = rules.compiled
        for (marker, pattern) in compiled.markers where marker.fields.contains(field) {
            if let match = pattern.firstMatch(in: text) {
                return LanguageDecision(language: marker.language, reason: .marker(match.matched))
            }
        }
        for match in compiled.bracket.matches(in: text) {
            let code = match.groups[0]!.lowercased()
            if rules.aliases[code] != nil || rules.bracketCodes.contains(code),
                let tag = tag(code: code, region: match.groups[1], rules: rules)
            {
                return LanguageDecision(language: tag, reason: .marker(match.matched))
            }
        }
        guard field == .file else { return nil }
        for match in compiled.dotted.matches(in: text) {
            let code = match.groups[0]!.lowercased()
            if rules.suffixCodes.contains(code), let tag = tag(code: code, region: nil, rules: rules) {
                return LanguageDecision(language: tag, reason: .marker(match.matched))
            }
        }
        guard let match = compiled.suffix.firstMatch(in: text) else { return nil }
        let first = match.groups[0]!.lowercased()
        if let region = match.groups[1] {
            // `_pt_BR` is Portuguese of Brazil; `_de_en` (or `_to_en`) ends in English.
            if rules.suffixCodes.contains(region.lowercased()) {
                return tag(code: region.lowercased(), region: nil, rules: rules).map {
                    LanguageDecision(language: $0, reason: .marker(String(match.matched.suffix(3))))
                }
            }
            guard rules.suffixCodes.contains(first) else { return nil }
        } else if !rules.suffixCodes.contains(first) {
            return nil
        }
        return tag(code: first, region: match.groups[1], rules: rules).map {
            LanguageDecision(language: $0, reason: .marker(match.matched))
        }
    }

    /// The tag a marker code stands for: its alias, or itself, with the region when the alias has none.
    private static func tag(code: String, region: String?, rules: LanguageRules) -> String? {
        let base = rules.aliases[code] ?? code
        guard let region, !base.contains("-") else { return LanguageTag.normalized(base) }
        return LanguageTag.normalized(base + "-" + region)
    }
}
