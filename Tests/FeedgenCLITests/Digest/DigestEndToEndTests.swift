import FeedgenCore
import Foundation
import Testing

/// `feedgen digest` on the shared corpus, run as the real binary, compared with golden files.
@Suite struct DigestEndToEndTests {
    static func digest(_ arguments: [String]) async throws -> ProcessResult {
        try await run(Paths.feedgen, ["digest", "--site", Paths.corpus.path] + arguments)
    }

    /// The corpus warns about one post's front matter on every run; nothing else may be said.
    static let corpusWarning =
        "\(Paths.corpus.path)/posts/_posts/2019-01-10-emnlp-emotion-recognition.md:6: warning: duplicate key 'excerpt': the later value wins, as in Jekyll\n"

    @Test(arguments: [
        (["--week", "2020-W12", "--lang", "en"], "en-2020-W12.txt"),
        (["--week", "2020-W12"], "all-2020-W12.txt"),
        (["--week", "2020-W12", "--lang", "fr"], "fr-2020-W12.txt"),
        (["--week", "2020-W08", "--lang", "es"], "es-2020-W08.txt"),
        (["--week", "2020-W09"], "all-2020-W09.txt"),
        (["--week", "2020-W09", "--lang", "zh"], "zh-2020-W09.txt"),
        (["--week", "2020-W09", "--lang", "ar", "--width", "40"], "ar-2020-W09-width40.txt"),
        (["--week", "2020-W06", "--send-empty"], "all-2020-W06-empty.txt"),
    ])
    func goldenWeeks(_ arguments: [String], _ golden: String) async throws {
        let result = try await Self.digest(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == Self.corpusWarning)
        try GoldenText.check(result.stdout, named: golden)
    }

    /// `--lang` takes a tag however it is written (POSIX locale form, any case), as front matter may be.
    @Test func aLanguageWrittenAsALocaleGivesTheSameDigest() async throws {
        let tag = try await Self.digest(["--week", "2020-W07", "--lang", "pt-BR"])
        let locale = try await Self.digest(["--week", "2020-W07", "--lang", "pt_br"])
        #expect(tag.status == 0 && locale.status == 0, "\(locale.stderr)")
        #expect(tag.stdout.contains("PyTorch3D"))
        #expect(locale.stdout == tag.stdout)
    }

    @Test func anEmptyWeekSendsNothing() async throws {
        let result = try await Self.digest(["--week", "2020-W06"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(
            result.stderr == Self.corpusWarning
                + "feedgen digest: nothing was published February 3–9, 2020; nothing sent\n")
    }

    @Test func sinceAndUntilNameTheSameWeek() async throws {
        let week = try await Self.digest(["--week", "2020-W12"])
        let days = try await Self.digest(["--since", "2020-03-16", "--until", "2020-03-22"])
        let instants = try await Self.digest(["--since", "2020-03-16T00:00:00Z", "--until", "2020-03-23T00:00:00Z"])
        #expect(days.stdout == week.stdout)
        #expect(instants.stdout == week.stdout)
    }

    /// Every line fits the width by display width, unless it is one URL; no line ends with a space.
    @Test(arguments: [24, 40, 60, 72, 100])
    func linesFitTheWidth(width: Int) async throws {
        for week in ["2020-W09", "2020-W12", "2020-W16"] {
            for language in [nil, "zh", "ar"] as [String?] {
                var arguments = ["--week", week, "--width", "\(width)", "--send-empty"]
                if let language { arguments += ["--lang", language] }
                let result = try await Self.digest(arguments)
                #expect(result.status == 0)
                for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                    let trimmed = line.drop { $0 == " " }
                    let loneURL = trimmed.hasPrefix("https://") && !trimmed.contains(" ")
                    #expect(DisplayWidth.of(line) <= width || loneURL, "\(arguments): '\(line)'")
                    #expect(!line.hasSuffix(" "), "\(arguments): '\(line)'")
                }
            }
        }
    }

    @Test func badOptions() async throws {
        let week = try await Self.digest(["--week", "2020-12"])
        #expect(week.status == 64)
        #expect(
            week.stderr.contains("Error: --week must name an ISO week such as 2020-W12, got '2020-12'"),
            "\(week.stderr)")
        let both = try await Self.digest(["--week", "2020-W12", "--since", "2020-03-16"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: --week cannot be combined with --since or --until\n"), "\(both.stderr)")
        let now = try await Self.digest(["--now", "monday"])
        #expect(
            now.stderr.hasPrefix(
                "Error: --now must be an ISO 8601 date-time such as 2020-03-23T08:00:00+01:00, got 'monday'\n"))
        let mail = try await Self.digest(["--week", "2020-W12", "--format", "email"])
        #expect(mail.status == 64)
        #expect(
            mail.stderr.contains(
                "Error: an email digest needs --from and --to, or digest.from and digest.to in the definitions file"))
    }
}
