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

    func post(_ path: String, _ text: String, body: String = "") throws -> Post {
        guard case .post(let post, _) = try load(path, text, body: body) else { throw CancellationError() }
        return post
    }

    /// As jekyll-feed reads `author`: a key of `_data/authors.yml` is that entry, any other string the author's name.
    @Test(arguments: [
        ("author: nobody", ["nobody"]),
        ("author: Shugo Maeda", ["Shugo Maeda"]),
        ("author: \"maren\"", ["Maren Olsen"]),
        ("authors: [Shugo Maeda, camille, Shugo Maeda]", ["Shugo Maeda", "Camille Roux"]),
        ("authors: Ada Lovelace", ["Ada Lovelace"]),
        ("author: {name: Grace Hopper}", ["Grace Hopper"]),
        ("author: maren\nauthors: [Yukihiro Matsumoto]", ["Maren Olsen", "Yukihiro Matsumoto"]),
        ("author: ~", []),
        ("author:", []),
    ])
    func authorsAsJekyllFeedReadsThem(frontMatter: String, names: [String]) throws {
        let post = try post("_posts/2026-01-01-x.md", "---\ntitle: x\n\(frontMatter)\n---\n")
        #expect(post.authors.map(\.name) == names)
    }

    @Test func aLanguageFolderTellsTheLanguageAndQualifiesTheId() throws {
        let text = "---\ntitle: x\n---\n"
        let cases = [
            ("de/news/_posts/2019-12-12-x.md", "de", "tag:letter.example.org,2019-12-12:de/x"),
            ("zh_cn/_posts/2019-12-12-x.md", "zh-CN", "tag:letter.example.org,2019-12-12:zh-cn/x"),
            ("pt-br/_posts/2019-12-12-x.md", "pt-BR", "tag:letter.example.org,2019-12-12:pt-br/x"),
            ("en/_posts/2019-12-12-x.md", "en", "tag:letter.example.org,2019-12-12:x"),
            ("news/_posts/2019-12-12-x.md", "en", "tag:letter.example.org,2019-12-12:x"),
            ("api/_posts/2019-12-12-x.md", "en", "tag:letter.example.org,2019-12-12:x"),
        ]
        for (path, language, id) in cases {
            let loaded = try post(path, text)
            #expect(loaded.language == language, "\(path)")
            #expect(loaded.id == id, "\(path)")
        }
        // A file name that already says the language keeps the bare id, as it did before language folders.
        let named = try post("fr/_posts/2019-12-12-x-fr.md", "---\ntitle: x\nlang: fr\n---\n")
        #expect(named.language == "fr")
        #expect(named.id == "tag:letter.example.org,2019-12-12:x-fr")
        let misnamed = try post("fr/_posts/2019-12-12-x-en.md", "---\ntitle: x\nlang: fr\n---\n")
        #expect(misnamed.id == "tag:letter.example.org,2019-12-12:fr/x-en")
        // Front matter first: a German post filed in the English folder.
        let declared = try post("en/_posts/2019-12-12-x.md", "---\ntitle: x\nlang: de\n---\n")
        #expect(declared.language == "de")
        #expect(declared.id == "tag:letter.example.org,2019-12-12:de/x")
    }

    /// A real site moved every post from `_posts/` to `posts/_posts/`: ids of one language stay.
    @Test func idsSurviveAMoveBetweenPostsFoldersOfOneLanguage() throws {
        let moves = [
            ("de/_posts/2019-12-12-x.md", "de/news/_posts/2019-12-12-x.md", "---\ntitle: x\n---\n"),
            ("_posts/2019-12-12-x.md", "posts/_posts/2019-12-12-x.md", "---\ntitle: x\nlang: fr\n---\n"),
            ("_posts/2019-12-12-x.md", "posts/_posts/2019-12-12-x.md", "---\ntitle: x\n---\n"),
        ]
        for (from, to, text) in moves {
            #expect(try post(from, text).id == post(to, text).id, "\(from) -> \(to)")
        }
    }

    @Test func translationsAreMarkedByFileNameAndFrontMatterKeys() throws {
        let plain = try post("de/_posts/2019-12-12-x.md", "---\ntitle: x\n---\n")
        #expect(plain.translationKeys == ["file:2019-12-12-x"])
        let keyed = try post("_posts/2019-1-2-y.md", "---\ntitle: y\nref: winter\ntranslation_key: w2\n---\n")
        #expect(keyed.translationKeys == ["file:2019-01-02-y", "key:w2", "key:winter"])
    }

    @Test func anInvalidDateIsAnErrorOnItsLine() throws {
        let text = "---\ntitle: x\n\ndate: someday\n---\n"
        guard case .failed(let diagnostic) = try load("_posts/2026-01-01-x.md", text) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == FileLocation(path: "_posts/2026-01-01-x.md", line: 4))
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
                    .warning, at: FileLocation(path: "_posts/2026-01-01-x.md", line: 3),
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
                    .warning, at: FileLocation(path: "_posts/2026-01-01-x.md", line: 2),
                    "removed 2 character(s) feeds cannot carry from 'title'")
            ])
    }
}

