/// Finds translations whose front-matter `excerpt` was copied from another language's version of the same text.
///
/// Translators often copy the original's front matter and translate only the text, so the French issue's summary
/// would be in English. Translations are the posts `TranslationLinker` links (same issue, file name, translation
/// key or permalink). Excerpts are compared after collapsing white space; of the translations that share an
/// excerpt, the earliest (the original; on the same date, the site's language, then the path) keeps it.
public enum ExcerptCopies {
    /// Copied post id -> the post it was copied from.
    public static func find(in posts: [Post], siteLanguage: String) -> [String: Post] {
        let site = LanguageTag.normalized(siteLanguage) ?? siteLanguage
        var copies: [String: Post] = [:]
        for group in translationGroups(posts.filter { $0.excerpt != nil }) {
            let sharing = Dictionary(grouping: group) { normalized($0.excerpt ?? "") }
            for posts in sharing.values where Set(posts.map(\.language)).count > 1 {
                let ordered = posts.sorted {
                    ($0.date, $0.language == site ? 0 : 1, $0.path) < ($1.date, $1.language == site ? 0 : 1, $1.path)
                }
                let original = ordered[0]
                for post in ordered.dropFirst() where post.language != original.language {
                    copies[post.id] = original
                }
            }
        }
        return copies
    }

    /// Posts whose excerpt reads, as a summary, the same as the first paragraph of one of its translations: the
    /// translation kept the original's opening as its excerpt. Only rendered posts are compared (a summary comes
    /// from the rendered text); copied post id -> the post it was copied from.
    public static func findCopiedParagraphs(in posts: [Post], rendered: [String: RenderedItem]) -> [String: Post] {
        var copies: [String: Post] = [:]
        for group in translationGroups(posts.filter { rendered[$0.id] != nil }) {
            for post in group where post.excerpt != nil && copies[post.id] == nil {
                guard let summary = rendered[post.id].map({ normalized($0.summary) }) else { continue }
                let original = group.first { other in
                    other.language != post.language
                        && rendered[other.id]?.textSummary.map(normalized) == summary
                }
                if let original { copies[post.id] = original }
            }
        }
        return copies
    }

    /// The posts that share a mark of translations (an issue, a file name, a key, a permalink), in their order,
    /// for every mark shared by more than one post.
    private static func translationGroups(_ posts: [Post]) -> [[Post]] {
        var groups: [String: [Post]] = [:]
        for post in posts {
            for mark in TranslationLinker.marks(issue: post.issue, keys: post.translationKeys) {
                groups[mark, default: []].append(post)
            }
        }
        return groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    }

    /// The text with every run of white space made one space, trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
