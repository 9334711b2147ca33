import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Multilingual Jekyll sites as they are written: one folder per language with equal file names, authors as plain
/// names, and a jekyll-polyglot site. Item URLs are compared with what real Jekyll published
/// (`Fixtures/multilingual/jekyll-pages.tsv`, recorded by `make-jekyll-fixtures.sh`).
@Suite struct MultilingualSiteTests {
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/multilingual")

    /// One item of a JSON feed, with what these tests look at.
    struct Item: Decodable, Equatable {
        struct Author: Decodable, Equatable { var name: String }
        struct Extension: Decodable, Equatable { var translations: [Translation]? }
        struct Translation: Decodable, Equatable {
            var language: String
            var url: String
        }
        var id: String
        var url: String
        var contentHTML: String
        var language: String?
        var authors: [Author]?
        var feedgen: Extension?

        enum CodingKeys: String, CodingKey {
            case id, url, language, authors
            case contentHTML = "content_html"
            case feedgen = "_feedgen"
        }

        var translationURLs: [String] { (feedgen?.translations ?? []).map { "\($0.language) \($0.url)" } }
    }

    private struct Document: Decodable { var items: [Item] }

    /// Builds `site` with every post in every feed, and returns the items of the all-languages JSON feed.
    private func build(_ site: String, out: URL) async throws -> [Item] {
        let result = try await run(
            Paths.feedgen,
            ["build", "--site", Self.fixtures.appending(path: site).path, "--out", out.path, "--limit", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        try expectUniqueItemIDs(in: out)
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: out.appending(path: "feed.json"))).items
    }

