import Foundation
import Testing

@testable import FeedgenCore

@Suite struct PermalinkTests {
    let utc = TimeZone(identifier: "UTC")!

    private func input(
        _ name: String, categories: [String] = [], slug: String? = nil, zone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws -> PermalinkInput {
        let parsed = try #require(PostFilename.parse(name))
        return PermalinkInput(
            date: try #require(JekyllDate.fromFilename(parsed, timeZone: zone)), timeZone: zone, slug: parsed.slug,
            frontMatterSlug: slug, categories: categories, relativePath: "_posts/" + name)
    }

    @Test func namedStyles() throws {
        let post = try input("2020-03-09-NLP_Newsletter_#1_[FR].Md", categories: ["Posts", "NLP"])
        #expect(Permalink.path(for: post, pattern: "date") == "/posts/nlp/2020/03/09/NLP_Newsletter_-1_-FR.html")
        #expect(Permalink.path(for: post, pattern: "pretty") == "/posts/nlp/2020/03/09/NLP_Newsletter_-1_-FR/")
        #expect(Permalink.path(for: post, pattern: "ordinal") == "/posts/nlp/2020/069/NLP_Newsletter_-1_-FR.html")
        #expect(Permalink.path(for: post, pattern: "weekdate") == "/posts/nlp/2020/W11/Mon/NLP_Newsletter_-1_-FR.html")
        #expect(Permalink.path(for: post, pattern: "none") == "/posts/nlp/NLP_Newsletter_-1_-FR.html")
        #expect(Permalink.path(for: post, pattern: "/:categories/:title/") == "/posts/nlp/NLP_Newsletter_-1_-FR/")
    }

    @Test func everyPlaceholder() throws {
        let post = try input("2019-12-30-Hello World.md", categories: ["Café Crème", "x"])
        let template =
            "/:collection/:path/:name/:title/:slug/:categories/:slugified_categories/:year/:month/:day/"
            + ":hour/:minute/:second/:i_day/:i_month/:short_month/:long_month/:short_year/:w_year/:week/:w_day/"
            + ":short_day/:long_day/:y_day/:month_:day_:title:output_ext"
        #expect(
            Permalink.path(for: post, pattern: template)
                == "/posts/2019-12-30-Hello%20World/2019-12-30-hello-world/Hello-World/hello-world/"
                + "caf%C3%A9%20cr%C3%A8me/x/caf%C3%A9-cr%C3%A8me/x/2019/12/30/00/00/00/30/12/Dec/December/19/2020/01/1/"
                + "Mon/Monday/364/12_30_Hello-World.html")
        #expect(Permalink.unknownPlaceholders(in: "/:year/:nope/:title_x/:day_") == ["nope", "title_x"])
        #expect(Permalink.path(for: post, pattern: "/:nope/:title") == "/:nope/Hello-World")
    }

    @Test func escaping() throws {
        #expect(
            Permalink.path(for: try input("2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md"), pattern: "none")
                == "/NLP_Newsletter_NLP_7-ZH-.md.html")
        #expect(
            Permalink.path(for: try input("2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md"), pattern: "pretty")
                == "/2020/03/22/NLP_Newsletter_NLP_8-ZH-.md/")
        #expect(
            Permalink.path(for: try input("2020-4-6-TL;DR_DistillBERT.md"), pattern: "/:title/")
                == "/TL;DR_DistillBERT/")
        #expect(
            Permalink.path(
                for: try input("2020-01-12-NLP_Newsletter_Tokenizers,_TensorFlow_2_1.md"), pattern: "/:title/")
                == "/NLP_Newsletter_Tokenizers,_TensorFlow_2_1/")
        #expect(
            Permalink.path(for: try input("2020-03-26-NLP_Research_Highlights_—_Issue_#1.md"), pattern: "/:title/")
                == "/NLP_Research_Highlights_-_Issue_-1/")
        #expect(Permalink.path(for: try input("2020-03-02-NLP简报.md"), pattern: "/:title/") == "/NLP%E7%AE%80%E6%8A%A5/")
        #expect(
            Permalink.path(for: try input("2020-01-01-x.md", categories: ["C#", "a b", "[x]", "a?b"]), pattern: "none")
                == "/c%23/a%20b/%5Bx%5D/a?b/x.html")
        #expect(Permalink.escapePath("c#/x#y") == "c%23/x%23y")
        #expect(Permalink.escapePath("50%") == "50%25")
        #expect(Permalink.sanitize("a...b/./c//d") == "/a/.b/c/d")
    }

    @Test func frontMatterPermalinkAndSlug() throws {
        let post = try input("2020-01-05-fm.md", categories: ["News"], slug: "Custom Slug! (v2)")
        #expect(
            Permalink.path(for: post, frontMatterPermalink: "/custom/:categories/:i_month/:title:output_ext")
                == "/custom/news/1/Custom-Slug!-(v2).html")
        #expect(Permalink.path(for: post, frontMatterPermalink: "/feed/:slug.json") == "/feed/custom-slug-v2.json")
        #expect(Permalink.path(for: post, frontMatterPermalink: "/fixed/Path With Space/") == "/fixed/Path With Space/")
        #expect(Permalink.path(for: post, frontMatterPermalink: "pretty") == "/pretty")
        #expect(Permalink.path(for: post, pattern: "pretty") == "/news/2020/01/05/Custom-Slug!-(v2)/")
    }

    @Test func datesAreShownInTheSiteZone() throws {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let late = PermalinkInput(
            date: try JekyllDate.parse("2020-12-31 20:00:00 -0500", timeZone: tokyo), timeZone: tokyo, slug: "x")
        #expect(Permalink.path(for: late, pattern: "date") == "/2021/01/01/x.html")
    }

    @Test func categoriesFollowJekyllsOrder() {
        #expect(
            Permalink.categories(
                relativePath: "posts/_posts/2020-01-01-x.md", frontMatterCategory: nil, frontMatterCategories: []) == [
                    "posts"
                ])
        #expect(
            Permalink.categories(
                relativePath: "_posts/es/2020-01-01-x.md", frontMatterCategory: nil, frontMatterCategories: []) == [])
        #expect(
            Permalink.categories(
                relativePath: "News/Deep/_posts/2020-01-01-x.md", frontMatterCategory: nil, frontMatterCategories: [])
                == ["News", "Deep"])
        #expect(
            Permalink.categories(
                relativePath: "es/_posts/x.md", frontMatterCategory: nil, frontMatterCategories: ["es", "News", "News"])
                == ["es", "News"])
        #expect(
            Permalink.categories(
                relativePath: "_posts/x.md", frontMatterCategory: "Solo Cat", frontMatterCategories: ["first"]) == [
                    "first", "Solo Cat",
                ])
        #expect(
            Permalink.categories(
                relativePath: "my_posts_site/_posts/x.md", frontMatterCategory: nil, frontMatterCategories: []) == [
                    "my"
                ])
        #expect(Permalink.splitWords("Alpha  beta,gamma\tAlpha ") == ["Alpha", "beta,gamma", "Alpha"])
    }

    /// Jekyll's `URL.escape_path` and `sanitize_url` on the recorded inputs.
    @Test func matchesJekyllEscapingAndSanitizing() throws {
        let functions = try JekyllFixtures.functions()
        for pair in functions.escapePath {
            #expect(Permalink.escapePath(pair.input) == pair.output, "\(pair.input.debugDescription)")
        }
        for pair in functions.sanitizeUrl {
            #expect(Permalink.sanitize(pair.input) == pair.output, "\(pair.input.debugDescription)")
        }
    }
}
