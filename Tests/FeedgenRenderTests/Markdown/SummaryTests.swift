import Testing

@testable import FeedgenRender

/// `Summary.plainText`: the first real paragraph, as plain text, cut with care.
@Suite struct SummaryTests {
    @Test func skipsImageSpacerAndLinkOnlyParagraphs() {
        let html = """
            <p><img src="https://x.org/a.png" alt="Cover"></p>
            <p>\\</p>
            <p><a href="https://x.org/p"><em>(Sanchez-Gonzalez et al., 2020)</em></a></p>
            <p>Hello &amp; <em>world</em>,
               again&nbsp;&#x1F600;</p>
            <p>Second</p>
            """
        #expect(Summary.plainText(fromHTML: html, limit: 100) == "Hello & world, again 😀")
    }

    @Test func cutsAtAWordBoundary() {
        let html = "<p>The quick brown fox jumps over the lazy dog</p>"
        #expect(Summary.plainText(fromHTML: html, limit: 20) == "The quick brown fox…")
        #expect(Summary.plainText(fromHTML: html, limit: 18) == "The quick brown…")
        #expect(Summary.plainText(fromHTML: html, limit: 44) == "The quick brown fox jumps over the lazy dog")
    }

    @Test func cutsCJKAtACharacter() {
        let html = "<p>自然语言处理简报第七期介绍了很多内容</p>"
        #expect(Summary.plainText(fromHTML: html, limit: 10) == "自然语言处理简报第…")
    }

    @Test func neverSplitsAGraphemeCluster() {
        let family = "👨‍👩‍👧‍👦"
        let html = "<p>\(family)\(family)\(family)</p>"
        #expect(Summary.plainText(fromHTML: html, limit: 2) == "\(family)…")
    }

    @Test func dropsTrailingPunctuationBeforeTheEllipsis() {
        let html = "<p>Welcome to the 7th issue, friends and colleagues</p>"
        #expect(Summary.plainText(fromHTML: html, limit: 27) == "Welcome to the 7th issue…")
    }

    @Test func fallsBackToAllTextWithoutParagraphs() {
        #expect(Summary.plainText(fromHTML: "<h1>Only</h1><ul><li>a list</li></ul>", limit: 50) == "Onlya list")
        #expect(Summary.plainText(fromHTML: "", limit: 50) == "")
    }

    @Test func summaryOfARenderedCorpusStylePost() throws {
        let markdown = "![](https://cdn.org/a.png)\n\n\\\\\nWelcome to the 7th issue of the NLP Newsletter.\n"
        let html = try Fixture.html(markdown)
        #expect(Summary.plainText(fromHTML: html, limit: 200) == "Welcome to the 7th issue of the NLP Newsletter.")
    }
}
