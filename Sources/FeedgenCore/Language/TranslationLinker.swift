import Foundation

/// Links the posts that are one text in different languages.
///
/// Posts are translations of each other when they differ in language and share one of: a newsletter issue
/// (`IssueKey`), their file name's date and title part (`en/_posts/2019-12-12-x.md` and `de/_posts/2019-12-12-x.md`),
/// the value of a front-matter key of `frontMatterKeys`, or (with jekyll-polyglot) their permalink.
public enum TranslationLinker {
    /// Front-matter keys whose equal values mark translations: `ref` and `lang_ref` (what hand-made multilingual
    /// Jekyll sites and their guides use beside `lang:`) and `translation_key` (Hugo's name, kept by themes ported
    /// from it). Values are compared whatever key holds them; a post may set more than one.
    public static let frontMatterKeys = ["translation_key", "ref", "lang_ref"]

    /// What the linker needs of a post.
    public struct Candidate: Sendable, Equatable {
        public var id: String
        /// Nil for a standalone article, which has no translations.
        public var issue: IssueKey?
        public var language: String
        public var url: String
        public var title: String
        /// When it was published; chooses among duplicates.
        public var date: Date?
        /// Other marks shared by translations (`file:DATE-SLUG`, `key:VALUE`, `permalink:PATH`).
        public var keys: [String]

        public init(
            id: String, issue: IssueKey?, language: String, url: String, title: String, date: Date? = nil,
            keys: [String] = []
        ) {
            self.id = id
            self.issue = issue
            self.keys = keys
            self.language = language
            self.url = url
            self.title = title
            self.date = date
        }
    }

    /// Two or more posts of one issue in one language.
    public struct Duplicate: Sendable, Equatable {
        public var issue: IssueKey
        public var language: String
        /// Their ids, sorted.
        public var ids: [String]

        public init(issue: IssueKey, language: String, ids: [String]) {
            self.issue = issue
            self.language = language
            self.ids = ids
        }
    }

    /// For every post id, the posts of the same issue in other languages, sorted by language tag, then URL.
    ///
    /// Every id of `posts` is a key; articles and issues that exist in one language only map to `[]`.
    /// Duplicates (two posts of one issue in one language, e.g. a file copied under a new name) are not
    /// translations of each other, so neither lists the other. A post links one translation per language,
    /// as `related` links with `hreflang` must be (one link per language and type): of duplicates, the one published
    /// closest to it (then the first by URL), so a site with many copies of an issue cannot make every item
    /// carry hundreds of links.
    /// `duplicates(in:)` finds them so the caller can warn.
    public static func translations(for posts: [Candidate]) -> [String: [Translation]] {
        translations(of: posts, among: posts)
    }

    /// The translations of `selected` posts only, found among all `posts`: a build needs them for the few
    /// posts its feeds carry, not for the whole archive.
    public static func translations(of selected: [Candidate], among posts: [Candidate]) -> [String: [Translation]] {
        var byKey: [String: [Int]] = [:]
        for (index, post) in posts.enumerated() {
            for key in marks(of: post) { byKey[key, default: []].append(index) }
        }
        var result: [String: [Translation]] = [:]
        for post in selected {
            var seen: Set<Int> = []
            let group = marks(of: post).flatMap { byKey[$0] ?? [] }.filter { seen.insert($0).inserted }
                .map { posts[$0] }.filter { $0.language != post.language }
                .sorted { ($0.language, $0.url) < ($1.language, $1.url) }
            var chosen: [Candidate] = []
            for other in group {
                if let last = chosen.last, last.language == other.language {
                    if distance(other, post) < distance(last, post) { chosen[chosen.count - 1] = other }
                } else {
                    chosen.append(other)
                }
            }
            result[post.id] = chosen.map { Translation(language: $0.language, url: $0.url, title: $0.title) }
        }
        return result
    }

    /// Everything that marks a post's translations, as one list of strings.
    private static func marks(of post: Candidate) -> [String] {
        marks(issue: post.issue, keys: post.keys)
    }

    /// Everything that marks a post's translations: posts sharing one of these strings are one text.
    static func marks(issue: IssueKey?, keys: [String]) -> [String] {
        (issue.map { ["issue:\($0.series)\u{0}\($0.number)"] } ?? []) + keys
    }

    /// How far apart two posts were published; unknown dates are equally far.
    private static func distance(_ candidate: Candidate, _ post: Candidate) -> TimeInterval {
        guard let date = candidate.date, let reference = post.date else { return 0 }
        return abs(date.timeIntervalSince(reference))
    }

    public static func duplicates(in posts: [Candidate]) -> [Duplicate] {
        var ids: [IssueKey: [String: [String]]] = [:]
        for post in posts {
            if let issue = post.issue { ids[issue, default: [:]][post.language, default: []].append(post.id) }
        }
        return ids.keys.sorted().flatMap { issue in
            ids[issue]!.filter { $0.value.count > 1 }.keys.sorted().map { language in
                Duplicate(issue: issue, language: language, ids: ids[issue]![language]!.sorted())
            }
        }
    }
}
