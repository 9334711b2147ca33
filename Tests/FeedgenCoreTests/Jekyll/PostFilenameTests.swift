import Testing

@testable import FeedgenCore

@Suite struct PostFilenameTests {
    @Test(arguments: [
        (
            "2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md",
            PostFilename(year: 2020, month: 3, day: 16, slug: "NLP_Newsletter_NLP_7[ZH].md", ext: ".md")
        ),
        (
            "2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md",
            PostFilename(year: 2020, month: 3, day: 22, slug: "NLP_Newsletter_NLP_8[ZH].md ", ext: ".md")
        ),
        (
            "2020-4-6-TL;DR_DistillBERT.md",
            PostFilename(year: 2020, month: 4, day: 6, slug: "TL;DR_DistillBERT", ext: ".md")
        ),
        (
            "2020-03-09-NLP_Newsletter_#1_[FR].Md",
            PostFilename(year: 2020, month: 3, day: 9, slug: "NLP_Newsletter_#1_[FR]", ext: ".Md")
        ),
        (
            "2020-03-26-NLP_Research_Highlights_—_Issue_#1.md",
            PostFilename(year: 2020, month: 3, day: 26, slug: "NLP_Research_Highlights_—_Issue_#1", ext: ".md")
        ),
        ("2020-03-02-NLP简报.md", PostFilename(year: 2020, month: 3, day: 2, slug: "NLP简报", ext: ".md")),
        ("2020-06-06-trailing..md", PostFilename(year: 2020, month: 6, day: 6, slug: "trailing", ext: ".md")),
        (
            "20-03-16-two-digit-year.html",
            PostFilename(year: 2020, month: 3, day: 16, slug: "two-digit-year", ext: ".html")
        ),
        ("69-03-16-sixty-nine.md", PostFilename(year: 1969, month: 3, day: 16, slug: "sixty-nine", ext: ".md")),
        ("0020-03-16-year-twenty.md", PostFilename(year: 20, month: 3, day: 16, slug: "year-twenty", ext: ".md")),
        ("2020-13-45-unchecked.md", PostFilename(year: 2020, month: 13, day: 45, slug: "unchecked", ext: ".md")),
        ("2020-01-01-.md", PostFilename(year: 2020, month: 1, day: 1, slug: "", ext: ".md")),
        ("2020-01-01-no extension.x y", PostFilename(year: 2020, month: 1, day: 1, slug: "no extension", ext: ".x y")),
        (
            "posts/_posts/2020/2020-01-02-in-folder.md",
            PostFilename(year: 2020, month: 1, day: 2, slug: "in-folder", ext: ".md")
        ),
        ("_posts/2020-01-03-x.md", PostFilename(year: 2020, month: 1, day: 3, slug: "x", ext: ".md")),
    ])
    func parsesPostNames(name: String, expected: PostFilename) {
        #expect(PostFilename.parse(name) == expected)
    }

    @Test(arguments: [
        "2020-03-16.md",  // no title part
        "2020-03-16-noextension",  // no extension
        "2020-03-16-ends-with-dot.",  // rejected by EntryFilter, and the matcher needs an extension
        "12345-03-16-long-year.md", "2-03-16-short-year.md", "2020-003-16-x.md", "2020-03-016-x.md",
        "2020_03_16-underscores.md", "x2020-03-16-prefix.md", "２０２０-03-16-fullwidth-digits.md",
        ".2020-03-16-hidden.md", "_2020-03-16-underscore.md", "#2020-03-16-hash.md", "~2020-03-16-tilde.md",
        "2020-03-16-backup.md~", ".cache/2020-03-16-in-hidden-folder.md",
        "2020-03-16-new\nline.md",
    ])
    func refusesWhatJekyllSkips(name: String) {
        #expect(PostFilename.parse(name) == nil)
    }

    @Test func markdownExtensionsAreCaseInsensitive() {
        #expect(PostFilename.isMarkdown(ext: ".md"))
        #expect(PostFilename.isMarkdown(ext: ".Md"))
        #expect(PostFilename.isMarkdown(ext: ".MARKDOWN"))
        #expect(PostFilename.isMarkdown(ext: "mkd"))
        #expect(!PostFilename.isMarkdown(ext: ".html"))
        #expect(!PostFilename.isMarkdown(ext: ".md "))
        #expect(!PostFilename.isMarkdown(ext: ".txt"))
        #expect(PostFilename.isMarkdown(ext: ".txt", markdownExtensions: ["TXT"]))
        #expect(!PostFilename.isMarkdown(ext: ".md", markdownExtensions: ["markdown"]))
        #expect(PostFilename.defaultMarkdownExtensions == ["markdown", "mkdown", "mkdn", "mkd", "md"])
    }
}
