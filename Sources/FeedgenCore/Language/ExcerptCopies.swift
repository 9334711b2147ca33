/// Finds translations whose front-matter `excerpt` was copied from another language's post of the same issue.
///
/// Translators often copy the original's front matter and translate only the text, so the French issue's summary
/// would be in English. Excerpts are compared after collapsing white space; of the posts of one issue that share an
/// excerpt, the earliest (the original; on the same date, the site's language, then the path) keeps it.
public enum ExcerptCopies {
    /// Copied post id -> the post it was copied from.
    public static func find(in posts: [Post], siteLanguage: String) -> [String: Post] {
        var copies: [String: Post] = [:]
        let issues = Dictionary(grouping: posts.filter { $0.issue != nil && $0.excerpt != nil }, by: \.issue)
        for group in issues.values where group.count > 1 {
            let sharing = Dictionary(grouping: group) { normalized($0.excerpt ?? "") }
            for posts in sharing.values where Set(posts.map(\.language)).count > 1 {
                let ordered = posts.sorted {
                    ($0.date, $0.language == siteLanguage ? 0 : 1, $0.path)
                        < ($1.date, $1.language == siteLanguage ? 0 : 1, $1.path)
                }
                let original = ordered[0]
                for post in ordered.dropFirst() where post.language != original.language {
                    copies[post.id] = original
                }
            }
        }
        return copies
    }

    /// Posts whose excerpt reads, as a summary, the same as the first paragraph of another language's post of the
    /// same issue: the translation kept the original's opening as its excerpt. Only rendered posts are compared
    /// (a summary comes from the rendered text); copied post id -> the post it was copied from.
    public static func findCopiedParagraphs(in posts: [Post], rendered: [String: RenderedItem]) -> [String: Post] {
        var copies: [String: Post] = [:]
        let issues = Dictionary(grouping: posts.filter { $0.issue != nil && rendered[$0.id] != nil }, by: \.issue)
        for group in issues.values where group.count > 1 {
            for post in group where post.excerpt != nil {
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

    /// The text with every run of white space made one space, trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
