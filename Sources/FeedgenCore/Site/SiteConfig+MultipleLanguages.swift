extension SiteConfig {
    /// jekyll-multiple-languages-plugin's settings (named in `plugins:`, with `languages:`), and its rules as
    /// version 1.7 applies them.
    ///
    /// The plugin builds the site once per language: the first of `languages:` at the root (or under its folder
    /// with `default_locale_in_subfolder: true`), every other under `/LANG/`. The posts of language LANG are those
    /// of `_i18n/LANG/_posts/`, which replace the site's own `_posts/` (unless `exclude_from_localizations`
    /// names `_posts`); the `_i18n` and LANG folders are not categories.
    public struct MultipleLanguages: Sendable, Equatable {
        /// `languages:`, as written; the first is the default.
        public var languages: [String]
        /// `default_locale_in_subfolder:`.
        public var defaultInSubfolder: Bool
        /// Whether posts are translated (`_posts` is not in `exclude_from_localizations:`).
        public var translatesPosts: Bool

        public init(languages: [String], defaultInSubfolder: Bool = false, translatesPosts: Bool = true) {
            self.languages = languages
            self.defaultInSubfolder = defaultInSubfolder
            self.translatesPosts = translatesPosts
        }

        /// The plugin's folders of translated posts: `_i18n/LANG/_posts` for every language.
        public var postFolders: [String] {
            translatesPosts ? languages.map { "_i18n/\($0)/_posts" } : []
        }

        /// The language of a post in one of `postFolders`, as written, or nil.
        public func language(ofPath relativePath: String) -> String? {
            languages.first { translatesPosts && relativePath.hasPrefix("_i18n/\($0)/_posts/") }
        }

        /// The categories Jekyll gives the post, less the plugin's folders.
        public func categories(_ categories: [String], language: String) -> [String] {
            categories.filter { $0 != "_i18n" && $0 != language }
        }

        /// The path the plugin publishes a post of `language` at, from the path Jekyll gives it.
        public func path(_ jekyllPath: String, language: String) -> String {
            guard language != languages.first || defaultInSubfolder else { return jekyllPath }
            return "/" + language + jekyllPath
        }
    }
}
