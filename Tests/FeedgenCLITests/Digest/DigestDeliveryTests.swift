import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `feedgen digest` as a mail: RFC 5322 output read back by Python's `email`, Maildir and sendmail delivery.
@Suite struct DigestDeliveryTests {
    static let mailOptions = [
        "--from", "DAIR.AI Digest <digest@dair.ai>", "--to", "Lectrices & lecteurs <readers@dair.ai>", "--to",
        "archive@dair.ai", "--list-unsubscribe", "mailto:leave@dair.ai", "--list-unsubscribe", "https://dair.ai/leave",
        "--now", "2020-03-23T08:00:00+01:00",
    ]

    static func digest(_ arguments: [String]) async throws -> ProcessResult {
        try await run(Paths.feedgen, ["digest", "--site", Paths.corpus.path] + arguments)
    }

    func checkHeadersAndBody(_ mail: ParsedMail, text: String) {
        #expect(mail.from == [["DAIR.AI Digest", "digest@dair.ai"]])
        #expect(mail.to == [["Lectrices & lecteurs", "readers@dair.ai"], ["", "archive@dair.ai"]])
        #expect(mail.subject == "DAIR.AI — weekly digest, March 16–22, 2020")
        #expect(mail.date == "2020-03-23T07:00:00+00:00")
        #expect(mail.messageID == "<digest.2020-W12.all@dair.ai>")
        #expect(mail.listUnsubscribe == "<mailto:leave@dair.ai>, <https://dair.ai/leave>")
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.partTypes == ["text/plain", "text/html"])
        #expect(mail.params == ["charset": "utf-8", "format": "flowed"])
        #expect(mail.defects == [])
        #expect(mail.lines == text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        #expect(mail.softBreaks > 20, "paragraphs flow")
    }

    @Test func theEmailFormParsesWithTheRightHeadersAndBody() async throws {
        let text = try await Self.digest(["--week", "2020-W12"]).stdout
        let result = try await Self.digest(["--week", "2020-W12", "--format", "email"] + Self.mailOptions)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try TemporaryDirectory()
        let file = folder.url.appending(path: "message.eml")
        try Data(result.stdout.utf8).write(to: file)
        await checkHeadersAndBody(try ParsedMail.parse(file), text: text)
        let headers = result.stdout.split(separator: "\n\n", maxSplits: 1)[0]
        #expect(headers.split(separator: "\n").allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && $0.count <= 78 })
    }

    @Test func maildirDelivery() async throws {
        let text = try await Self.digest(["--week", "2020-W12"]).stdout
        let folder = try TemporaryDirectory()
        let maildir = folder.url.appending(path: "Maildir")
        let result = try await Self.digest(["--week", "2020-W12", "--maildir", maildir.path] + Self.mailOptions)
        #expect(result.status == 0, "\(result.stderr)")
        let delivered = try FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "new").path)
        #expect(delivered.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "tmp").path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "cur").path) == [])
        let file = maildir.appending(path: "new/" + delivered[0])
        #expect(result.stdout == "Delivered the digest of March 16–22, 2020 to \(file.path)\n")
        await checkHeadersAndBody(try ParsedMail.parse(file), text: text)
    }

    /// A Maildir whose `new/` feedgen may not write in: the message is not delivered, the error names the file it
    /// would have been and the system's reason, and nothing is left in `tmp/`.
    @Test(.enabled(if: Unprivileged.unavailable == nil, "needs the user nobody and setpriv"))
    func aMaildirThatCannotTakeTheMessageNamesItsFileAndTheReason() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": DigestStateTests.config,
            "site/_posts/2021-01-05-tides.md": DigestStateTests.post("Tides", "T."),
        ])
        let maildir = folder.url.appending(path: "Maildir")
        for name in ["", "tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                at: maildir.appending(path: name), withIntermediateDirectories: true)
            try Unprivileged.give(maildir.appending(path: name))
        }
        chmod(maildir.appending(path: "new").path, 0o555)
        let result = try await Unprivileged.feedgen(
            [
                "digest", "--site", "site", "--week", "2021-W01", "--maildir", "Maildir",
                "--from", "digest@letter.test", "--to", "readers@letter.test",
            ], in: folder.url)
        #expect(result.status == 1)
        let prefix = maildir.path + "/new/"
        let suffix = ": error: rename failed: Permission denied\n"
        #expect(result.stderr.hasPrefix(prefix) && result.stderr.hasSuffix(suffix), "\(result.stderr)")
        let name = result.stderr.dropFirst(prefix.count).dropLast(suffix.count)
        #expect(name.wholeMatch(of: /[0-9]+\.M[0-9]+P[0-9]+R[0-9a-f]+\.[^\/\n]+/) != nil, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "tmp").path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "new").path) == [])
    }

    @Test func sendmailDelivery() async throws {
        let text = try await Self.digest(["--week", "2020-W12"]).stdout
        let folder = try TemporaryDirectory([
            "sendmail":
                "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/arguments\"\ncat > \"$(dirname \"$0\")/message.eml\"\n"
        ])
        let program = try folder.executable("sendmail")
        let result = try await Self.digest(
            ["--week", "2020-W12", "--sendmail", "--sendmail-program", program.path] + Self.mailOptions)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "Sent the digest of March 16–22, 2020 to Lectrices & lecteurs <readers@dair.ai>, archive@dair.ai\n")
        #expect(try String(contentsOf: folder.url.appending(path: "arguments"), encoding: .utf8) == "-t -oi\n")
        await checkHeadersAndBody(try ParsedMail.parse(folder.url.appending(path: "message.eml")), text: text)
    }

    @Test func aFailingSendmailIsAnError() async throws {
        let folder = try TemporaryDirectory(["sendmail": "#!/bin/sh\necho 'no route to host' >&2\nexit 75\n"])
        let program = try folder.executable("sendmail")
        let result = try await Self.digest(
            ["--week", "2020-W12", "--sendmail", "--sendmail-program", program.path] + Self.mailOptions)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasSuffix("\(program.path): error: sendmail exited with status 75: no route to host\n"),
            "\(result.stderr)")
    }

    /// A sendmail that never reads its message nor ends is killed at `--sendmail-timeout`, with the child it
    /// started. `timeout` and the standard output sent elsewhere only keep a regression from hanging the tests.
    @Test func aSendmailThatHangsIsKilledAtTheDeadline() async throws {
        let folder = try TemporaryDirectory(["sendmail": "#!/bin/sh\nexec > /dev/null\nsleep 600 &\nwait\n"])
        let program = try folder.executable("sendmail")
        let result = try await run(
            URL(filePath: "/usr/bin/timeout"),
            [
                "60", Paths.feedgen.path, "digest", "--site", Paths.corpus.path, "--week", "2020-W12", "--sendmail",
                "--sendmail-program", program.path, "--sendmail-timeout", "500ms",
            ] + Self.mailOptions)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasSuffix("\n\(program.path): error: sendmail did not finish within 500 ms\n"),
            "\(result.stderr)")
    }

    /// A sendmail that hands the message on and exits, leaving a process behind that holds its output open, does
    /// not hold the digest past `--sendmail-timeout`; nor does it inherit the descriptor of the state's lock.
    @Test func aSendmailsLeftoverChildDoesNotHoldTheDigest() async throws {
        let folder = try TemporaryDirectory([
            "sendmail": """
            #!/bin/sh
            cat > /dev/null
            for fd in /proc/$$/fd/*; do readlink "$fd"; done > "$(dirname "$0")/descriptors"
            sleep 300 &
            exit 0

            """
        ])
        let program = try folder.executable("sendmail")
        let state = folder.url.appending(path: "state")
        // `timeout` ends a digest held by the leftover `sleep 300` with status 124: status 0 says it was not held,
        // measured on the digest's own clock, whatever keeps this test's task from resuming in a full run.
        let result = try await run(
            URL(filePath: "/usr/bin/timeout"),
            [
                "120", Paths.feedgen.path, "digest", "--site", Paths.corpus.path, "--state-dir", state.path,
                "--sendmail", "--sendmail-program", program.path, "--sendmail-timeout", "500ms",
            ] + Self.mailOptions)
        #expect(result.status == 0, "\(result.stderr)")
        let descriptors = try String(contentsOf: folder.url.appending(path: "descriptors"), encoding: .utf8)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).contains { $0.hasSuffix(".lock") })
        #expect(!descriptors.contains(".lock"), "\(descriptors)")
    }

    @Test func aSendmailKilledBySignalIsNotAnExitStatus() async throws {
        let folder = try TemporaryDirectory(["sendmail": "#!/bin/sh\ncat > /dev/null\nkill -9 $$\n"])
        let program = try folder.executable("sendmail")
        let result = try await Self.digest(
            ["--week", "2020-W12", "--sendmail", "--sendmail-program", program.path] + Self.mailOptions)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasSuffix("\n\(program.path): error: sendmail was killed by signal 9\n"), "\(result.stderr)")
    }

    @Test func addressesFromTheDefinitionsFile() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Harbour Test\nurl: https://letter.test\ntimezone: Europe/Paris\n",
            "site/_posts/2021-01-05-marees.md": "---\ntitle: \"Marées d’hiver\"\nlang: fr\n---\n\nDes marées.\n",
            "feeds/feedgen.yml": """
            site: ../site
            digest:
              from: "Notes du port <digest@letter.test>"
              to: lecteurs@letter.test
              unsubscribe: mailto:partir@letter.test
            """,
        ])
        let result = try await run(
            Paths.feedgen,
            [
                "digest", "--config", "feeds/feedgen.yml", "--week", "2021-W01", "--lang", "fr", "--format", "email",
                "--now", "2021-01-11T08:00:00+01:00",
            ],
            in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.url.appending(path: "message.eml")
        try Data(result.stdout.utf8).write(to: file)
        let mail = try await ParsedMail.parse(file)
        #expect(mail.from == [["Notes du port", "digest@letter.test"]])
        #expect(mail.to == [["", "lecteurs@letter.test"]])
        #expect(mail.listUnsubscribe == "<mailto:partir@letter.test>")
        #expect(mail.subject == "Harbour Test — lettre de la semaine, du 4 au 10 janvier 2021")
        #expect(mail.date == "2021-01-11T08:00:00+01:00")
        #expect(mail.messageID == "<digest.2021-W01.fr@letter.test>")
        #expect(
            mail.lines == [
                "Harbour Test — lettre de la semaine", "du 4 au 10 janvier 2021", "",
                String(repeating: "=", count: 72), "", "Marées d’hiver [1]", "5 janvier 2021", "", "Des marées.", "",
                "[1] https://letter.test/2021/01/05/marees.html", "", String(repeating: "-", count: 72),
            ])
    }
}
