import FeedgenCore
import Foundation
import Testing

@Suite struct SiteConfigParserTests {
    @Test func readsTheFieldsFeedsNeed() throws {
        let config = """
            title: Harbour Notes
            description: "A newsletter"
            url: https://example.org/
            baseurl: /letter/
            timezone: Europe/Paris
            permalink: pretty
            locale: en_US
            owner:
              name: Editors
              email: editors@example.org
            """
        let authors = """
            maren:
              name: Maren Olsen
              web: https://example.org/maren
            bare:
              bio: "no name"
            """
        let result = try SiteConfigParser.parse(configYAML: config, authorsYAML: authors)
        let site = result.config
        #expect(site.url == "https://example.org")
        #expect(site.baseurl == "/letter")
        #expect(site.homePageURL == "https://example.org/letter/")
        #expect(site.host == "example.org")
        #expect(site.title == "Harbour Notes")
        #expect(site.timeZone.identifier == "Europe/Paris")
        #expect(site.permalink == "pretty")
        #expect(site.language == "en")
        #expect(site.owner == Author(name: "Editors", email: "editors@example.org"))
        #expect(site.authors == ["maren": Author(name: "Maren Olsen", uri: "https://example.org/maren")])
        #expect(result.siteVariables["owner.name"] == "Editors")
        #expect(result.siteVariables["baseurl"] == "/letter/")
    }

    @Test func defaultsFollowJekyll() throws {
        let site = try SiteConfigParser.parse(configYAML: "url: http://x.test", authorsYAML: nil).config
        #expect(site.permalink == "date")
        #expect(site.baseurl == "")
        #expect(site.timeZone.secondsFromGMT() == 0)
        #expect(site.language == nil)
    }

    @Test func langWinsOverLocale() throws {
        let site = try SiteConfigParser.parse(
            configYAML: "url: http://x.test\nlang: pt-BR\nlocale: en_US", authorsYAML: nil
        ).config
        #expect(site.language == "pt-BR")
    }

    @Test func errorsNameTheFileAndLine() {
        #expect(throws: SiteConfigError(file: .config, line: nil, reason: .missingURL)) {
            try SiteConfigParser.parse(configYAML: "title: x", authorsYAML: nil)
        }
        #expect(throws: SiteConfigError(file: .config, line: 2, reason: .unknownTimeZone("Mars/Olympus"))) {
            try SiteConfigParser.parse(configYAML: "url: https://x.test\ntimezone: Mars/Olympus", authorsYAML: nil)
        }
        #expect(throws: SiteConfigError(file: .config, line: 1, reason: .invalidURL("example.org"))) {
            try SiteConfigParser.parse(configYAML: "url: example.org", authorsYAML: nil)
        }
        #expect {
            try SiteConfigParser.parse(configYAML: "url: https://x.test", authorsYAML: "a:\n  name: [x\n")
        } throws: { error in
            (error as? SiteConfigError)?.file == .authors && (error as? SiteConfigError)?.line == 3
        }
    }
}
