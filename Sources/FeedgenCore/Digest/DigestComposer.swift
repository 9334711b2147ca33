import Foundation

/// What the digest shows of one post beyond its front matter: read from its body by the caller.
public struct DigestContent: Sendable, Equatable {
    /// Plain text: the excerpt, else the start of the text.
    public var summary: String
    public var outline: [OutlineSection]

    public init(summary: String, outline: [OutlineSection]) {
        self.summary = summary
        self.outline = outline
    }
}

/// One issue or article of a digest: the post shown in full, and the other languages of the same issue.
public struct DigestEntry: Sendable {
    public var post: Post
    /// Sorted by language tag.
    public var translations: [Post]
}

/// Translations published in this digest's window of an issue that an earlier digest already showed.
public struct DigestLateTranslations: Sendable {
    /// The issue's first-published post (in the digest's language when there is one).
    public var issue: Post
    /// Sorted by language tag.
    public var translations: [Post]
}

/// Which posts one digest holds and how they are grouped, before their bodies are read.
public struct DigestPlan: Sendable {
    public var window: DigestWindow
    /// Issues and articles, oldest first.
    public var entries: [DigestEntry]
    public var lateTranslations: [DigestLateTranslations]

    /// Every post the digest carries (entries, their translations, late translations): the ones to record as sent.
    public var posts: [Post] {
        entries.flatMap { [$0.post] + $0.translations } + lateTranslations.flatMap(\.translations)
    }

    /// The posts whose summary and outline the text shows: the main post of each entry.
    public var postsShownInFull: [Post] { entries.map(\.post) }

    public var isEmpty: Bool { entries.isEmpty && lateTranslations.isEmpty }
}

/// Chooses and groups the posts of one digest.
///
/// Every post is in exactly one digest: the first one whose window ends after its date and that has
/// not sent it yet. An issue appears once, in the digest of its first post, with every translation
/// published by then; translations published in a later window are listed there as new translations.
public enum DigestComposer {
    /// The plan of the digest for `window`.
    /// - Parameters:
    ///   - posts: every publishable post of the site (translations of older issues are found among them).
    ///   - sent: ids of posts earlier digests carried; they are never carried again.
    ///   - floor: posts dated before it are never carried (the first digest's start, so the first run does not
    ///     send the whole archive); nil means `window.since`. A post dated between `floor` and `window.since`
    ///     that is not in `sent` (a post pushed after its week's digest went out) is carried now.
    ///   - language: only posts of this language (BCP 47, matched case-insensitively); nil for every language.
    ///   - preferredLanguage: the language whose post leads an issue of several languages (the site's).
    public static func plan(
        posts: [Post], window: DigestWindow, sent: Set<String> = [], floor: Date? = nil, language: String? = nil,
        preferredLanguage: String? = nil
    ) -> DigestPlan {
        let pool = language.map { tag in posts.filter { $0.language.lowercased() == tag.lowercased() } } ?? posts
        let floor = floor ?? window.since
        let carried = pool.filter { $0.date >= floor && $0.date < window.until && !sent.contains($0.id) }
            .sorted(by: oldestFirst)
        let carriedIDs = Set(carried.map(\.id))
        var byIssue: [IssueKey: [Post]] = [:]
        for post in pool { if let issue = post.issue { byIssue[issue, default: []].append(post) } }

        var entries: [DigestEntry] = []
        var late: [DigestLateTranslations] = []
        var done: Set<IssueKey> = []
        for post in carried {
            guard let issue = post.issue else {
                entries.append(DigestEntry(post: post, translations: []))
                continue
            }
            guard done.insert(issue).inserted else { continue }
            let all = (byIssue[issue] ?? []).sorted(by: oldestFirst)
            let here = all.filter { carriedIDs.contains($0.id) }
            let shownBefore = all.contains { !carriedIDs.contains($0.id) && $0.date < window.since }
            if shownBefore {
                let earlier = all.filter { !carriedIDs.contains($0.id) && $0.date < window.since }
                let lead = leading(earlier, preferred: preferredLanguage)
                late.append(DigestLateTranslations(issue: lead, translations: here.sorted(by: byLanguage)))
            } else {
                let lead = leading(here, preferred: preferredLanguage)
                entries.append(
                    DigestEntry(post: lead, translations: here.filter { $0.id != lead.id }.sorted(by: byLanguage)))
            }
        }
        return DigestPlan(window: window, entries: entries, lateTranslations: late)
    }

    /// The post that leads an issue: the first in the preferred language, else the first published.
    static func leading(_ posts: [Post], preferred: String?) -> Post {
        if let preferred = preferred?.split(separator: "-").first?.lowercased(),
            let match = posts.first(where: { $0.language.split(separator: "-").first?.lowercased() == preferred })
        {
            return match
        }
        return posts[0]
    }

    static func oldestFirst(_ lhs: Post, _ rhs: Post) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.path < rhs.path
    }

    static func byLanguage(_ lhs: Post, _ rhs: Post) -> Bool {
        lhs.language != rhs.language ? lhs.language < rhs.language : lhs.url < rhs.url
    }
}
