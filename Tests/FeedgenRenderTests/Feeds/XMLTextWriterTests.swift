import FeedgenCore
import Testing

@testable import FeedgenRender

@Suite struct XMLTextWriterTests {
    /// Every control character but TAB, LF and CR, DEL and C1, and the noncharacters (U+FDD0–U+FDEF, U+xFFFE
    /// and U+xFFFF), as `XMLSafeText` has it.
    static let removed =
        (0..<0x20).filter { ![0x9, 0xA, 0xD].contains($0) } + Array(0x7F...0x9F) + Array(0xFDD0...0xFDEF)
        + [0xFFFE, 0xFFFF, 0x10_FFFF]

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

    /// Every scalar of the Basic Multilingual Plane and a few beyond, in a title and in an attribute: the XML is
    /// well-formed and reads back as the input without the removed characters.
    @Test func everyCharacterYieldsWellFormedXML() throws {
        let values = Array(0..<0xD800) + Array(0xE000...0xFFFF) + [0x1_0000, 0x1_F389, 0x10_FFFF]
        let scalars = values.map { Unicode.Scalar(UInt32($0))! }
        let everything = String(String.UnicodeScalarView(scalars))
        let kept = String(String.UnicodeScalarView(scalars.filter { !Self.removed.contains(Int($0.value)) }))
        var feed = SampleFeed.feed
        feed.items = [SampleFeed.english]
        feed.items[0].title = everything
        feed.items[0].translations[0].title = everything
        let rss = try ParsedXML.parse(try RSSWriter.write(feed, generator: SampleFeed.generator))
        let item = try #require(rss.one("channel")?.one("item"))
        // Scalar by scalar: String's == would accept a canonically equivalent (normalized) result.
        #expect(item.one("title").map { Array($0.text.unicodeScalars) } == Array(kept.unicodeScalars))
        let attribute = item.all("link", in: "http://www.w3.org/2005/Atom").last?.attributes["title"]
        #expect(attribute.map { Array($0.unicodeScalars) } == Array(kept.unicodeScalars))
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
        #expect(
            XMLWriterError(call: "xmlTextWriterEndElement").description == "libxml2: xmlTextWriterEndElement failed")
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
