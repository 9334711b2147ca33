import Foundation
import Testing

/// A small three-language site (English, French, Arabic) with a definitions file, built into `out`: what the
/// serving tests put behind nginx, a browser, xsltproc and a WebSub hub.
struct ServedSite: ~Copyable {
    let folder: TemporaryDirectory
    var site: URL { folder.url.appending(path: "site") }
    var out: URL { folder.url.appending(path: "out") }
    var definitions: URL { folder.url.appending(path: "feedgen.yml") }

    static let posts = [
        "site/_posts/2026-01-12-harbour-notes-en.md": post("Harbour notes one", lang: "en"),
        "site/_posts/2026-01-14-notes-du-port-fr.md": post("Notes du port un", lang: "fr"),
        "site/_posts/2026-01-16-harbour-notes-ar.md": post("ملاحظات الميناء", lang: "ar"),
    ]

    static func post(_ title: String, lang: String) -> String {
        "---\ntitle: \"\(title)\"\nlang: \(lang)\n---\n\(title): the text.\n"
    }

    /// `settings` are more lines of the definitions file (`hub: ...`).
    init(_ settings: String = "") throws {
        var files = Self.posts
        files["site/_config.yml"] = "title: Harbour\nurl: https://letter.example.org\ntimezone: UTC\nlang: en\n"
        files["feedgen.yml"] =
            "site: site\nout: out\nbase_url: https://letter.example.org/feeds/\npoll_minutes: 60\n" + settings
        folder = try TemporaryDirectory(files)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: folder.url.appending(path: path))
    }

    /// Runs `feedgen ARGUMENTS --config feedgen.yml` in the folder.
    func feedgen(_ arguments: [String]) async throws -> ProcessResult {
        try await run(Paths.feedgen, arguments + ["--config", definitions.path], in: folder.url)
    }

    /// Builds, expecting success.
    func build(_ extra: [String] = []) async throws -> ProcessResult {
        let result = try await feedgen(["build"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }
}

/// Runs a Python program given as text with `arguments`.
func python(_ program: String, _ arguments: [String]) async throws -> ProcessResult {
    try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", program] + arguments)
}