/// Ids that never collide, and the polyglot rules.
@Suite struct PostIdentityTests {
    @Test func postsSharingAnIdAfterTheRulesAreToldApartByPath() {
        func post(_ path: String, _ id: String) -> Post {
            Post(path: path, slug: "x", date: Date(), title: "x", language: "fr", url: "https://x.org/\(path)", id: id)
        }
        var posts = [
            post("_posts/2020-01-01-x.md", "tag:x.org,2020-01-01:x"),
            post("posts/_posts/2020-01-01-x.md", "tag:x.org,2020-01-01:x"),
            post("_posts/2020-01-01-y.md", "tag:x.org,2020-01-01:y"),
        ]
        let warnings = PostID.disambiguate(&posts)
        #expect(
            posts.map(\.id) == [
                "tag:x.org,2020-01-01:x", "tag:x.org,2020-01-01:x:posts/_posts/2020-01-01-x.md",
                "tag:x.org,2020-01-01:y",
            ])
        #expect(
            warnings.map(\.description) == [
                "posts/_posts/2020-01-01-x.md: warning: same id as _posts/2020-01-01-x.md (the same file name, and a language "
                    + "that does not set ids apart): "
                    + "its id is taken from its path, tag:x.org,2020-01-01:x:posts/_posts/2020-01-01-x.md"
            ])
    }

    @Test func polyglotReadsItsSettingsAndPublishesOtherLanguagesUnderTheirFolder() throws {
        let config = try SiteConfigParser.parse(
            configYAML: "url: https://x.org\nlanguages: [en, ko, pt-BR]\ndefault_lang: en\nlang_from_path: true\n",
            authorsYAML: nil
        ).config
        let polyglot = try #require(config.polyglot)
        #expect(
            polyglot
                == SiteConfig.Polyglot(languages: ["en", "ko", "pt-BR"], defaultLanguage: "en", languageFromPath: true))
        #expect(config.language == "en")
        #expect(polyglot.sharedPath("/ko/2021/x.ko.html") == "/2021/x/html")
        #expect(polyglot.sharedPath("/blog/pt-br/x/") == "/blog/pt-br/x/", "case-sensitive, as polyglot's regex")
        #expect(polyglot.path("/ko/x/", language: "ko") == "/ko/x/")
        #expect(polyglot.path("/x/", language: "pt-BR") == "/pt-BR/x/")
        #expect(polyglot.path("/x/", language: "en") == "/x/")
        #expect(polyglot.path("/x/", language: "de") == "/x/", "a language polyglot does not build")
        #expect(polyglot.language(ofPath: "_posts/ko/2021-01-01-x.md", frontMatterLang: nil) == "ko")
        #expect(polyglot.language(ofPath: "ko/_posts/2021-01-01-x.md", frontMatterLang: nil) == "ko")
        #expect(polyglot.language(ofPath: "posts/_posts/2021-01-01-x.md", frontMatterLang: nil) == "en")
        #expect(polyglot.language(ofPath: "_posts/ko/2021-01-01-x.md", frontMatterLang: "pt-BR") == "pt-BR")
        #expect(polyglot.folderLanguage(ofPath: "posts/_posts/2021-01-01-x.md") == nil)
        let plain = try SiteConfigParser.parse(configYAML: "url: https://x.org\nlanguages: [en]\n", authorsYAML: nil)
        #expect(plain.config.polyglot == nil, "jekyll-multiple-languages also has languages:, without default_lang")
    }

    /// A post's language and its URL come from the same rule: polyglot reads a `_posts/ko/` folder only with
    /// `lang_from_path: true`, and publishes the post under `/ko/` exactly when it reads it as Korean.
    @Test(arguments: [
        (false, "en", "https://x.org/2021/01/01/x.html"), (true, "ko", "https://x.org/ko/2021/01/01/x.html"),
    ])
    func polyglotFolderLanguageAndURLAgree(fromPath: Bool, language: String, url: String) throws {
        let site = try SiteConfigParser.parse(
            configYAML: "url: https://x.org\nlanguages: [en, ko]\ndefault_lang: en\nlang_from_path: \(fromPath)\n",
            authorsYAML: nil
        ).config
        let outcome = PostLoader.load(
            relativePath: "_posts/ko/2021-01-01-x.md", frontMatter: try FrontMatter.parse("---\ntitle: X\n---\n"),
            body: { "Plain text." }, context: PostLoader.Context(site: site))
        guard case .post(let post, _) = outcome else {
            Issue.record("not loaded")
            return
        }
        #expect(post.language == language)
        #expect(post.url == url)
    }
}
