import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The whole archive as RFC 5005 pages: a reader walking back from the current document finds every post once,
/// and a new post changes only the current document and at most one page.
@Suite(.serialized) struct ArchiveTests {
    static let base = "https://harbour.example.org/feeds/"

    /// A newsletter of `english` English and `french` French issues, one a week, built with pages of 4 posts and a
    /// limit of 3.
    static func site(english: Int, french: Int, archive: String = "archive:\n  page_size: 4\n") throws
        -> TemporaryDirectory
    {
        var files = [
            "feedgen.yml": "site: site\nout: out\nlimit: 3\nbase_url: \(base)\n" + archive,
            "site/_config.yml": "title: Harbour Notes\nurl: https://harbour.example.org\ntimezone: UTC\nlang: en\n",
        ]
        for number in 1...english { files[path(number, "en")] = post(number, "en") }
        for number in 1...max(french, 1) where french > 0 { files[path(number, "fr")] = post(number, "fr") }
        return try TemporaryDirectory(files)
    }

    static func path(_ number: Int, _ language: String) -> String {
        let day = Calendar(identifier: .gregorian).date(
            byAdding: .day, value: number * 7 + (language == "fr" ? 1 : 0),
            to: DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: .gmt, year: 2024, month: 1, day: 1)
                .date!)!
        let stamp = day.formatted(.iso8601.year().month().day().dateSeparator(.dash))
        return "site/_posts/\(stamp)-harbour-notes-\(number)\(language == "fr" ? "-fr" : "").md"
    }

    static func post(_ number: Int, _ language: String) -> String {
        let title = language == "fr" ? "Nouvelles du port n° \(number)" : "Harbour Notes #\(number)"
        return """
            ---
            title: "\(title)"
            lang: \(language)
            tags: [harbour]
            ---
            ## The quay

            Issue \(number): the lamp on the quay was repaired, and the ferry runs [on time](/timetable/).

            """
    }

    static func build(_ folder: borrowing TemporaryDirectory, _ extra: [String] = []) async throws -> ProcessResult {
        try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"] + extra, in: folder.url)
    }

    @Test func aReaderFollowingTheArchiveFindsEveryPostOnce() async throws {
        let folder = try Self.site(english: 10, french: 5)
        let result = try await Self.build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasSuffix(
                """
                (all)          15      3  3 written; archive: 9 written
                en             10      3  3 written; archive: 6 written
                fr              5      3  3 written; archive: 3 written
                feeds.opml: written
                feeds-atom.opml: written
                feeds-json.opml: written
                15 post files; files: 30 written; 0 errors, 0 warnings

                """), "\(result.stdout)")
        let out = folder.url.appending(path: "out")
        let everything = try TemporaryDirectory()
        await #expect(try Self.build(folder, ["--limit", "0", "--out", everything.url.path]).status == 0)
        for feed in ["", "en/", "fr/"] {
            let all = try Self.jsonIDs(everything.url.appending(path: feed + "feed.json"))
            for format in ["atom.xml", "rss.xml", "feed.json"] {
                let walk = try Self.walk(out, from: feed + format)
                let pages = walk.dropFirst()
                #expect(Set(walk.flatMap(\.ids)) == Set(all), "\(feed)\(format)")
                // Archive pages share no post (the current document may repeat the newest pages' posts).
                #expect(pages.flatMap(\.ids).count == Set(pages.flatMap(\.ids)).count, "\(feed)\(format)")
                #expect(walk.allSatisfy { Set($0.ids).count == $0.ids.count })
                #expect(pages.allSatisfy(\.isArchive) && !walk[0].isArchive, "\(feed)\(format)")
                #expect(pages.allSatisfy { $0.current == Self.base + feed + format }, "\(feed)\(format)")
            }
        }
        let check = try await feedcheck(out, languages: ["en", "fr"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasSuffix("27 passed, 0 failed\n"), "\(check.stdout)")
    }

    @Test func aNewPostChangesTheCurrentDocumentAndAtMostOnePage() async throws {
        let folder = try Self.site(english: 7, french: 0)
        await #expect(try Self.build(folder).status == 0)
        let out = folder.url.appending(path: "out")
        for number in 8...10 {
            let before = try snapshot(out)
            try Data(Self.post(number, "en").utf8).write(to: folder.url.appending(path: Self.path(number, "en")))
            let result = try await Self.build(folder)
            #expect(result.status == 0, "\(result.stderr)")
            let after = try snapshot(out)
            // A document and its `.gz` copy are one document; the HTML page beside the feeds lists the latest items.
            let changed = Set(
                Set(after.keys).union(before.keys).filter { before[$0] != after[$0] }
                    .map { $0.hasSuffix(".gz") ? String($0.dropLast(3)) : $0 }
                    .filter { $0 != "index.html" })
            let pages = Set(changed.compactMap { $0.firstMatch(of: /archive\/(\d+)\//).map { String($0.1) } })
            let current = changed.filter { !$0.contains("archive/") && !$0.hasSuffix(".opml") }
            #expect(pages.count <= 1, "post \(number): \(changed.sorted())")
            #expect(
                current.isSubset(of: ["rss.xml", "atom.xml", "feed.json", "en/rss.xml", "en/atom.xml", "en/feed.json"]))
            // Only a page that was not there before: full pages never change.
            for path in changed where path.contains("archive/") { #expect(before[path] == nil, "\(path)") }
        }
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "en/archive/2/atom.xml").path))
    }

    /// Archive pages nobody builds any more are removed: posts deleted, or a single document asked for.
    @Test func pagesOfPostsThatAreGoneAreRemoved() async throws {
        let folder = try Self.site(english: 9, french: 0)
        await #expect(try Self.build(folder).status == 0)
        let out = folder.url.appending(path: "out")
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "archive/2/feed.json").path))
        for number in 5...9 {
            try FileManager.default.removeItem(at: folder.url.appending(path: Self.path(number, "en")))
        }
        let fewer = try await Self.build(folder)
        #expect(
            fewer.stdout.contains("\n(all)           4      3  3 written; archive: 3 unchanged, 3 removed\n"),
            "\(fewer.stdout)")
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "archive/2").path))
        #expect(FileManager.default.fileExists(atPath: out.appending(path: "archive/1/feed.json").path))
        let single = try await Self.build(folder, ["--limit", "0"])
        #expect(single.status == 0, "\(single.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "archive").path))
        #expect(!FileManager.default.fileExists(atPath: out.appending(path: "en/archive").path))
    }

    /// The shared corpus with pages of 10: every document, archive pages included, passes the checker and newsboat,
    /// and walking each feed's archive finds every post.
    @Test func theSharedCorpusWithArchivesPassesTheCheckerAndAReader() async throws {
        let folder = try TemporaryDirectory([
            "feedgen.yml": "site: \(Paths.corpus.path)\nout: out\nbase_url: \(Self.base)\narchive:\n  page_size: 10\n"
        ])
        let result = try await run(Paths.feedgen, ["build", "--config", "feedgen.yml"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.url.appending(path: "out")
        let everything = try TemporaryDirectory()
        let single = try await run(
            Paths.feedgen, ["build", "--config", "feedgen.yml", "--limit", "0", "--out", everything.url.path],
            in: folder.url)
        #expect(single.status == 0)
        for feed in ["", "en/", "fr/", "zh/", "pt-br/", "tr/", "es/", "ar/"] {
            let all = try Self.jsonIDs(everything.url.appending(path: feed + "feed.json"))
            for format in ["atom.xml", "rss.xml", "feed.json"] {
                let walk = try Self.walk(out, from: feed + format)
                #expect(Set(walk.flatMap(\.ids)) == Set(all), "\(feed)\(format)")
                #expect(walk.dropFirst().flatMap(\.ids).count == Set(walk.dropFirst().flatMap(\.ids)).count)
            }
        }
        let check = try await feedcheck(out, languages: ["en", "fr", "pt-BR", "zh", "es", "ar", "tr"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasSuffix("72 passed, 0 failed\n"), "\(check.stdout)")
        let reader = try await run(
            URL(filePath: "/usr/bin/env"),
            [
                "python3", "-c", ReaderLinkTests.withSignalsUnblocked, "bash",
                Paths.shared.appending(path: "feedcheck/reader_check.sh").path, out.path,
            ])
        #expect(reader.status == 0, "\(reader.stdout)\(reader.stderr)")
        #expect(reader.stdout.contains("48 passed, 0 failed, 24 skipped"), "\(reader.stdout)")
    }

    // MARK: A reader walking the archive

    struct Document {
        var ids: [String]
        var isArchive: Bool
        var current: String?
    }

    /// The documents a reader reads from `start` (a path under `out`) following `prev-archive` (`next_url` in JSON
    /// Feed), current document first.
    static func walk(_ out: URL, from start: String) throws -> [Document] {
        var documents: [Document] = []
        var next: String? = start
        while let path = next, documents.count < 100 {
            let file = out.appending(path: path)
            let document: Document
            let previous: String?
            if path.hasSuffix(".json") {
                let feed = try JSONDecoder().decode(JSONFeedPage.self, from: Data(contentsOf: file))
                document = Document(ids: feed.items.map(\.id), isArchive: false, current: nil)
                previous = feed.nextURL
            } else {
                let xml = try XMLElements(file)
                let isAtom = path.hasSuffix("atom.xml")
                let links = xml.elements.filter { $0.name == (isAtom ? "link" : "atom:link") }
                document = Document(
                    ids: xml.elements.filter { $0.name == (isAtom ? "id" : "guid") }.map(\.text).dropFirst(
                        isAtom ? 1 : 0
                    )
                    .map { $0 },
                    isArchive: xml.elements.contains { $0.name == "fh:archive" },
                    current: links.first { $0.attributes["rel"] == "current" }?.attributes["href"])
                previous = links.first { $0.attributes["rel"] == "prev-archive" }?.attributes["href"]
            }
            documents.append(document)
            next = try previous.map { url in
                guard url.hasPrefix(base) else { throw WalkError(url: url) }
                return String(url.dropFirst(base.count))
            }
        }
        // JSON Feed has no archive mark: its pages are the documents after the first.
        if start.hasSuffix(".json") {
            for index in documents.indices.dropFirst() {
                documents[index].isArchive = true
                documents[index].current = base + start
            }
        }
        return documents
    }

    struct WalkError: Error { var url: String }

    struct JSONFeedPage: Decodable {
        struct Item: Decodable { var id: String }
        var items: [Item]
        var nextURL: String?

        enum CodingKeys: String, CodingKey {
            case items
            case nextURL = "next_url"
        }
    }

    static func jsonIDs(_ file: URL) throws -> [String] {
        try JSONDecoder().decode(JSONFeedPage.self, from: Data(contentsOf: file)).items.map(\.id)
    }
}

/// Every element of an XML file: its qualified name, attributes and text.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init(_ file: URL) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: file))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        open.append(elements.count)
        elements.append(Element(name: qualifiedName ?? name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}

/// Every file under `folder` and its bytes, by relative path.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        let url = folder.appending(path: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}
