import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs that overlap or die half-way, created for real: a build stopped and SIGKILLed while it writes, a second
/// build into the same folder, two scheduled digests at once, a state folder on a read-only mount.
@Suite(.serialized) struct ConcurrentRunTests {
    /// A site whose `--limit 0` feeds are megabytes each, so a build spends a while writing them.
    static func largeSite() throws -> TemporaryDirectory {
        var files = ["_config.yml": "title: Big Letter\nurl: https://big.example.org\ntimezone: UTC\n"]
        let paragraph = String(repeating: "A long paragraph about tides, gulls and nets. ", count: 40) + "\n\n"
        for day in 0..<300 {
            let date = Date(timeIntervalSince1970: 1_577_836_800 + Double(day) * 86_400)  // from 2020-01-01
            let name = date.formatted(.iso8601.year().month().day())
            files["_posts/\(name)-issue-\(day).md"] =
                "---\ntitle: \"Issue \(day)\"\n---\n" + String(repeating: paragraph, count: 15)
        }
        return try TemporaryDirectory(files)
    }

    /// The temporary files (`.NAME.PID.tmp`) in `out` and its subfolders.
    static func temporaries(_ out: URL) -> [String] {
        let manager = FileManager.default
        let top = (try? manager.contentsOfDirectory(atPath: out.path)) ?? []
        var found = top.filter { $0.hasSuffix(".tmp") }
        for folder in top {
            let inner = (try? manager.contentsOfDirectory(atPath: out.appending(path: folder).path)) ?? []
            found += inner.filter { $0.hasSuffix(".tmp") }.map { folder + "/" + $0 }
        }
        return found.sorted()
    }

