import FeedgenCore
import Testing

@Suite struct MailHeaderValueTests {
    @Test func addressesThatFitAHeader() {
        for address in [
            "news@dair.ai", "DAIR.AI <digest@dair.ai>", "\"Doe, Jane\" <jane.doe+news@mail.example.org>",
            "Équipe NLP <nlp@dair.ai>", " <a@b> ",
        ] {
            #expect(MailHeaderValue.addressProblem(address) == nil, "\(address)")
        }
    }

    @Test func addressesThatDoNot() {
        let cases: [(String, String)] = [
            (
                "news@dair.ai\nBcc: victim@evil.example",
                "a control character (a line break would start a header of its own)"
            ),
            ("news@dair.ai\r", "a control character (a line break would start a header of its own)"),
            ("news", "no '@'"),
            ("a b@dair.ai", "the part before '@' must be letters, digits and !#$%&'*+-/=?^_`{|}~ between single dots"),
            ("a..b@dair.ai", "the part before '@' must be letters, digits and !#$%&'*+-/=?^_`{|}~ between single dots"),
            ("a@dair..ai", "the domain must be ASCII letters, digits and '-' between single dots"),
            (
                "a@dair.ai, b@evil.example",
                "the part before '@' must be letters, digits and !#$%&'*+-/=?^_`{|}~ between single dots"
            ),
            ("Name <a@dair.ai> x", "text after the address in angle brackets"),
            ("a>b <a@dair.ai>", "'<' or '>' in the display name"),
        ]
        for (address, problem) in cases {
            #expect(MailHeaderValue.addressProblem(address) == problem, "\(address)")
        }
    }

    @Test func unsubscribeURIs() {
        #expect(MailHeaderValue.unsubscribeProblem("mailto:leave@dair.ai?subject=leave") == nil)
        #expect(MailHeaderValue.unsubscribeProblem("https://dair.ai/unsubscribe") == nil)
        #expect(MailHeaderValue.unsubscribeProblem("javascript:alert(1)") == "not a mailto:, http: or https: URI")
        #expect(MailHeaderValue.unsubscribeProblem("https://x>\nBcc: a@b") != nil)
    }

    @Test func languageTags() {
        for tag in [
            "en", "fr", "pt-BR", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "de-CH-1996", "en-a-bbb-x-ccc", "x-whatever",
            "ast",
        ] {
            #expect(LanguageTag.isWellFormed(tag), "\(tag)")
        }
        for tag in ["", "../../x", "en/", "e", "en-", "en_US", "toolongtag", "en-US-a", "x", "fr\nBcc", "1e", "ça"] {
            #expect(!LanguageTag.isWellFormed(tag), "\(tag)")
        }
    }
}
