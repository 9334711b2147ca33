import FeedgenCore
@testable import FeedgenRender
import Testing

@Suite struct XMLTextWriterTests {
    /// Every control character but TAB, LF and CR, DEL and C1, U+FFFE and U+FFFF.
    static let removed = (0..<0x20).filter { ![0x9, 0xA, 0xD].contains($0) } + Array(0x7F...0x9F) + [0xFFFE, 0xFFFF]

    @Test func controlCharactersAreRemovedFromTextAndAttributes() throws {
        let junk = String(String.UnicodeScalarView(Self.removed.map { Unicode.Scalar(UInt32($0))! }))
        var feed = SampleFeed.feed
        feed.title = "A\(junk)B\tC"
        feed.items = [SampleFeed.english]
        feed.items[0].translations[0].title = "T\(junk)U"
        let rss = try ParsedXML.parse(try RSSWriter.write(feed, generator: SampleFeed.generator))
        let channel = try #require(rss.one("channel"))
        #expect(channel.one("title")?.text == "AB\tC")
        let links = channel.one("item")?.all("link", in: "http://www.w3.org/2005/Atom")
        #expect(links?.last?.attributes["title"] == "TU")
    }

    @Test func lineBreaksInAttributesSurviveAsReferences() throws {
        var feed = SampleFeed.feed
        feed.items = [SampleFeed.english]
        feed.items[0].translations[0].title = "one\ntwo\r\tthree \"quoted\""
        let rss = try ParsedXML.parse(try RSSWriter.write(feed, generator: SampleFeed.generator))
        let links = rss.one("channel")?.one("item")?.all("link", in: "http://www.w3.org/2005/Atom")
        #expect(links?.last?.attributes["title"] == "one\ntwo\r\tthree \"quoted\"")
    }

    @Test func carriageReturnsInTextSurvive() throws {
        var feed = SampleFeed.feed
        feed.items = [SampleFeed.english]
        feed.items[0].contentHTML = "<p>a\r\nb\rc</p>"
        let rss = try ParsedXML.parse(try RSSWriter.write(feed, generator: SampleFeed.generator))
        let item = rss.one("channel")?.one("item")
        #expect(item?.one("encoded", in: "http://purl.org/rss/1.0/modules/content/")?.text == "<p>a\r\nb\rc</p>")
    }

    @Test func errorNamesTheCallAndLibxml2Message() {
        let error = XMLWriterError(call: "xmlTextWriterStartElement", message: "out of memory", code: 2)
        #expect(error.description == "libxml2: xmlTextWriterStartElement failed: out of memory (code 2)")
        #expect(XMLWriterError(call: "xmlTextWriterEndElement").description == "libxml2: xmlTextWriterEndElement failed")
    }

    @Test func aFailingCallThrowsAnErrorNamingIt() {
        // Closing an element that was never opened: xmlTextWriterEndElement returns -1.
        #expect(throws: XMLWriterError(call: "xmlTextWriterEndElement")) {
            try XMLTextWriter.document { try $0.endElement() }
        }
    }

    @Test func cdataKeepsEveryTerminatorItContains() throws {
        let text = "]]>a]]>]]b>]]>"
        let bytes = try XMLTextWriter.document { xml in
            try xml.element("a") { try xml.cdata(text) }
        }
        #expect(try ParsedXML.parse(bytes).text == text)
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<a><![CDATA[]]]]><![CDATA[>a]]]]><![CDATA[>]]b>]]]]><![CDATA[>]]></a>\n"
        )
    }
}
