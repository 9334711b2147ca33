import Foundation
import Testing

@testable import FeedgenCore

/// feedgen's rules against what real Jekyll 4.3.1 built (`Fixtures/make-jekyll-fixtures.sh`).
@Suite struct JekyllComparisonTests {
    /// Every file under the corpus's `_posts` folders: Jekyll's list of posts, each post's URL with the site's
    /// `permalink: /:categories/:title/`, and its date (the corpus sets no front-matter dates; built in UTC).
    @Test func corpusURLsAndDatesMatchJekyll() throws {
        let utc = TimeZone(identifier: "UTC")!
        let expected = try Dictionary(uniqueKeysWithValues: JekyllFixtures.rows("jekyll-urls.tsv").map { ($0[0], $0) })
        var ours: [String: (url: String, date: String)] = [:]
        for folder in ["posts/_posts", "projects/_posts"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: JekyllFixtures.corpus.appendingPathComponent(folder).path)
            for name in names {
                guard let parsed = PostFilename.parse(name) else { continue }
                let path = folder + "/" + name
                let date = try #require(JekyllDate.fromFilename(parsed, timeZone: utc))
                let input = PermalinkInput(
                    date: date, timeZone: utc, slug: parsed.slug,
                    categories: Permalink.categories(
                        relativePath: path, frontMatterCategory: nil, frontMatterCategories: []),
                    relativePath: path)
                ours[path] = (
                    Permalink.path(for: input, pattern: "/:categories/:title/"), JekyllFixtures.rubyTime(date, in: utc)
                )
            }
        }
        #expect(expected.count == 95)
        #expect(Set(ours.keys) == Set(expected.keys))
        for (path, row) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(ours[path]?.url == row[1], "\(path)")
            #expect(ours[path]?.date == row[2], "\(path)")
            #expect(row[3] == row[1], "relative_url with no baseurl is post.url for \(path)")
        }
    }

    /// Front matter of the made-up site in `make-jekyll-fixtures.sh`, as a front-matter reader would pass it.
    struct FrontMatter {
        var permalink: String?
        var slug: String?
        var category: String?
        var categories: [String] = []
        /// The `date:` scalar and whether it was plain (unquoted).
        var date: (String, Bool)?
    }

    static let frontMatter: [String: FrontMatter] = [
        "_posts/2020-01-05-fm-permalink-template.md": FrontMatter(
            permalink: "/custom/:categories/:year/:i_month/:i_day/:title:output_ext"),
        "_posts/2020-01-06-fm-permalink-fixed.md": FrontMatter(permalink: "/fixed/Path With Space/"),
        "_posts/2020-01-07-fm-permalink-style-name.md": FrontMatter(permalink: "pretty"),
        "_posts/2020-01-08-fm-slug.md": FrontMatter(slug: "Custom Slug! (v2)"),
        "_posts/2020-01-09-fm-categories-list.md": FrontMatter(categories: ["Foo", "Bar Baz", "foo", "C#"]),
        "_posts/2020-01-10-fm-categories-string.md": FrontMatter(
            categories: Permalink.splitWords("Alpha  beta,gamma Alpha")),
        "_posts/2020-01-11-fm-category.md": FrontMatter(category: "Solo Cat", categories: ["first"]),
        "_posts/2020-01-12-fm-date-offset.md": FrontMatter(date: ("2020-01-12 23:30:00 -0800", true)),
        "_posts/2020-01-13-fm-date-quoted.md": FrontMatter(date: ("2020-01-13 23:30", false)),
        "_posts/2020-01-14-fm-date-yaml-utc.md": FrontMatter(date: ("2020-01-14 02:30:00", true)),
        "_posts/2020-01-15-fm-date-z.md": FrontMatter(date: ("2020-01-15T03:00:00Z", true)),
        "es/_posts/2020-02-02-hola.md": FrontMatter(categories: ["es", "News"]),
    ]

    /// The small site built once per permalink setting, in America/New_York with `baseurl: /blog`.
    @Test func stylesSiteMatchesJekyll() throws {
        let zone = TimeZone(identifier: "America/New_York")!
        let rows = try JekyllFixtures.rows("jekyll-styles.tsv")
        #expect(rows.count == 8 * 23)
        for row in rows {
            let (pattern, path) = (row[0], row[1])
            let parsed = try #require(PostFilename.parse(path), "\(path)")
            let matter = Self.frontMatter[path] ?? FrontMatter()
            let date =
                try matter.date.map { try JekyllDate.parseFrontMatter($0.0, isPlain: $0.1, timeZone: zone) }
                ?? #require(JekyllDate.fromFilename(parsed, timeZone: zone))
            let input = PermalinkInput(
                date: date, timeZone: zone, slug: parsed.slug, frontMatterSlug: matter.slug,
                categories: Permalink.categories(
                    relativePath: path, frontMatterCategory: matter.category, frontMatterCategories: matter.categories),
                relativePath: path)
            let url =
                matter.permalink.map { Permalink.path(for: input, frontMatterPermalink: $0) }
                ?? Permalink.path(for: input, pattern: pattern)
            #expect(url == row[2], "\(pattern) \(path)")
            #expect(JekyllFixtures.rubyTime(date, in: zone) == row[3], "\(path)")
        }
    }
}