    /// Jekyll's page of every post, for the language it is published in: `relative_path -> URL`.
    private func jekyllURLs(_ site: String, base: String) throws -> [String: String] {
        let text = try String(contentsOf: Self.fixtures.appending(path: "jekyll-pages.tsv"), encoding: .utf8)
        var urls: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // The folders site has no plugin: its one build is every post's. The plugins build each language,
            // and publish a post in other languages' builds too; its own language's build is the one that counts:
            // polyglot's post `lang` (else `default_lang`), the other plugin's `_i18n/LANG/` (else its first).
            let path = fields[2].split(separator: "/")
            let own = site != "multiple-languages" ? fields[4] : path.first == "_i18n" ? String(path[1]) : "en"
            guard fields[0] == site, fields[3].isEmpty || fields[3] == own else { continue }
            urls[fields[2]] = base + fields[1]
        }
        return urls
    }

    @Test func languageFoldersWithEqualFileNames() async throws {
        let out = try TemporaryDirectory()
        let items = try await build("folders", out: out.url)
        let jekyll = try jekyllURLs("folders", base: "https://lighthouse.example.net")
        let byURL = Dictionary(uniqueKeysWithValues: items.map { ($0.url, $0) })
        #expect(Set(items.map(\.url)) == Set(jekyll.values))
        func item(_ path: String) -> Item? { jekyll[path].flatMap { byURL[$0] } }

        let lamp = "news/_posts/2019-12-12-lamp-repaired.md"
        let en = try #require(item("en/" + lamp))
        let de = try #require(item("de/" + lamp))
        let pt = try #require(item("pt-br/" + lamp))
        let zh = try #require(item("zh_cn/" + lamp))
        // Own ids: the site's language keeps the bare id, the others are qualified by theirs.
        #expect(en.id == "tag:lighthouse.example.net,2019-12-12:lamp-repaired")
        #expect(de.id == "tag:lighthouse.example.net,2019-12-12:de/lamp-repaired")
        #expect(pt.id == "tag:lighthouse.example.net,2019-12-12:pt-br/lamp-repaired")
        #expect(zh.id == "tag:lighthouse.example.net,2019-12-12:zh-cn/lamp-repaired")
        // Own text, whatever order the posts were rendered in.
        #expect(en.contentHTML.contains("The old lamp shines again"))
        #expect(de.contentHTML.contains("Die alte Lampe leuchtet wieder"))
        #expect(pt.contentHTML.contains("A velha lâmpada brilha"))
        #expect(zh.contentHTML.contains("the folder says which language"))
        // Authors as written, or from _data/authors.yml.
        #expect(en.authors == [.init(name: "Tomás de la Vega")])
        #expect(de.authors == [.init(name: "Mira Okafor")])
        #expect(pt.authors == [.init(name: "Tomás de la Vega"), .init(name: "Mira Okafor")])
        #expect(zh.authors == nil)
        // Language: front matter, else the folder.
        #expect([en, de, pt, zh].map(\.language) == ["en", "de", "pt-BR", "zh-CN"])
        // Translations: the same file name in sibling folders, and a shared translation_key.
        #expect(en.translationURLs == [de, pt, zh].map { "\($0.language!) \($0.url)" })
        #expect(de.translationURLs == [en, pt, zh].map { "\($0.language!) \($0.url)" })
        let winter = try #require(item("en/_posts/2020-01-05-winter-hours.md"))
        let winterDE = try #require(item("de/_posts/2020-01-06-winteroeffnungszeiten.md"))
        #expect(winter.translationURLs == ["de \(winterDE.url)"])
        #expect(winterDE.translationURLs == ["en \(winter.url)"])
        let visitors = try #require(item("_posts/2020-02-01-visitors.md"))
        #expect(visitors.translationURLs == [])
        #expect(visitors.id == "tag:lighthouse.example.net,2020-02-01:visitors")
        // Each language's own feed, under its lower-case tag.
        for (folder, entry) in [("de", de), ("pt-br", pt), ("zh-cn", zh)] {
            let data = try Data(contentsOf: out.url.appending(path: "\(folder)/feed.json"))
            #expect(try JSONDecoder().decode(Document.self, from: data).items.contains(entry))
        }
    }

    @Test func aPolyglotSite() async throws {
        let out = try TemporaryDirectory()
        let items = try await build("polyglot", out: out.url)
        let jekyll = try jekyllURLs("polyglot", base: "https://tides.example.org/harbour")
        let byURL = Dictionary(uniqueKeysWithValues: items.map { ($0.url, $0) })
        #expect(Set(items.map(\.url)) == Set(jekyll.values))
        func item(_ path: String) -> Item? { jekyll[path].flatMap { byURL[$0] } }

        let en = try #require(item("_posts/2021-03-01-spring-tides.md"))
        let ko = try #require(item("_posts/ko/2021-03-01-spring-tides.md"))
        let pt = try #require(item("_posts/pt-BR/2021-03-01-spring-tides.md"))
        #expect(ko.url == "https://tides.example.org/harbour/ko/2021/spring-tides/")
        #expect(ko.contentHTML.contains("올해 가장 높은 물때"))
        #expect(pt.contentHTML.contains("As marés mais altas"))
        #expect([en, ko, pt].map(\.language) == ["en", "ko", "pt-BR"])
        #expect(Set([en, ko, pt].map(\.id)).count == 3)
        #expect(ko.authors == [.init(name: "Ana Paula Reis")])
        #expect(en.translationURLs == ["ko \(ko.url)", "pt-BR \(pt.url)"])
        // A translation in another folder, linked by translation_key (its category keeps its permalink apart).
        let closed = try #require(item("_posts/2021-04-02-harbour-closed.md"))
        let fechado = try #require(item("notices/_posts/2021-04-02-porto-fechado.md"))
        #expect(closed.translationURLs == ["pt-BR \(fechado.url)"])
        #expect(fechado.translationURLs == ["en \(closed.url)"])
    }

    @Test func aJekyllMultipleLanguagesPluginSite() async throws {
        let out = try TemporaryDirectory()
        let items = try await build("multiple-languages", out: out.url)
        let jekyll = try jekyllURLs("multiple-languages", base: "https://orchard.example.com")
        #expect(items.map(\.url).sorted() == jekyll.values.sorted(), "_posts/ is not read: the plugin replaces it")
        let byURL = Dictionary(uniqueKeysWithValues: items.map { ($0.url, $0) })
        func item(_ path: String) -> Item? { jekyll[path].flatMap { byURL[$0] } }

        let en = try #require(item("_i18n/en/_posts/2022-09-10-harvest.md"))
        let es = try #require(item("_i18n/es/_posts/2022-09-10-harvest.md"))
        let fr = try #require(item("_i18n/fr/_posts/2022-09-10-harvest.md"))
        #expect(fr.url == "https://orchard.example.com/fr/vergers/2022/09/10/harvest/")
        #expect([en, es, fr].map(\.language) == ["en", "es", "fr"])
        #expect(
            [en, es, fr].map(\.id) == [
                "tag:orchard.example.com,2022-09-10:harvest", "tag:orchard.example.com,2022-09-10:es/harvest",
                "tag:orchard.example.com,2022-09-10:fr/harvest",
            ])
        #expect(es.contentHTML.contains("Esta mañana recogimos"))
        #expect(es.authors == [.init(name: "Lucía Fernández")])
        #expect(en.translationURLs == ["es \(es.url)", "fr \(fr.url)"])
    }

    /// A broken German post keeps the German feed as published; English, which it cannot belong to, goes on.
    @Test func aBrokenPostInALanguageFolderKeepsOnlyItsLanguagesFeed() async throws {
        let folder = try TemporaryDirectory([
            "_config.yml": "url: https://x.example\nlang: en\n",
            "en/_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n",
            "de/_posts/2024-01-01-one.md": "---\ntitle: Eins\n---\nEins.\n",
        ])
        let good = try await run(Paths.feedgen, ["build", "--site", ".", "--out", "out"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        try Data("---\ntitle: [kaputt\n---\nZwei.\n".utf8)
            .write(to: folder.url.appending(path: "de/_posts/2024-01-02-zwei.md"))
        try Data("---\ntitle: Two\n---\nTwo.\n".utf8).write(
            to: folder.url.appending(path: "en/_posts/2024-01-02-two.md"))
        let result = try await run(Paths.feedgen, ["build", "--site", ".", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        let kept = result.stderr.split(separator: "\n").filter { $0.contains("warning: kept the published") }
        #expect(kept.count == 2, "\(result.stderr)")
        #expect(kept.allSatisfy { !$0.contains("en/") }, "\(result.stderr)")
        let english = try String(contentsOf: folder.url.appending(path: "out/en/atom.xml"), encoding: .utf8)
        #expect(english.contains("<title type=\"text\">Two</title>"), "\(english)")
    }
}

/// Every id of every RSS, Atom and JSON Feed document under `out` appears once in its document.
func expectUniqueItemIDs(in out: URL, minimumDocuments: Int = 6) throws {
    let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
    var documents = 0
    for file in files {
        let ids: [String]
        switch file.lastPathComponent {
        case "feed.json":
            ids = try JSONDecoder().decode(JSONFeedIDs.self, from: Data(contentsOf: file)).items.map(\.id)
        case "rss.xml": ids = try XMLTexts.of("guid", in: file)
        case "atom.xml": ids = try XMLTexts.of("id", in: file).dropFirst().map { $0 }
        default: continue
        }
        documents += 1
        #expect(!ids.isEmpty, "\(file.path)")
        #expect(Set(ids).count == ids.count, "\(file.path): \(ids.sorted())")
    }
    #expect(documents >= minimumDocuments)
}

private struct JSONFeedIDs: Decodable {
    struct Item: Decodable { var id: String }
    var items: [Item]
}

/// The text of every element named `name` in an XML file, read with Foundation's XMLParser (libxml2).
final class XMLTexts: NSObject, XMLParserDelegate {
    private let name: String
    private var current: String?
    private(set) var texts: [String] = []

    private init(name: String) { self.name = name }

    static func of(_ name: String, in file: URL) throws -> [String] {
        let collector = XMLTexts(name: name)
        let parser = XMLParser(data: try Data(contentsOf: file))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.texts
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == name { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == name, let text = current {
            texts.append(text)
            current = nil
        }
    }
}
