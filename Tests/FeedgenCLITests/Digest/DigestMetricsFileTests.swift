import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `feedgen digest --metrics-file`: the whole file after each outcome of a scheduled digest, replaced atomically
/// and readable by node_exporter whatever the umask.
@Suite struct DigestMetricsFileTests {
    /// The file a run writes, whole: its time, the last success's, whether it succeeded and the posts it sent.
    static func expected(run: String, success: String, succeeded: Int, posts: Int) -> String {
        """
        # HELP feedgen_digest_last_run_timestamp_seconds When feedgen digest last ran (the time it took as now), in seconds since the epoch.
        # TYPE feedgen_digest_last_run_timestamp_seconds gauge
        feedgen_digest_last_run_timestamp_seconds \(run)
        # HELP feedgen_digest_last_success_timestamp_seconds When a feedgen digest run last succeeded (delivered, or nothing to send); 0 before the first.
        # TYPE feedgen_digest_last_success_timestamp_seconds gauge
        feedgen_digest_last_success_timestamp_seconds \(success)
        # HELP feedgen_digest_last_run_success 1 when the last feedgen digest run succeeded, 0 when it failed.
        # TYPE feedgen_digest_last_run_success gauge
        feedgen_digest_last_run_success \(succeeded).0
        # HELP feedgen_digest_posts Posts in the digest the last run delivered; 0 when it sent none.
        # TYPE feedgen_digest_posts gauge
        feedgen_digest_posts \(posts).0

        """
    }

    /// A scheduled `feedgen digest` at `now` under the umask of the systemd unit (0077).
    static func digest(_ folder: URL, now: String, _ more: [String] = []) async throws -> ProcessResult {
        try await run(
            URL(filePath: "/bin/sh"),
            [
                "-c", "umask 077 && exec \"$@\"", "sh", Paths.feedgen.path, "digest", "--site",
                folder.appending(path: "site").path, "--state-dir", folder.appending(path: "state").path, "--now",
                now, "--metrics-file", folder.appending(path: "metrics/feedgen-digest.prom").path,
            ] + more)
    }

    static func inode(_ url: URL) -> UInt64 {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func everyOutcomeIsRecordedAndAFailureKeepsTheLastSuccess() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": DigestStateTests.config,
            "site/_posts/2021-01-05-tides.md": DigestStateTests.post("Tides", "On tides."),
            "site/_posts/2021-01-12-gulls.md": DigestStateTests.post("Gulls", "On gulls."),
            "sendmail": "#!/bin/sh\necho 'no route to host' >&2\nexit 75\n",
        ])
        let failing = try folder.executable("sendmail")
        let metrics = folder.url.appending(path: "metrics")
        let file = metrics.appending(path: "feedgen-digest.prom")
        func written() throws -> String { try String(contentsOf: file, encoding: .utf8) }

        // Monday 11 January: the week of 4-10 January, one post, printed. The metrics folder is made.
        let sent = try await Self.digest(folder.url, now: "2021-01-11T08:00:00+01:00")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("https://letter.test/tides/"))
        #expect(try written() == Self.expected(run: "1610348400.0", success: "1610348400.0", succeeded: 1, posts: 1))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644, "readable by node_exporter despite umask 077")
        let firstInode = Self.inode(file)

        // The timer fires again an hour later: nothing to do, a success. The file is a new one renamed over the
        // old (another inode), and no temporary file is left beside it.
        let again = try await Self.digest(folder.url, now: "2021-01-11T09:00:00+01:00")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.hasPrefix("feedgen digest: nothing to do: the digest up to 2021-W01 was already sent"))
        #expect(try written() == Self.expected(run: "1610352000.0", success: "1610352000.0", succeeded: 1, posts: 0))
        #expect(Self.inode(file) != firstInode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: metrics.path) == ["feedgen-digest.prom"])

        // 18 January, by mail through a sendmail that fails: a failure, the last success kept.
        let mail = [
            "--sendmail", "--sendmail-program", failing.path, "--from", "digest@letter.test", "--to",
            "readers@letter.test",
        ]
        let failed = try await Self.digest(folder.url, now: "2021-01-18T08:00:00+01:00", mail)
        #expect(failed.status == 1)
        #expect(
            failed.stderr.hasSuffix("\(failing.path): error: sendmail exited with status 75: no route to host\n"),
            "\(failed.stderr)")
        #expect(try written() == Self.expected(run: "1610953200.0", success: "1610352000.0", succeeded: 0, posts: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: metrics.path) == ["feedgen-digest.prom"])

        // Bad input found after parsing (an email digest without addresses, exit 64): a failure too.
        let bad = try await Self.digest(folder.url, now: "2021-01-18T09:00:00+01:00", ["--format", "email"])
        #expect(bad.status == 64, "\(bad.stderr)")
        #expect(try written() == Self.expected(run: "1610956800.0", success: "1610352000.0", succeeded: 0, posts: 0))

        // 25 January: the failed week is sent with the next one, then 1 February has nothing to send.
        let retried = try await Self.digest(folder.url, now: "2021-01-25T08:00:00+01:00")
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("https://letter.test/gulls/"))
        #expect(try written() == Self.expected(run: "1611558000.0", success: "1611558000.0", succeeded: 1, posts: 1))
        let empty = try await Self.digest(folder.url, now: "2021-02-01T08:00:00+01:00")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stderr == "feedgen digest: nothing was published January 25–31, 2021; nothing sent\n")
        #expect(try written() == Self.expected(run: "1612162800.0", success: "1612162800.0", succeeded: 1, posts: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: metrics.path) == ["feedgen-digest.prom"])
    }

    /// A first run that fails has no success to keep: 0.
    @Test func aFirstRunThatFailsHasNoLastSuccess() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": DigestStateTests.config, "state/digest-letter.test-all.json": "not a state file",
        ])
        let result = try await Self.digest(folder.url, now: "2021-01-11T08:00:00+01:00")
        #expect(result.status == 1)
        #expect(
            try String(contentsOf: folder.url.appending(path: "metrics/feedgen-digest.prom"), encoding: .utf8)
                == Self.expected(run: "1610348400.0", success: "0.0", succeeded: 0, posts: 0))
    }

    /// A digest sent whose metrics cannot be written ends with an error naming the file and the reason.
    @Test func metricsThatCannotBeWrittenAreAnError() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": DigestStateTests.config,
            "site/_posts/2021-01-05-tides.md": DigestStateTests.post("Tides", "On tides."), "not-a-folder": "x",
        ])
        let result = try await run(
            Paths.feedgen,
            [
                "digest", "--site", folder.url.appending(path: "site").path, "--week", "2021-W01", "--metrics-file",
                folder.url.appending(path: "not-a-folder/feedgen-digest.prom").path,
            ])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Harbour Test — weekly digest\nJanuary 4–10, 2021\n"))
        #expect(result.stderr == "\(folder.url.path)/not-a-folder: error: mkdir failed: Not a directory\n")
    }

    /// A path that names no file is a usage error, before anything is read or written.
    @Test func aMetricsFileMustNameAFile() async throws {
        let folder = try TemporaryDirectory()
        for path in ["", "metrics/"] {
            let result = try await run(
                Paths.feedgen, ["digest", "--site", "site", "--week", "2021-W01", "--metrics-file", path],
                in: folder.url)
            #expect(result.status == 64)
            #expect(
                result.stderr.hasPrefix(
                    "Error: --metrics-file must name a file, such as feedgen-digest.prom, got '\(path)'\n"),
                "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }
}
