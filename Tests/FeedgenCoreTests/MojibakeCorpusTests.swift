import Foundation
import Testing

@testable import FeedgenCore

/// Paths of the shared test data, found from this file: `<package>/Tests/FeedgenCoreTests/x.swift`.
private enum SharedData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = root.appendingPathComponent("corpus/dair-ai")
    static let seed = root.appendingPathComponent("seed/2020-03-16-NLP_Newsletter_#7_[FR].Md")
    static let seedOriginal = corpus.appendingPathComponent("posts/_posts/2020-03-16-NLP_Newsletter_#7_[FR].Md")

    /// Every file of the corpus, relative to it, sorted.
    static let corpusFiles: [String] = {
        let prefix = corpus.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }()

    static func text(_ url: URL) throws -> String {
        try SourceText.decode(Array(try Data(contentsOf: url))).text
    }

    static func corpusText(_ relativePath: String) throws -> String {
        try text(corpus.appendingPathComponent(relativePath))
    }
}

/// What `table` makes of the UTF-8 bytes of `text`: the damage `Mojibake.repair` undoes.
private func damage(_ text: String, through table: MojibakeTable) -> String {
    table.decode(text.utf8)
}

@Suite struct MojibakeCorpusTests {
    @Test func seedIsRepairedToTheOriginal() throws {
        let seed = try SharedData.text(SharedData.seed)
        let original = try SharedData.text(SharedData.seedOriginal)
        let result = Mojibake.repair(seed)
        #expect(Array(result.text.utf8) == Array(original.utf8))
        #expect(result.repairs.allSatisfy { $0.encoding == .macRoman })
        #expect(result.repairs.count == 495)
        #expect(
            result.repairs.first
                == MojibakeRepair.Replacement(
                    original: "‚Ä¶", repaired: "…", encoding: .macRoman, utf16Offset: 178, line: 3))
    }

    @Test(arguments: SharedData.corpusFiles)
    func correctFileIsLeftAlone(_ path: String) throws {
        let text = try SharedData.corpusText(path)
        let result = Mojibake.repair(text)
        #expect(result.repairs == [])
        #expect(Array(result.text.utf8) == Array(text.utf8))
    }

    @Test func corpusHasEveryFileAndLanguage() {
        // 95 posts, _config.yml, _data/authors.yml and two includes.
        #expect(SharedData.corpusFiles.count == 99)
    }

    /// Damages every corpus file (seven languages) as the seed was damaged, and expects it back exactly.
    @Test(arguments: SharedData.corpusFiles, MojibakeTable.all.map(\.encoding))
    func damagedFileIsRestored(_ path: String, _ encoding: Mojibake.Encoding) throws {
        let table = MojibakeTable.all.first { $0.encoding == encoding }!
        let text = try SharedData.corpusText(path)
        let result = Mojibake.repair(damage(text, through: table))
        #expect(Array(result.text.utf8) == Array(text.utf8))
        #expect(result.repairs.allSatisfy { $0.encoding == encoding })
    }

    @Test func everyCorrectLineIsLeftAlone() throws {
        var changed: [String] = []
        for path in SharedData.corpusFiles {
            for line in try SharedData.corpusText(path).split(separator: "\n") {
                if !Mojibake.repair(String(line)).repairs.isEmpty { changed.append(String(line)) }
            }
        }
        #expect(changed == [])
    }

    /// Damages each line of the corpus on its own; every line must come back exactly, or untouched.
    @Test(arguments: MojibakeTable.all.map(\.encoding))
    func everyDamagedLineIsRestoredOrLeftAlone(_ encoding: Mojibake.Encoding) throws {
        let table = MojibakeTable.all.first { $0.encoding == encoding }!
        var damagedLines = 0
        var unrepaired: [String] = []
        for path in SharedData.corpusFiles {
            for line in try SharedData.corpusText(path).split(separator: "\n").map(String.init) {
                let damaged = damage(line, through: table)
                guard damaged != line else { continue }
                damagedLines += 1
                let repaired = Mojibake.repair(damaged).text
                if Array(repaired.utf8) == Array(line.utf8) { continue }
                // A line that is not restored must come back exactly as damaged: never half-repaired.
                #expect(Array(repaired.utf8) == Array(damaged.utf8))
                unrepaired.append(line)
            }
        }
        // A line alone is less evidence than a post: the lines left damaged are those whose only
        // damage is weak, such as a lone "à", "Ilić" at the end of a word, a lone "库", or "cÅ“ur" (97%).
        #expect(damagedLines == 3377)
        #expect(unrepaired.count == [.macRoman: 100, .windows1252: 101][encoding])
    }
}
