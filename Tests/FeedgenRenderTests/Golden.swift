import Foundation
import GoldenFiles
import Testing

/// The golden feeds of these tests, in `Golden/` beside this file.
enum Golden {
    static let files = GoldenFiles(
        folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))

    static func check(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try files.check(bytes, named: name, sourceLocation: sourceLocation)
    }
}
