import Foundation
import Testing

/// Runs the project's independent conformance checker, `../shared/feedcheck/feedcheck`, on written files.
///
/// The checker and its Python packages are part of the build environment (CI installs them), so a missing
/// checker or package is a failure, never a skip.
struct FeedCheck {
    /// The checker's exit status and its standard output and error, split into lines.
    struct Result {
        var status: Int32
        var lines: [String]

        var errors: [String] { lines.filter { $0.contains(": error: ") } }
        var warnings: [String] { lines.filter { $0.contains(": warning: ") } }
    }

    /// `../shared/feedcheck/feedcheck`, from the package root (two folders above this file's folder).
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/feedcheck/feedcheck").standardizedFileURL

    /// Writes `files` (name to bytes) into a fresh temporary folder, runs the checker on it, and removes it.
    static func run(files: [String: [UInt8]], arguments: [String] = []) throws -> Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("feedcheck-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        return try run(arguments: arguments + [folder.path])
    }

    /// Runs `python3 feedcheck ARGUMENTS...` and waits for it; paths in its output are as given.
    static func run(arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read before waiting, so a full pipe cannot block the checker.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return Result(status: process.terminationStatus, lines: text.split(separator: "\n").map(String.init))
    }
}
