import Foundation
import GoldenFiles
import Testing

/// The golden digests of these tests, in `Golden/` beside this file.
enum GoldenText {
    static let files = GoldenFiles(
        folder: URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden"))

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(text, named: name, sourceLocation: sourceLocation)
    }
}
