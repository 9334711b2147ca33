import Foundation

/// Where things are, seen from the test bundle.
enum Paths {
    /// The package root (this file is Tests/FeedgenCLITests/Paths.swift).
    static let package = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `../shared` beside the package: the corpus, the seed and the feed checker.
    static let shared = package.deletingLastPathComponent().appending(path: "shared")
    static let corpus = shared.appending(path: "corpus/dair-ai")
    static let feedcheck = shared.appending(path: "feedcheck/feedcheck")

    /// The `feedgen` executable SwiftPM built beside the test bundle.
    static let feedgen: URL = {
        var folder = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appending(path: "feedgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return package.appending(path: ".build/debug/feedgen")
    }()
}

/// A fresh folder for one test, removed afterwards.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appending(path: "feedgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appending(path: path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// Makes the file at `path` (a script written by `init`) executable; returns its URL.
    func executable(_ path: String) throws -> URL {
        let file = url.appending(path: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Runs the shared feed checker on `folder`; returns its report and exit status.
func feedcheck(_ folder: URL, languages: [String]) async throws -> ProcessResult {
    try await run(
        URL(filePath: "/usr/bin/env"),
        ["python3", Paths.feedcheck.path, "--langs", languages.joined(separator: ","), folder.path])
}