    /// Starts `feedgen build --limit 0` and stops it (SIGSTOP) while one of its temporary files exists.
    static func buildStoppedWhileWriting(site: URL, out: URL) throws -> BackgroundProcess? {
        for _ in 0..<5 {
            // Unchanged files are not rewritten: every attempt starts from an empty folder.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] {
                try FileManager.default.removeItem(at: out.appending(path: name))
            }
            let build = try BackgroundProcess(
                Paths.feedgen, ["build", "--site", site.path, "--out", out.path, "--limit", "0"])
            while build.isRunning {
                guard !temporaries(out).isEmpty else {
                    usleep(200)
                    continue
                }
                build.send(SIGSTOP)
                waitUntilStopped(build.pid)
                if !temporaries(out).isEmpty { return build }
                build.send(SIGCONT)
            }
        }
        return nil
    }

    /// Waits until every thread of `pid` has stopped: SIGSTOP takes effect after `kill` returns, and a thread
    /// still running could create another temporary file after the test looked.
    static func waitUntilStopped(_ pid: Int32) {
        for _ in 0..<10_000 {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            let stopped = tasks.allSatisfy { task in
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")"), stat.distance(from: close, to: stat.endIndex) > 2
                else { return true }
                return stat[stat.index(close, offsetBy: 2)] == "T"
            }
            if stopped { return }
            usleep(200)
        }
    }

    @Test func aSecondBuildIsRefusedAndWhatAKilledBuildLeftIsRemoved() async throws {
        let site = try Self.largeSite()
        let out = try TemporaryDirectory()
        let first = try #require(try Self.buildStoppedWhileWriting(site: site.url, out: out.url))
        let left = Self.temporaries(out.url)
        #expect(left.allSatisfy { $0.hasSuffix(".\(first.pid).tmp") }, "\(left)")

        // While it holds the folder, another build is refused and says which process holds it.
        let second = try await run(Paths.feedgen, ["build", "--site", site.url.path, "--out", out.url.path])
        #expect(second.status == 1)
        #expect(
            second.stderr
                == "\(out.url.path)/.feedgen.lock: error: the output folder is in use by process \(first.pid) "
                + "(feedgen build); try again when it has finished\n")
        #expect(Self.temporaries(out.url) == left)

        // Killed half-way: the lock goes with the process, and the next build removes what it left.
        await #expect(first.stop(SIGKILL) == SIGKILL)
        #expect(Self.temporaries(out.url) == left)
        let third = try await run(Paths.feedgen, ["build", "--site", site.url.path, "--out", out.url.path])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Self.temporaries(out.url) == [])
    }

    /// A sendmail that records the message, says it started (through a FIFO the test reads) and waits to be
    /// released (a FIFO the test writes, which it opens first so that the test's write finds a reader).
    static let holdingSendmail = """
        #!/bin/sh
        folder=$(dirname "$0")
        exec 3<> "$folder/release"
        cat > "$folder/message.$$"
        echo $$ > "$folder/started"
        read line <&3

        """

    @Test func twoScheduledDigestsAtOnceDeliverOnce() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": DigestStateTests.config, "_posts/2021-01-05-tides.md": DigestStateTests.post("Tides", "T."),
        ])
        let folder = try TemporaryDirectory(["sendmail": Self.holdingSendmail])
        let sendmail = try folder.executable("sendmail")
        for fifo in ["started", "release"] { #expect(mkfifo(folder.url.appending(path: fifo).path, 0o600) == 0) }
        let state = folder.url.appending(path: "state")
        let arguments = [
            "digest", "--site", site.url.path, "--now", "2021-01-11T08:00:00+01:00", "--state-dir", state.path,
            "--sendmail", "--sendmail-program", sendmail.path, "--sendmail-timeout", "20s",
            "--from", "digest@letter.test", "--to", "readers@letter.test",
        ]
        let first = try BackgroundProcess(Paths.feedgen, arguments)
        // Blocks until the first digest's sendmail has the message.
        let started = open(folder.url.appending(path: "started").path, O_RDONLY)
        var byte: UInt8 = 0
        #expect(read(started, &byte, 1) == 1)
        close(started)

        let second = try await run(Paths.feedgen, arguments)
        #expect(second.status == 1)
        #expect(
            second.stderr
                == "\(state.path)/digest-letter.test-all.lock: error: the digest state is in use by process "
                + "\(first.pid) (feedgen digest); try again when it has finished\n")

        // Without blocking: if the first digest's sendmail is gone, nobody would ever read.
        let release = open(folder.url.appending(path: "release").path, O_WRONLY | O_NONBLOCK)
        #expect(release >= 0, "the first digest's sendmail is no longer waiting")
        if release >= 0 {
            #expect(write(release, "go\n", 3) == 3)
            close(release)
        }
        await #expect(first.waitForExit(timeout: 30) == 0, "\(first.lines)")
        let messages = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.hasPrefix("message.")
        }
        #expect(messages.count == 1)
        // The week is recorded: the next run has nothing to do.
        let third = try await run(Paths.feedgen, arguments)
        #expect(third.status == 0)
        #expect(
            third.stderr
                == "feedgen digest: nothing to do: the digest up to 2021-W01 was already sent "
                + "(\(state.path)/digest-letter.test-all.json)\n")
    }

    @Test func aStateFolderThatCannotBeWrittenStopsTheDigestBeforeDelivery() async throws {
        let site = try TemporaryDirectory([
            "_config.yml": DigestStateTests.config, "_posts/2021-01-05-tides.md": DigestStateTests.post("Tides", "T."),
        ])
        let folder = try TemporaryDirectory()
        let state = folder.url.appending(path: "state")
        let maildir = folder.url.appending(path: "Maildir")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // The state folder on a read-only bind mount, in a mount namespace of the run's own.
        let script = """
            mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" || exit 99
            shift
            exec "$@"
            """
        let arguments = [
            "--mount", "sh", "-c", script, "sh", state.path, Paths.feedgen.path, "digest", "--site", site.url.path,
            "--now", "2021-01-11T08:00:00+01:00", "--state-dir", state.path, "--maildir", maildir.path,
            "--from", "digest@letter.test", "--to", "readers@letter.test",
        ]
        for _ in 0..<2 {
            let result = try await run(URL(filePath: "/usr/bin/unshare"), arguments)
            try #require(result.status != 99, "cannot make a read-only mount here: \(result.stderr)")
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "\(state.path)/digest-letter.test-all.lock: error: cannot lock the digest state: "
                    + "open failed: Read-only file system\n")
            let delivered = (try? FileManager.default.contentsOfDirectory(atPath: maildir.appending(path: "new").path))
            #expect((delivered ?? []).isEmpty)
        }
    }
}
