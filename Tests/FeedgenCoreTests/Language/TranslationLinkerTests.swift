import Foundation
import Testing

@testable import FeedgenCore

/// Linking the languages of one issue.
@Suite struct TranslationLinkerTests {
    typealias Candidate = TranslationLinker.Candidate

    static let five = IssueKey(series: "nlp_newsletter", number: 5)

    func post(_ id: String, _ language: String, _ issue: IssueKey? = five) -> Candidate {
        Candidate(id: id, issue: issue, language: language, url: "https://x.org/\(id)/", title: "T \(id)")
    }

    func link(_ id: String, _ language: String) -> Translation {
        Translation(language: language, url: "https://x.org/\(id)/", title: "T \(id)")
    }

    @Test func otherLanguagesSortedByTag() {
        let posts = [post("zh5", "zh"), post("en5", "en"), post("pt5", "pt-BR"), post("ar5", "ar"), post("fr5", "fr")]
        let links = TranslationLinker.translations(for: posts)
        #expect(links["en5"] == [link("ar5", "ar"), link("fr5", "fr"), link("pt5", "pt-BR"), link("zh5", "zh")])
        #expect(links["zh5"] == [link("ar5", "ar"), link("en5", "en"), link("fr5", "fr"), link("pt5", "pt-BR")])
        #expect(links.count == 5)
    }

    /// Translations in sibling language folders share a file name, or name one key; either links them.
    @Test func sharedFileNamesAndKeysLinkLikeIssues() {
        func keyed(_ id: String, _ language: String, _ keys: [String]) -> Candidate {
            var candidate = post(id, language, nil)
            candidate.keys = keys
            return candidate
        }
        let posts = [
            keyed("en", "en", ["file:2019-12-12-x"]), keyed("de", "de", ["file:2019-12-12-x"]),
            keyed("en-other", "en", ["file:2019-12-12-x"]), keyed("fr", "fr", ["file:2019-12-13-y", "key:x"]),
            keyed("es", "es", ["file:2019-12-14-z", "key:x"]), keyed("alone", "it", ["file:2019-12-12-w"]),
        ]
        let links = TranslationLinker.translations(for: posts)
        #expect(links["en"] == [link("de", "de")])
        #expect(links["de"] == [link("en-other", "en")], "one link per language: the first by URL of equally far ones")
        #expect(links["fr"] == [link("es", "es")])
        #expect(links["alone"] == [])
        // A key and an issue together: the union of both groups.
        var issueAndKey = post("ar5", "ar")
        issueAndKey.keys = ["key:x"]
        let mixed = TranslationLinker.translations(for: [issueAndKey, post("en5", "en")] + posts)
        #expect(mixed["ar5"] == [link("en5", "en"), link("es", "es"), link("fr", "fr")])
    }

    @Test func seriesAndNumberMustBothMatch() {
        let posts = [
            post("news1", "en", IssueKey(series: "nlp_newsletter", number: 1)),
            post("high1", "fr", IssueKey(series: "nlp_highlights", number: 1)),
            post("news2", "fr", IssueKey(series: "nlp_newsletter", number: 2)),
            post("article", "fr", nil), post("article-en", "en", nil),
        ]
        #expect(
            TranslationLinker.translations(for: posts) == [
                "news1": [], "high1": [], "news2": [], "article": [], "article-en": [],
            ])
    }

    /// Two English posts of issue 5: neither lists the other; the French one links one English post, the
    /// first by URL when dates do not decide (one `hreflang` alternate per language).
    @Test func duplicatesAreListedByOthersOnly() {
        let posts = [post("en5b", "en"), post("fr5", "fr"), post("en5a", "en")]
        let links = TranslationLinker.translations(for: posts)
        #expect(
            links == [
                "en5a": [link("fr5", "fr")], "en5b": [link("fr5", "fr")],
                "fr5": [link("en5a", "en")],
            ])
        #expect(
            TranslationLinker.duplicates(in: posts)
                == [TranslationLinker.Duplicate(issue: Self.five, language: "en", ids: ["en5a", "en5b"])])
    }

    @Test func duplicatesSortedByIssueThenLanguage() {
        let six = IssueKey(series: "nlp_newsletter", number: 6)
        let posts = [
            post("zh6a", "zh", six), post("zh6b", "zh", six), post("fr5b", "fr"), post("en5a", "en"),
            post("fr5a", "fr"), post("en5b", "en"), post("es5", "es"),
        ]
        #expect(
            TranslationLinker.duplicates(in: posts) == [
                .init(issue: Self.five, language: "en", ids: ["en5a", "en5b"]),
                .init(issue: Self.five, language: "fr", ids: ["fr5a", "fr5b"]),
                .init(issue: six, language: "zh", ids: ["zh6a", "zh6b"]),
            ])
    }

    /// Of duplicates, a post links the one published closest to it.
    @Test func ofDuplicatesTheClosestInDateIsLinked() {
        func dated(_ id: String, _ language: String, _ day: Double) -> TranslationLinker.Candidate {
            var candidate = post(id, language)
            candidate.date = Date(timeIntervalSince1970: day * 86_400)
            return candidate
        }
        let posts = [dated("en5a", "en", 1), dated("en5b", "en", 30), dated("fr5", "fr", 28)]
        #expect(TranslationLinker.translations(for: posts)["fr5"] == [link("en5b", "en")])
    }
}
