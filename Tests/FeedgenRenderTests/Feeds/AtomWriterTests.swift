import FeedgenCore
import FeedgenRender
import Testing

@Suite struct AtomWriterTests {
    static let atom = "http://www.w3.org/2005/Atom"
    static let media = "http://search.yahoo.com/mrss/"
    static let lang = "{\(ParsedElement.xmlNamespace)}lang"

    @Test func matchesGoldenFile() throws {
        let bytes = try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator)
        try Golden.check(bytes, named: "all.atom.xml")
        #expect(try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator) == bytes)
    }

    @Test func feedReadsBack() throws {
        let feed = try ParsedXML.parse(try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        #expect(feed.name == "feed" && feed.namespace == Self.atom)
        #expect(feed.attributes == [Self.lang: "mul"])
        #expect(feed.one("id", in: Self.atom)?.text == "tag:dair.ai,2020:feeds/all")
        #expect(feed.one("title", in: Self.atom)?.text == "DAIR.AI — all languages")
        #expect(feed.one("subtitle", in: Self.atom)?.text == "NLP News & notes, in every language.")
        #expect(feed.one("updated", in: Self.atom)?.text == "2020-03-18T10:30:00Z")
        #expect(feed.one("generator", in: Self.atom)?.text == "feedgen 0.1")
        #expect(
            feed.all("link", in: Self.atom).map(\.attributes) == [
                ["rel": "self", "type": "application/atom+xml", "href": "https://dair.ai/feeds/all/atom.xml"],
                ["rel": "alternate", "type": "text/html", "href": "https://dair.ai/"],
            ]
        )
        let author = try #require(feed.one("author", in: Self.atom))
        #expect(author.children.map { [$0.name, $0.text] } == [["name", "DAIR.AI"], ["uri", "https://dair.ai/"]])
        #expect(feed.all("entry", in: Self.atom).count == 2)
    }

    @Test func firstEntryReadsBack() throws {
        let feed = try ParsedXML.parse(try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        let entry = try #require(feed.all("entry", in: Self.atom).first)
        #expect(entry.attributes == [Self.lang: "en"])
        #expect(entry.one("id", in: Self.atom)?.text == "tag:dair.ai,2020-03-16:/posts/NLP_Newsletter_7/")
        #expect(entry.one("title", in: Self.atom)?.text == SampleFeed.englishTitleWritten)
        #expect(entry.one("title", in: Self.atom)?.attributes == ["type": "text"])
        #expect(entry.one("published", in: Self.atom)?.text == "2020-03-16T00:00:00Z")
        #expect(entry.one("updated", in: Self.atom)?.text == "2020-03-18T10:30:00Z")
        #expect(
            entry.all("link", in: Self.atom).map(\.attributes) == [
                [
                    "rel": "alternate", "type": "text/html", "hreflang": "en",
                    "href": "https://dair.ai/posts/NLP_Newsletter_7/",
                ],
                [
                    "rel": "related", "type": "text/html", "hreflang": "ar",
                    "href": "https://dair.ai/posts/NLP_Newsletter_7_ar/", "title": SampleFeed.arabicTitle,
                ],
            ]
        )
        let author = try #require(entry.one("author", in: Self.atom))
        #expect(
            author.children.map { [$0.name, $0.text] } == [
                ["name", "Elvis Saravia"], ["uri", "https://example.org/elvis"], ["email", "elvis@example.org"],
            ]
        )
        #expect(entry.all("category", in: Self.atom).map(\.attributes) == [["term": "NLP"], ["term": "Newsletter"]])
        #expect(entry.one("summary", in: Self.atom)?.text == "Plain summary: 1 < 2 & 3 > 2.")
        #expect(entry.one("content", in: Self.atom)?.attributes == ["type": "html"])
        #expect(entry.one("content", in: Self.atom)?.text == SampleFeed.englishHTML)
        #expect(entry.one("thumbnail", in: Self.media)?.attributes == ["url": "https://dair.ai/img/cover.png"])
    }

    @Test func entryWithoutAuthorOrSummaryLeavesThemOut() throws {
        let feed = try ParsedXML.parse(try AtomWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        let entry = try #require(feed.all("entry", in: Self.atom).last)
        #expect(entry.attributes == [Self.lang: "ar"])
        #expect(entry.children.map(\.name) == ["id", "title", "link", "link", "published", "updated", "content"])
        #expect(entry.one("title", in: Self.atom)?.text == SampleFeed.arabicTitle)
        #expect(entry.one("content", in: Self.atom)?.text == SampleFeed.arabicHTML)
    }

    @Test func entriesInTheFeedLanguageHaveNoLangOfTheirOwn() throws {
        var english = SampleFeed.feed
        english.language = "en"
        english.items = [SampleFeed.english]
        let feed = try ParsedXML.parse(try AtomWriter.write(english, generator: SampleFeed.generator))
        #expect(feed.attributes == [Self.lang: "en"])
        #expect(feed.one("entry", in: Self.atom)?.attributes == [:])
    }
}
