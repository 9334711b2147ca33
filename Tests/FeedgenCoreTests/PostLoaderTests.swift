import FeedgenCore
import Foundation
import Testing

@Suite struct PostLoaderTests {
    static let site = SiteConfig(
        url: "https://letter.example.org", baseurl: "/harbour", title: "Harbour Notes",
        timeZone: TimeZone(identifier: "Europe/Paris")!, permalink: "/:categories/:title/", language: "en",
        authors: ["maren": Author(name: "Maren Olsen"), "camille": Author(name: "Camille Roux")])

    func load(_ path: String, _ text: String, body: String = "") throws -> PostLoader.Outcome {
        PostLoader.load(
            relativePath: path, frontMatter: try FrontMatter.parse(text), body: { body },
            context: PostLoader.Context(site: Self.site))
    }

    func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    @Test func aNewsletterIssueGetsEverythingItsItemNeeds() throws {
        let text = """
            ---
            title: "Harbour Notes n° 1 [FR] : marégraphes"
            author: camille
            excerpt: "Premier numéro"
            tags: [harbour_notes]
            image:
              thumb: harbour 1.png
            ---
            Corps
            """
        guard case .post(let post, let warnings) = try load("issues/_posts/2026-01-14-harbour-notes-1-fr.md", text)
        else {
            Issue.record("not loaded")
            return
        }
        #expect(warnings.isEmpty)
        #expect(post.title == "Harbour Notes n° 1 [FR] : marégraphes")
        #expect(post.date == date("2026-01-13T23:00:00Z"), "midnight in the site's zone")
        #expect(post.language == "fr")
        #expect(post.issue == IssueKey(series: "harbour_notes", number: 1))
        #expect(post.authors == [Author(name: "Camille Roux")])
        #expect(post.categories == ["issues"])
        #expect(post.url == "https://letter.example.org/harbour/issues/harbour-notes-1-fr/")
        #expect(post.id == "tag:letter.example.org,2026-01-14:harbour-notes-1-fr")
        #expect(post.image == "https://letter.example.org/harbour/images/harbour%201.png")
        #expect(post.excerpt == "Premier numéro")
        #expect(post.bodyLine == 9)
    }

    @Test func frontMatterDateWinsButTheIdKeepsTheFileDate() throws {
        let text = "---\ntitle: x\ndate: 2026-03-09 08:30:00 +0100\n---\n"
        guard case .post(let post, _) = try load("_posts/2026-03-01-storm.md", text) else {
            Issue.record("not loaded")
            return
        }
        #expect(post.date == date("2026-03-09T07:30:00Z"))
        #expect(post.id == "tag:letter.example.org,2026-03-01:storm")
    }

    @Test func theIdSurvivesAMoveToAnotherPostsFolder() throws {
        let text = "---\ntitle: x\n---\n"
        guard case .post(let before, _) = try load("_posts/2020-03-16-NLP_Newsletter_#7_[FR].Md", text),
            case .post(let after, _) = try load("posts/_posts/2020-03-16-NLP_Newsletter_#7_[FR].Md", text)
        else {
            Issue.record("not loaded")
            return
        }
        #expect(before.url != after.url)
        #expect(before.id == after.id)
        #expect(after.id == "tag:letter.example.org,2020-03-16:NLP_Newsletter_%237_%5BFR%5D")
    }

    @Test func unpublishedPostsAreLeftOut() throws {
        guard case .unpublished = try load("_posts/2026-01-01-x.md", "---\npublished: false\n---\n") else {
            Issue.record("expected unpublished")
            return
        }
    }

    @Test func anUnknownAuthorIsAnErrorOnItsLine() throws {
        let text = "---\ntitle: x\nauthor: nobody\n---\n"
        guard case .failed(let diagnostic) = try load("_posts/2026-01-01-x.md", text) else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            diagnostic
                == Diagnostic(
                    .error, at: SourceLocation(path: "_posts/2026-01-01-x.md", line: 3),
                    "unknown author 'nobody': not in _data/authors.yml (known: camille, maren)"))
    }

    @Test func anInvalidDateIsAnErrorOnItsLine() throws {
        let text = "---\ntitle: x\n\ndate: someday\n---\n"
        guard case .failed(let diagnostic) = try load("_posts/2026-01-01-x.md", text) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(path: "_posts/2026-01-01-x.md", line: 4))
        #expect(diagnostic.message.hasPrefix("invalid date 'someday': "))
    }

    @Test func aMissingTitleComesFromTheSlugAsInJekyll() throws {
        guard case .post(let post, _) = try load("_posts/2026-01-01-why-we-publish.md", "---\nlayout: post\n---\n")
        else {
            Issue.record("not loaded")
            return
        }
        #expect(post.title == "Why We Publish")
        #expect(post.language == "en", "the site's language")
        #expect(post.issue == nil)
    }

    @Test func anInvalidLanguageTagFallsBackWithAWarning() throws {
        let text = "---\ntitle: x\nlang: english\n---\n"
        guard case .post(let post, let warnings) = try load("_posts/2026-01-01-x.md", text) else {
            Issue.record("not loaded")
            return
        }
        #expect(post.language == "en")
        #expect(
            warnings == [
                Diagnostic(
                    .warning, at: SourceLocation(path: "_posts/2026-01-01-x.md", line: 3),
                    "'english' is not a BCP 47 language tag; using 'en'")
            ])
    }

    @Test func controlCharactersLeaveTitlesWithAWarning() throws {
        let text = "---\ntitle: \"Bell\\a and \\x1B escape\"\n---\n"
        guard case .post(let post, let warnings) = try load("_posts/2026-01-01-x.md", text) else {
            Issue.record("not loaded")
            return
        }
        #expect(post.title == "Bell and  escape")
        #expect(
            warnings == [
                Diagnostic(
                    .warning, at: SourceLocation(path: "_posts/2026-01-01-x.md", line: 2),
                    "removed 2 control character(s) from 'title'")
            ])
    }
}
