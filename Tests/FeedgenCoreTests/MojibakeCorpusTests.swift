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
        print("seed repairs:", result.repairs.count, Dictionary(grouping: result.repairs, by: \.repaired).mapValues(\.count))
    }
}
