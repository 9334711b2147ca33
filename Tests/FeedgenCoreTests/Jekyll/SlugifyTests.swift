import Testing

@testable import FeedgenCore

@Suite struct SlugifyTests {
    @Test func prettyCasedKeepsJekyllsPunctuation() {
        #expect(
            Slugify.slugify("NLP_Newsletter_NLP_7[ZH].md", mode: .pretty, cased: true) == "NLP_Newsletter_NLP_7-ZH-.md")
        #expect(
            Slugify.slugify("NLP_Newsletter_NLP_8[ZH].md ", mode: .pretty, cased: true) == "NLP_Newsletter_NLP_8-ZH-.md"
        )
        #expect(Slugify.slugify("TL;DR_DistillBERT", mode: .pretty, cased: true) == "TL;DR_DistillBERT")
        #expect(Slugify.slugify("NLP_Newsletter_#1_[FR]", mode: .pretty, cased: true) == "NLP_Newsletter_-1_-FR")
        #expect(
            Slugify.slugify("NLP_Research_Highlights_—_Issue_#1", mode: .pretty, cased: true)
                == "NLP_Research_Highlights_-_Issue_-1")
        #expect(Slugify.slugify("NLP简报（Issue#5）：GPT-2、JAX", mode: .pretty, cased: true) == "NLP简报-Issue-5-GPT-2-JAX")
    }

    @Test func modes() {
        let text = "  Ünïcödé Çafé: 3+4=7 (ok)!  "
        #expect(Slugify.slugify(text, mode: .raw) == "ünïcödé-çafé:-3+4=7-(ok)!")
        #expect(Slugify.slugify(text) == "ünïcödé-çafé-3-4-7-ok")
        #expect(Slugify.slugify(text, mode: .pretty) == "ünïcödé-çafé-3+4=7-(ok)!")
        #expect(Slugify.slugify(text, mode: .ascii) == "n-c-d-af-3-4-7-ok")
        #expect(Slugify.slugify(text, mode: .latin) == "unicode-cafe-3-4-7-ok")
        #expect(Slugify.slugify(text, mode: .none) == "  ünïcödé çafé: 3+4=7 (ok)!  ")
        #expect(Slugify.slugify(text, mode: .latin, cased: true) == "Unicode-Cafe-3-4-7-ok")
    }

    @Test func onlyOneHyphenGoesAtEachEnd() {
        #expect(Slugify.slugify("-", mode: .raw) == "")
        #expect(Slugify.slugify("--", mode: .raw) == "")
        #expect(Slugify.slugify("---", mode: .raw) == "-")
        #expect(Slugify.slugify("--a--", mode: .raw) == "-a-")
    }

    /// Every mode, cased or not, on the inputs `jekyll-functions.rb` gave Jekyll's own `Utils.slugify`.
    @Test func matchesJekyllOnRecordedInputs() throws {
        let cases = try JekyllFixtures.functions().slugify
        #expect(cases.count == 432)
        for item in cases {
            let mode = try #require(Slugify.Mode(rawValue: item.mode))
            #expect(
                Slugify.slugify(item.input, mode: mode, cased: item.cased) == item.output,
                "slugify(\(item.input.debugDescription), mode: \(item.mode), cased: \(item.cased))")
        }
    }
}
