import Foundation
import Testing

/// No option or definitions value can add a mail header or write outside the state folder: each is refused
/// with exit 64 before anything is read, sent or written.
@Suite struct MailInjectionTests {
    static let site: [String: String] = [
        "site/_config.yml": "title: Test Letter\nurl: https://letter.test\ntimezone: UTC\n",
        "site/_posts/2024-01-01-issue-1-en.md": "---\ntitle: \"Issue #1\"\n---\nHello.\n",
    ]

    func digest(_ arguments: [String], files: [String: String] = site) async throws -> (ProcessResult, [String]) {
        let folder = try TemporaryDirectory(files)
        let result = try await run(
            Paths.feedgen,
            ["digest", "--maildir", "mail", "--state-dir", "state/digests", "--now", "2024-01-10T00:00:00Z"]
                + arguments,
            in: folder.url)
        let written = try FileManager.default.subpathsOfDirectory(atPath: folder.url.path).filter {
            !$0.hasPrefix("site")
        }
        return (result, written.sorted())
    }

    @Test func aLineBreakInFromIsRefused() async throws {
        let (result, written) = try await digest([
            "--site", "site", "--from", "news@letter.test\nBcc: victim@evil.example", "--to", "readers@letter.test",
        ])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                #"Error: --from must be a mail address such as Name <name@example.org>, got "news@letter.test\nBcc: victim@evil.example": a control character (a line break would start a header of its own)"#
                    + "\n"), "\(result.stderr)")
        #expect(written.isEmpty, "\(written)")
    }

    @Test func badRecipientsAndUnsubscribeURIsAreRefused() async throws {
        let good = ["--site", "site", "--from", "Ana Ñ <news@letter.test>"]
        let cases: [([String], String)] = [
            (
                ["--to", "readers@letter.test\r\nX-Evil: 1"],
                #"--to must be a mail address such as name@example.org, got "readers@letter.test\r\nX-Evil: 1""#
            ),
            (["--to", "readers"], #"--to must be a mail address such as name@example.org, got "readers": no '@'"#),
            (
                ["--to", "a@b.test", "--list-unsubscribe", "mailto:x@b.test>, <javascript:x"],
                #"--list-unsubscribe must be a mailto: or https: URI, got "mailto:x@b.test>, <javascript:x": a space or angle bracket"#
            ),
            (
                ["--to", "a@b.test", "--list-unsubscribe", "javascript:alert(1)"],
                #"--list-unsubscribe must be a mailto: or https: URI, got "javascript:alert(1)": not a mailto:, http: or https: URI"#
            ),
        ]
        for (arguments, message) in cases {
            let (result, written) = try await digest(good + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix("Error: " + message), "\(result.stderr)")
            #expect(written.isEmpty, "\(written)")
        }
    }

    @Test func aLanguageThatIsNotATagIsRefused() async throws {
        // Without a window option the digest reads and writes its state file, whose name holds the language.
        let (result, written) = try await digest([
            "--site", "site", "--from", "news@letter.test", "--to", "readers@letter.test", "--lang", "../../x",
        ])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                #"Error: --lang must be a BCP 47 language tag such as fr or pt-BR, got "../../x""# + "\n"),
            "\(result.stderr)")
        #expect(written.isEmpty, "\(written)")
    }

    @Test func aBadDefinitionsValueNamesTheFile() async throws {
        var files = Self.site
        files["feeds/feedgen.yml"] =
            "site: ../site\ndigest:\n  from: \"news@letter.test\\nBcc: victim@evil.example\"\n  to: readers@letter.test\n"
        let (result, written) = try await digest(["--config", "feeds/feedgen.yml"], files: files)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == #"feeds/feedgen.yml:3: error: 'digest.from' must be a mail address such as Name <name@example.org>, got "news@letter.test\nBcc: victim@evil.example": a control character (a line break would start a header of its own)"#
                + "\n")
        #expect(written == ["feeds", "feeds/feedgen.yml"], "\(written)")
    }
}
