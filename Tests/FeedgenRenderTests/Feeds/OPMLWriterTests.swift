import FeedgenCore
import FeedgenRender
import Foundation
import Testing

@Suite struct OPMLWriterTests {
    static let outlines = [
        OPMLOutline(
            title: "DAIR.AI & friends — English",
            language: "en",
            urls: FeedURLs(
                rss: "https://dair.ai/feeds/en/rss.xml", atom: "https://dair.ai/feeds/en/atom.xml",
                json: "https://dair.ai/feeds/en/feed.json"
            ),
            homePageURL: "https://dair.ai/"
        ),
        OPMLOutline(
            title: "النشرة\u{1}",
            language: "ar",
            urls: FeedURLs(
                rss: "https://dair.ai/feeds/ar/rss.xml", atom: "https://dair.ai/feeds/ar/atom.xml",
                json: "https://dair.ai/feeds/ar/feed.json"
            ),
            homePageURL: "https://dair.ai/ar/"
        ),
    ]

    static func write(_ format: OPMLFormat) throws -> [UInt8] {
        try OPMLWriter.write(
            title: "DAIR.AI <feeds>", outlines: outlines, format: format,
            dateCreated: SampleFeed.date("2020-03-18T10:30:00Z")
        )
    }

    @Test(arguments: OPMLFormat.allCases) func matchesGoldenFile(format: OPMLFormat) throws {
        try Golden.check(try Self.write(format), named: format.fileName)
    }

    @Test func fileNames() {
        #expect(OPMLFormat.allCases.map(\.fileName) == ["feeds.opml", "feeds-atom.opml", "feeds-json.opml"])
    }

    @Test func readsBack() throws {
        let opml = try ParsedXML.parse(try Self.write(.rss))
        #expect(opml.name == "opml" && opml.attributes == ["version": "2.0"])
        let head = try #require(opml.one("head"))
        #expect(
            head.children.map { [$0.name, $0.text] } == [
                ["title", "DAIR.AI <feeds>"], ["dateCreated", "Wed, 18 Mar 2020 10:30:00 +0000"],
                ["docs", "http://opml.org/spec2.opml"],
            ]
        )
        #expect(
            opml.one("body")?.all("outline").map(\.attributes) == [
                [
                    "type": "rss", "version": "RSS2", "text": "DAIR.AI & friends — English",
                    "title": "DAIR.AI & friends — English", "xmlUrl": "https://dair.ai/feeds/en/rss.xml",
                    "htmlUrl": "https://dair.ai/", "language": "en",
                ],
                [
                    "type": "rss", "version": "RSS2", "text": "النشرة", "title": "النشرة",
                    "xmlUrl": "https://dair.ai/feeds/ar/rss.xml", "htmlUrl": "https://dair.ai/ar/", "language": "ar",
                ],
            ]
        )
    }

    /// The Atom and JSON Feed lists point to those documents, with no RSS version.
    @Test func otherFormatsReadBack() throws {
        for (format, file) in [(OPMLFormat.atom, "atom.xml"), (.json, "feed.json")] {
            let opml = try ParsedXML.parse(try Self.write(format))
            #expect(
                opml.one("body")?.all("outline").map(\.attributes) == [
                    [
                        "type": "rss", "text": "DAIR.AI & friends — English", "title": "DAIR.AI & friends — English",
                        "xmlUrl": "https://dair.ai/feeds/en/\(file)", "htmlUrl": "https://dair.ai/", "language": "en",
                    ],
                    [
                        "type": "rss", "text": "النشرة", "title": "النشرة",
                        "xmlUrl": "https://dair.ai/feeds/ar/\(file)",
                        "htmlUrl": "https://dair.ai/ar/", "language": "ar",
                    ],
                ]
            )
        }
    }
}
