import FeedgenCore
import FeedgenRender
import Testing

@Suite struct RSSWriterTests {
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let atom = "http://www.w3.org/2005/Atom"
    static let media = "http://search.yahoo.com/mrss/"

    @Test func matchesGoldenFile() throws {
        let bytes = try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator)
        try Golden.check(bytes, named: "all.rss.xml")
        #expect(try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator) == bytes)
    }

    @Test func startsWithTheXMLDeclarationAndNoBOM() throws {
        let bytes = try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator)
        let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        #expect(Array(bytes.prefix(declaration.count)) == declaration)
    }

    @Test func channelReadsBack() throws {
        let rss = try ParsedXML.parse(try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        #expect(rss.name == "rss")
        #expect(rss.attributes == ["version": "2.0"])
        let channel = try #require(rss.one("channel"))
        #expect(channel.one("title")?.text == "DAIR.AI — all languages")
        #expect(channel.one("link")?.text == "https://dair.ai/")
        #expect(channel.one("description")?.text == "NLP News & notes, in every language.")
        #expect(channel.one("language")?.text == "mul")
        #expect(channel.one("lastBuildDate")?.text == "Wed, 18 Mar 2020 10:30:00 +0000")
        #expect(channel.one("generator")?.text == "feedgen 0.1")
        #expect(channel.one("docs")?.text == "https://www.rssboard.org/rss-specification")
        #expect(
            channel.one("link", in: Self.atom)?.attributes
                == ["rel": "self", "type": "application/rss+xml", "href": "https://dair.ai/feeds/all/rss.xml"]
        )
        #expect(channel.all("item").count == 2)
    }

    @Test func firstItemReadsBack() throws {
        let rss = try ParsedXML.parse(try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        let item = try #require(rss.one("channel")?.all("item").first)
        #expect(item.one("title")?.text == SampleFeed.englishTitleWritten)
        #expect(item.one("link")?.text == "https://dair.ai/posts/NLP_Newsletter_7/")
        #expect(item.one("guid")?.text == "tag:dair.ai,2020-03-16:/posts/NLP_Newsletter_7/")
        #expect(item.one("guid")?.attributes == ["isPermaLink": "false"])
        #expect(item.one("pubDate")?.text == "Mon, 16 Mar 2020 00:00:00 +0000")
        #expect(item.all("creator", in: Self.dublinCore).map(\.text) == ["Elvis Saravia"])
        #expect(item.all("language", in: Self.dublinCore).map(\.text) == ["en"])
        #expect(item.all("category").map(\.text) == ["NLP", "Newsletter"])
        // <description> is HTML to readers, so the plain-text summary arrives HTML-escaped.
        #expect(item.one("description")?.text == "Plain summary: 1 &lt; 2 &amp; 3 &gt; 2.")
        #expect(item.one("encoded", in: Self.content)?.text == SampleFeed.englishHTML)
        #expect(item.one("encoded", in: Self.content)?.children == [])
        #expect(
            item.all("link", in: Self.atom).map(\.attributes) == [
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
        #expect(
            item.one("content", in: Self.media)?.attributes
                == ["url": "https://dair.ai/img/cover.png", "medium": "image"]
        )
        #expect(item.one("thumbnail", in: Self.media)?.attributes == ["url": "https://dair.ai/img/cover.png"])
    }

    @Test func secondItemLeavesOutWhatItLacks() throws {
        let rss = try ParsedXML.parse(try RSSWriter.write(SampleFeed.feed, generator: SampleFeed.generator))
        let item = try #require(rss.one("channel")?.all("item").last)
        #expect(item.one("title")?.text == SampleFeed.arabicTitle)
        #expect(item.one("encoded", in: Self.content)?.text == SampleFeed.arabicHTML)
        #expect(
            item.children.map(\.name) == ["title", "link", "link", "link", "guid", "pubDate", "language", "encoded"])
        #expect(item.one("language", in: Self.dublinCore)?.text == "ar")
        #expect(
            item.all("link", in: Self.atom).last?.attributes == [
                "rel": "related", "type": "text/html", "hreflang": "en",
                "href": "https://dair.ai/posts/NLP_Newsletter_7/", "title": SampleFeed.englishTitleWritten,
            ]
        )
    }

    /// In a one-language feed the channel's `<language>` is every item's: no `dc:language` repeats it.
    @Test func itemsOfTheFeedsLanguageCarryNoOwnLanguage() throws {
        var feed = SampleFeed.feed
        feed.language = "en"
        let rss = try ParsedXML.parse(try RSSWriter.write(feed, generator: SampleFeed.generator))
        let items = try #require(rss.one("channel")?.all("item"))
        #expect(items.map { $0.all("language", in: Self.dublinCore).map(\.text) } == [[], ["ar"]])
    }
}
