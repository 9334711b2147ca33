import Foundation
import Testing

/// Compares text with a golden file in `Golden/`, line by line, naming the first lines that differ.
///
/// A missing golden file is written and the test fails, so a person reads every recorded line before it
/// becomes the reference.
enum GoldenText {
    static let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appending(path: name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record(
                "Recorded golden file \(url.path); read it, then run the tests again.", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(old.count, new.count) where report.count < 12 {
            let was = index < old.count ? String(old[index]) : "(no line)"
            let now = index < new.count ? String(new[index]) : "(no line)"
            if was != now { report.append("line \(index + 1):\n  golden:  \(was)\n  written: \(now)") }
        }
        let details = report.joined(separator: "\n")
        Issue.record("Output differs from Golden/\(name):\n\(details)", sourceLocation: sourceLocation)
    }
}
