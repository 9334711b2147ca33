import Foundation
import Testing

/// The state of scheduled digests: no post skipped, none sent twice, across repeated and missed runs.
@Suite struct DigestStateTests {
    static let config = "title: Harbour Test\nurl: https://letter.test\ntimezone: Europe/Paris\npermalink: /:title/\n"

    static func post(_ title: String, _ excerpt: String) -> String {
        "---\ntitle: \"\(title)\"\nexcerpt: \"\(excerpt)\"\n---\n\n# Section\n\n**A story**\n\nText.\n"
    }

    /// Runs `feedgen digest` with `STATE_DIRECTORY` set, as systemd sets it.
    static func scheduled(_ site: URL, state: URL, now: String, _ more: [String] = []) async throws -> ProcessResult {
        try await run(
            URL(filePath: "/usr/bin/env"),
            ["STATE_DIRECTORY=\(state.path)", Paths.feedgen.path, "digest", "--site", site.path, "--now", now] + more)
    }

    @Test func repeatedMissedAndLateRunsNeitherSkipNorRepeat() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": Self.config,
            "_posts/2021-01-05-tides.md": Self.post("Tides", "On tides."),
            "_posts/2021-01-12-gulls.md": Self.post("Gulls", "On gulls."),
            "_posts/2021-01-19-nets.md": Self.post("Nets", "On nets."),
        ])
        let state = try TemporaryDirectory()
        let stateFile = state.url.appending(path: "digest-letter.test-all.json")

        // Monday 11 January: the first digest covers the week of 4-10 January.
        let first = try await Self.scheduled(site.url, state: state.url, now: "2021-01-11T08:00:00+01:00")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "")
        #expect(
            first.stdout == """
                Harbour Test — weekly digest
                January 4–10, 2021

                ========================================================================

                Tides [1]
                January 5, 2021

                On tides.

                Contents:
                  Section
                    - A story

                [1] https://letter.test/tides/

                ------------------------------------------------------------------------

                """)
        #expect(
            try String(contentsOf: stateFile, encoding: .utf8) == """
                {
                  "floor" : "2021-01-03T23:00:00Z",
                  "sent" : [
                    "tag:letter.test,2021-01-05:tides"
                  ],
                  "until" : "2021-01-10T23:00:00Z"
                }

                """)

        // The timer fires again the same week: nothing to do.
        let again = try await Self.scheduled(site.url, state: state.url, now: "2021-01-11T09:00:00+01:00")
        #expect(again.status == 0)
        #expect(again.stdout == "")
        #expect(
            again.stderr
                == "feedgen digest: nothing to do: the digest up to 2021-W01 was already sent (\(stateFile.path))\n")

        // A post dated 7 January is pushed after that digest; the server is down on 18 January; on 25 January
        // the digest covers both missed weeks and the late post.
        try Data(Self.post("Late buoys", "On buoys.").utf8).write(
            to: site.url.appending(path: "_posts/2021-01-07-buoys.md"))
        let missed = try await Self.scheduled(site.url, state: state.url, now: "2021-01-25T08:00:00+01:00")
        #expect(missed.status == 0, "\(missed.stderr)")
        #expect(
            references(missed.stdout) == [
                "https://letter.test/buoys/", "https://letter.test/gulls/", "https://letter.test/nets/",
            ])
        #expect(missed.stdout.hasPrefix("Harbour Test — weekly digest\nJanuary 11–24, 2021\n"))

        // 1 February: an empty week sends nothing, and is recorded as covered.
        let empty = try await Self.scheduled(site.url, state: state.url, now: "2021-02-01T08:00:00+01:00")
        #expect(empty.stdout == "")
        #expect(empty.stderr == "feedgen digest: nothing was published January 25–31, 2021; nothing sent\n")
        let saved = try String(contentsOf: stateFile, encoding: .utf8)
        #expect(saved.contains("\"until\" : \"2021-01-31T23:00:00Z\""))
        #expect(saved.contains("\"floor\" : \"2021-01-03T23:00:00Z\""))

        // An explicit week neither reads nor writes the state.
        let week = try await Self.scheduled(
            site.url, state: state.url, now: "2021-02-01T08:00:00+01:00", ["--week", "2021-W01"])
        #expect(references(week.stdout) == ["https://letter.test/tides/", "https://letter.test/buoys/"])
        #expect(try String(contentsOf: stateFile, encoding: .utf8) == saved)
    }

    @Test func emptyWeeksAreSentWhenAsked() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": Self.config, "_posts/2021-01-05-tides.md": Self.post("Tides", "x"),
        ])
        let state = try TemporaryDirectory()
        let result = try await run(
            Paths.feedgen,
            [
                "digest", "--site", site.url.path, "--state-dir", state.url.path, "--now", "2021-01-19T08:00:00+01:00",
                "--send-empty", "--lang", "fr",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Harbour Test — lettre de la semaine
                du 11 au 17 janvier 2021

                ========================================================================

                Rien n’a été publié pendant cette période.

                """)
        #expect(FileManager.default.fileExists(atPath: state.url.appending(path: "digest-letter.test-fr.json").path))
    }

    /// On the corpus: weekly runs with two missed weeks carry exactly the posts of the weeks, each once.
    @Test func theCorpusOverMissedWeeks() async throws {
        let state = try TemporaryDirectory()
        var carried: [String] = []
        for now in ["2020-03-23T08:00:00Z", "2020-03-23T12:00:00Z", "2020-04-13T08:00:00Z", "2020-04-20T08:00:00Z"] {
            let result = try await Self.scheduled(Paths.corpus, state: state.url, now: now)
            #expect(result.status == 0, "\(result.stderr)")
            carried += references(result.stdout)
        }
        var expected: [String] = []
        for week in ["2020-W12", "2020-W13", "2020-W14", "2020-W15", "2020-W16"] {
            let result = try await run(Paths.feedgen, ["digest", "--site", Paths.corpus.path, "--week", week])
            expected += references(result.stdout)
        }
        #expect(Set(carried).count == carried.count, "nothing sent twice")
        #expect(Set(carried) == Set(expected), "nothing skipped")
        #expect(carried.count == 35, "the 35 posts dated 16 March to 19 April 2020")
    }

    /// A state folder feedgen may not write in (its lock file already there and its own, so the lock is taken)
    /// stops the digest before delivery, naming the folder and the system's reason: a digest delivered but not
    /// recorded would be sent again by every run.
    @Test(.enabled(if: Unprivileged.unavailable == nil, "needs the user nobody and setpriv"))
    func aStateFolderWithoutWriteAccessStopsTheDigestBeforeDelivery() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": Self.config, "site/_posts/2021-01-05-tides.md": Self.post("Tides", "T."),
            "state/digest-letter.test-all.lock": "",
        ])
        let state = folder.url.appending(path: "state")
        try Unprivileged.give(state.appending(path: "digest-letter.test-all.lock"))
        let maildir = folder.url.appending(path: "Maildir")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        try Unprivileged.give(maildir)
        let result = try await Unprivileged.feedgen(
            [
                "digest", "--site", "site", "--now", "2021-01-11T08:00:00+01:00", "--state-dir", "state",
                "--maildir", "Maildir", "--from", "digest@letter.test", "--to", "readers@letter.test",
            ], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(state.path): error: cannot save the digest state here (open failed: Permission denied); "
                + "nothing was sent\n")
        let delivered = try? FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "new").path)
        #expect((delivered ?? []).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path) == ["digest-letter.test-all.lock"])
    }

    /// The URLs of the posts a digest carries, in order: its numbered references (`[1] URL`, or `[1]` with the
    /// URL on the next line), less the link of the issue each group of new translations names for context.
    private func references(_ text: String) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        var urls: [String] = []
        var context: Set<String> = []
        var inNewTranslations = false
        var expectContext = false
        for (index, line) in lines.enumerated() {
            if line == "New translations" || line == "Nouvelles traductions" {
                inNewTranslations = true
                expectContext = true
            } else if let match = line.wholeMatch(of: #/\[(\d+)\](?: (\S+))?/#) {
                if !context.contains(String(match.1)) {
                    urls.append(match.2.map(String.init) ?? lines[index + 1])
                }
                expectContext = inNewTranslations
            } else if expectContext, let marker = line.firstMatch(of: #/\[(\d+)\]/#) {
                context.insert(String(marker.1))
                expectContext = false
            }
        }
        return urls
    }
}
