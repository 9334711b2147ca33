import Foundation
import Testing

/// Errors that stop a command are one line: the path as the user gave it, what was done, the system's reason,
/// and a hint where one helps; never a Foundation error dump or a Swift type name.
@Suite struct ActionableErrorTests {
    static let site: [String: String] = [
        "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
        "site/_posts/2024-01-01-issue-1.md": "---\ntitle: \"Issue #1\"\n---\n\n# Section\n\nHello.\n",
        "a-file": "not a folder\n",
    ]

    @Test func aSiteWithoutConfigSaysSoOnOneLine() async throws {
        let folder = try TemporaryDirectory(["built/index.html": "<html></html>\n"])
        let result = try await run(Paths.feedgen, ["build", "--site", "built", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr == "built/_config.yml: error: cannot read: No such file or directory (not a Jekyll site?)\n")
    }

    @Test func anOutputFolderUnderARegularFileNamesTheFile() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let result = try await run(Paths.feedgen, ["build", "--site", "site", "--out", "a-file/feeds"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr == "a-file: error: mkdir failed: Not a directory\n")
        #expect(result.stdout == "")
    }

    @Test func aDigestStateThatIsAFolderOrCorruptIsOneLine() async throws {
        let folder = try TemporaryDirectory(Self.site)
        let state = folder.url.appending(path: "state")
        let file = state.appending(path: "digest-letter.test-all.json")
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        let arguments = [
            "STATE_DIRECTORY=\(state.path)", Paths.feedgen.path, "digest", "--site", "site", "--now",
            "2024-01-08T08:00:00Z",
        ]
        let folderState = try await run(URL(filePath: "/usr/bin/env"), arguments, in: folder.url)
        #expect(folderState.status == 1)
        #expect(folderState.stderr == "\(file.path): error: digest state: cannot read: Is a directory\n")

        try FileManager.default.removeItem(at: file)
        try Data("{\"floor\": 3}\n".utf8).write(to: file)
        let corrupt = try await run(URL(filePath: "/usr/bin/env"), arguments, in: folder.url)
        #expect(corrupt.status == 1)
        #expect(
            corrupt.stderr
                == "\(file.path): error: digest state: not a state file feedgen wrote (delete it to start over)\n")
    }

    @Test(arguments: ["1e300s", "1e20h"])
    func anIntervalOutOfRangeIsAUsageError(_ interval: String) async throws {
        let folder = try TemporaryDirectory(Self.site)
        let result = try await run(
            Paths.feedgen, ["watch", "--site", "site", "--out", "out", "--debounce", interval], in: folder.url)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The value '\(interval)' is invalid for '--debounce <interval>'\n"))
    }
}
