extension SiteConfig {
    /// jekyll-polyglot's settings (`languages:` and `default_lang:` in `_config.yml`) and its rules, as version
    /// 1.5.1 applies them.
    ///
    /// Polyglot builds the site once per language: the default language at the root, every other one under
    /// `/LANG/`. A post's language is its front matter `lang:`, else (with `lang_from_path: true`) a language
    /// folder (`_posts/ko/x.md`, `ko/_posts/x.md`), else the default language. Its URL is Jekyll's with every
    /// `/LANG/` or `.LANG.` of a declared language replaced by `/`, so translations share it.
    public struct Polyglot: Sendable, Equatable {
        /// `languages:`, as written (`en`, `pt-BR`).
        public var languages: [String]
        /// `default_lang:`, as written.
        public var defaultLanguage: String
        /// `lang_from_path:`.
        public var languageFromPath: Bool

        public init(languages: [String], defaultLanguage: String, languageFromPath: Bool = false) {
            self.languages = languages
            self.defaultLanguage = defaultLanguage
            self.languageFromPath = languageFromPath
        }

        /// The language polyglot gives a post, as written: `lang:`, else its path's, else the default one.
        public func language(ofPath relativePath: String, frontMatterLang: String?) -> String {
            frontMatterLang ?? folderLanguage(ofPath: relativePath) ?? defaultLanguage
        }

        /// The language folder polyglot takes a post's language from (`_posts/ko/x.md`, `ko/_posts/x.md`), as
        /// written; nil without `lang_from_path: true`, where polyglot reads no folder at all.
        public func folderLanguage(ofPath relativePath: String) -> String? {
            guard languageFromPath else { return nil }
            let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
            if relativePath.hasPrefix("_"), segments.count > 2, Self.isLanguageShaped(segments[1]) {
                return String(segments[1])
            }
            if segments.count > 1, Self.isLanguageShaped(segments[0]) { return String(segments[0]) }
            return nil
        }

        /// The path polyglot publishes a post of `language` at, from the path Jekyll gives it (`/x/`).
        public func path(_ jekyllPath: String, language: String) -> String {
            let shared = sharedPath(jekyllPath)
            guard language != defaultLanguage, languages.contains(language) else { return shared }
            return "/" + language + shared
        }

        /// `doc.url.gsub(/([\/\.]LANG[\/\.])|.../, '/')`: the permalink translations share.
        public func sharedPath(_ jekyllPath: String) -> String {
            var result = ""
            var rest = Substring(jekyllPath)
            scan: while let first = rest.first {
                if first == "/" || first == "." {
                    for language in languages {
                        let after = rest.dropFirst()
                        guard after.hasPrefix(language), let close = after.dropFirst(language.count).first,
                            close == "/" || close == "."
                        else { continue }
                        result.append("/")
                        rest = after.dropFirst(language.count + 1)
                        continue scan
                    }
                }
                result.append(first)
                rest = rest.dropFirst()
            }
            return result
        }

        /// `/^[a-z]{2,3}(:?[_-](:?[A-Za-z]{2}){1,2}){0,2}$/`, polyglot's test of a language folder.
        static func isLanguageShaped(_ segment: Substring) -> Bool {
            let parts = segment.split(separator: "-", omittingEmptySubsequences: false).flatMap {
                $0.split(separator: "_", omittingEmptySubsequences: false)
            }
            guard let first = parts.first, (2...3).contains(first.count),
                first.allSatisfy({ ("a"..."z").contains($0) }), parts.count <= 3
            else { return false }
            return parts.dropFirst().allSatisfy { part in
                (part.count == 2 || part.count == 4) && part.allSatisfy { $0.isASCII && $0.isLetter }
            }
        }
    }
}

extension SiteConfig {
    /// The language a post's folders give it, by the rule of the site's language plugin when it has one, so that
    /// a post's language and its URL always agree: jekyll-multiple-languages-plugin's `_i18n/LANG/_posts/`,
    /// polyglot's folder (only with `lang_from_path: true`, as polyglot reads no folder without it), else a
    /// language folder (`de/_posts/`) as `LanguageFolder` recognises one.
    public func folderLanguage(ofPath relativePath: String) -> String? {
        if let polyglot {
            return polyglot.folderLanguage(ofPath: relativePath).flatMap(LanguageTag.normalized)
        }
        if let multipleLanguages {
            return multipleLanguages.language(ofPath: relativePath).flatMap(LanguageTag.normalized)
                ?? LanguageFolder.language(ofPath: relativePath, declared: multipleLanguages.languages)
        }
        return LanguageFolder.language(ofPath: relativePath)
    }
}
