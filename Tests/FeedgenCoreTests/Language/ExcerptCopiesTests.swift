import FeedgenCore
import Foundation
import Testing

@Suite struct ExcerptCopiesTests {
    static let day = Date(timeIntervalSince1970: 1_577_836_800)

    func post(
        _ path: String, language: String, excerpt: String, issue: IssueKey? = nil, keys: [String] = [],
        date: Date = day
    ) -> Post {
        Post(
            path: path, slug: "x", date: date, title: "x", excerpt: excerpt, language: language, issue: issue,
            translationKeys: keys, url: "https://x.org/" + path, id: path)
    }

    /// Translations linked by their file name (no issue number), as sites with `en/_posts/` and `de/_posts/` are.
    @Test func translationsLinkedByFileNameAreCompared() {
        let english = post(
            "en/_posts/2020-01-01-x.md", language: "en", excerpt: "The  harbour\nopens.", keys: ["file:x"])
        let german = post(
            "de/_posts/2020-01-01-x.md", language: "de", excerpt: "The harbour opens.", keys: ["file:x"],
            date: Self.day.addingTimeInterval(60))
        let copies = ExcerptCopies.find(in: [german, english], siteLanguage: "en")
        #expect(copies.mapValues(\.path) == ["de/_posts/2020-01-01-x.md": "en/_posts/2020-01-01-x.md"])
    }

    /// Posts that merely share an excerpt, and nothing that makes them translations, are left alone.
    @Test func unrelatedPostsSharingAnExcerptAreNotCopies() {
        let english = post("en/_posts/2020-01-01-x.md", language: "en", excerpt: "Weekly news.", keys: ["file:x"])
        let german = post("de/_posts/2020-01-01-y.md", language: "de", excerpt: "Weekly news.", keys: ["file:y"])
        #expect(ExcerptCopies.find(in: [english, german], siteLanguage: "en").isEmpty)
    }

    /// On the same date the site's language keeps the excerpt, however the site writes its tag.
    @Test func theSiteLanguageWrittenAsALocaleKeepsTheExcerpt() {
        let issue = IssueKey(series: "letter", number: 1)
        let french = post("_posts/2020-01-01-a.md", language: "fr", excerpt: "Bonjour.", issue: issue)
        let portuguese = post("_posts/2020-01-01-b.md", language: "pt-BR", excerpt: "Bonjour.", issue: issue)
        let copies = ExcerptCopies.find(in: [french, portuguese], siteLanguage: "pt_BR")
        #expect(copies.mapValues(\.path) == ["_posts/2020-01-01-a.md": "_posts/2020-01-01-b.md"])
    }
}
