import Foundation
import Testing

/// Compares written bytes with a golden file in `folder`, printing a unified diff when they differ: the one
/// golden-file helper of every test target.
///
/// A missing golden file is written and the test fails, so a person reads every recorded line before it
/// becomes the reference (as argument-parser's `assertSnapshot` does).
public struct GoldenFiles: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Array(text.utf8), named: name, sourceLocation: sourceLocation)
    }

    public func check(
        _ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = folder.appendingPathComponent(name)
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            Issue.record(
                "Recorded golden file \(url.path); read it, then run the tests again.", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != bytes else { return }
        let diff = Self.unifiedDiff(
            old: Self.lines(of: [UInt8](expected)), new: Self.lines(of: bytes), oldName: "Golden/\(name)",
            newName: "written"
        )
        Issue.record("Output differs from Golden/\(name):\n\(diff)", sourceLocation: sourceLocation)
    }

    /// The lines of UTF-8 bytes, each with its line ending (so a missing final newline shows in the diff).
    static func lines(of bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.endIndex {
            result.append(String(decoding: bytes[start...], as: UTF8.self) + "\\ no newline\n")
        }
        return result
    }

    /// A unified diff (`@@ -a,b +c,d @@` hunks, three lines of context) from Swift's `CollectionDifference`.
    static func unifiedDiff(old: [String], new: [String], oldName: String, newName: String) -> String {
        // One edit script: (kind, old line number, new line number, text) with kind " ", "-" or "+".
        let difference = new.difference(from: old)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [(kind: Character, old: Int, new: Int, text: String)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                script.append(("-", oldIndex, newIndex, old[oldIndex]))
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                script.append(("+", oldIndex, newIndex, new[newIndex]))
                newIndex += 1
            } else {
                script.append((" ", oldIndex, newIndex, old[oldIndex]))
                oldIndex += 1
                newIndex += 1
            }
        }
        // Group changes with their context into hunks.
        let context = 3
        let changed = script.indices.filter { script[$0].kind != " " }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var hunkStart = 0
        while hunkStart < changed.count {
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changed.count, changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * context {
                hunkEnd += 1
            }
            let first = max(0, changed[hunkStart] - context)
            let last = min(script.count - 1, changed[hunkEnd] + context)
            let slice = script[first...last]
            let oldCount = slice.filter { $0.kind != "+" }.count
            let newCount = slice.filter { $0.kind != "-" }.count
            output += "@@ -\(script[first].old + 1),\(oldCount) +\(script[first].new + 1),\(newCount) @@\n"
            for line in slice { output += "\(line.kind)\(line.text)" }
            hunkStart = hunkEnd + 1
        }
        return output
    }
}
