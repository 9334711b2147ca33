import Foundation
import Testing

/// `--help` asserted verbatim keeps the README and the help honest; bad options exit 64 with usage.
@Suite struct HelpAndValidationTests {
    @Test func buildHelp() async throws {
        let result = try await run(Paths.feedgen, ["build", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Build the RSS, Atom and JSON feeds of every language of a Jekyll
                site.

                With no options, builds the site named by feeds/feedgen.yml in the current
                folder. Exit status: 0 when every post was published, 1 when some had to be
                left out or a file could not be written (each is reported as FILE:LINE: error:
                ...), 64 for bad options.

                USAGE: feedgen build [--config <config>] [--site <site>] [--out <out>] [--limit <limit>] [--future] [--base-url <base-url>]

                OPTIONS:
                  --config <config>       The feed definitions file (default: feeds/feedgen.yml
                                          when --site is not given).
                  --site <site>           The Jekyll site: the folder holding _config.yml.
                  --out <out>             Where to write the feeds (default: the definitions'
                                          'out', else SITE/_feeds).
                  --limit <limit>         Items per feed, newest first; 0 means all (default:
                                          the definitions' 'limit', else 20).
                  --future                Include posts dated in the future, as 'jekyll build
                                          --future' does.
                  --base-url <base-url>   Public URL of the output folder (default:
                                          {url}{baseurl}/feeds/).
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func checkHelp() async throws {
        let result = try await run(Paths.feedgen, ["check", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Report problems in a site's posts (YAML, dates, authors, mojibake,
                unsafe HTML, Liquid) without building.

                Every post is read and rendered, not only the newest: --limit does not apply.
                Exit status: 0 when no post has an error (warnings are printed but allowed), 1
                otherwise.

                USAGE: feedgen check [--config <config>] [--site <site>] [--future]

                OPTIONS:
                  --config <config>       The feed definitions file (default: feeds/feedgen.yml
                                          when --site is not given).
                  --site <site>           The Jekyll site: the folder holding _config.yml.
                  --future                Also check posts dated in the future.
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func serveHelp() async throws {
        let result = try await run(Paths.feedgen, ["serve", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Serve the published feeds over HTTP, with the headers feed readers
                expect.

                GET and HEAD only. Sends each file's type (application/rss+xml,
                application/atom+xml, application/feed+json, text/x-opml, text/html), a strong
                ETag from its bytes, Last-Modified, 304 Not Modified, the precompressed FILE.gz
                to clients that accept gzip, and logs one line per request on standard error.
                Hidden and temporary files and anything outside DIR are 404. SIGTERM or SIGINT
                stop it after the requests in progress.

                USAGE: feedgen serve --out <dir> [--listen <host:port>]

                OPTIONS:
                  --out <dir>             The folder to serve: the output folder of 'feedgen
                                          build'.
                  --listen <host:port>    The address to listen on, HOST:PORT ('[::1]:8080' for
                                          IPv6). (default: 127.0.0.1:8080)
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func watchHelp() async throws {
        let result = try await run(Paths.feedgen, ["watch", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Build the feeds, then rebuild them whenever posts, _config.yml, _data
                or the definitions change.

                Watches with inotify (or --poll) and rebuilds: a lone change after 10 ms, a
                burst of changes after a quiet --debounce, never while git's index.lock is
                there; it rewrites only feeds whose bytes change and logs one line per rebuild
                on standard error. SIGTERM or SIGINT finish the write in progress and exit 0;
                SIGHUP reloads the feed definitions. Under systemd (Type=notify) it reports
                READY, STATUS and WATCHDOG. With --metrics it answers GET and HEAD /metrics on
                that address (and nothing else) with Prometheus metrics:
                feedgen_rebuilds_total{trigger}, feedgen_rebuild_duration_seconds,
                feedgen_posts_read_total and feedgen_posts_rendered_total (not those taken from
                memory), feedgen_feeds_rewritten_total, feedgen_diagnostics_total{level,kind}
                and feedgen_websub_notifications_total{result}.

                USAGE: feedgen watch [--config <config>] [--site <site>] [--out <out>] [--limit <limit>] [--future] [--base-url <base-url>] [--pull <interval>] [--poll <interval>] [--debounce <interval>] [--pull-timeout <interval>] [--serve <host:port>] [--metrics <host:port>]

                OPTIONS:
                  --config <config>       The feed definitions file (default: feeds/feedgen.yml
                                          when --site is not given).
                  --site <site>           The Jekyll site: the folder holding _config.yml.
                  --out <out>             Where to write the feeds (default: the definitions'
                                          'out', else SITE/_feeds).
                  --limit <limit>         Items per feed, newest first; 0 means all (default:
                                          the definitions' 'limit', else 20).
                  --future                Include posts dated in the future, as 'jekyll build
                                          --future' does.
                  --base-url <base-url>   Public URL of the output folder (default:
                                          {url}{baseurl}/feeds/).
                  --pull <interval>       Also fetch and fast-forward the site's git repository
                                          this often ('git pull --ff-only').
                  --poll <interval>       Rescan by polling this often instead of using inotify
                                          (network file systems).
                  --debounce <interval>   After a burst of changes, wait for this long without
                                          changes before rebuilding (e.g. 200ms, 2s), but never
                                          longer than ten times this after the first change; a
                                          lone change is built after 10 ms. (default: 200ms)
                  --pull-timeout <interval>
                                          Kill a git command of --pull still running after this
                                          long. (default: 60s)
                  --serve <host:port>     Also serve the output folder over HTTP on this
                                          address, as 'feedgen serve' does.
                  --metrics <host:port>   Export Prometheus metrics at
                                          http://HOST:PORT/metrics, a listener of their own
                                          (never the --serve one).
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func linksHelp() async throws {
        let result = try await run(Paths.feedgen, ["links", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Print the <link rel="alternate"> tags that let readers find every
                language's feeds.

                Put them in the <head> of the site's pages. Nothing is written; with
                'links_include: true' in the definitions file, every build writes them as
                _includes/feedgen-links.html in the site.

                USAGE: feedgen links [--config <config>] [--site <site>] [--out <out>] [--limit <limit>] [--future] [--base-url <base-url>]

                OPTIONS:
                  --config <config>       The feed definitions file (default: feeds/feedgen.yml
                                          when --site is not given).
                  --site <site>           The Jekyll site: the folder holding _config.yml.
                  --out <out>             Where to write the feeds (default: the definitions'
                                          'out', else SITE/_feeds).
                  --limit <limit>         Items per feed, newest first; 0 means all (default:
                                          the definitions' 'limit', else 20).
                  --future                Include posts dated in the future, as 'jekyll build
                                          --future' does.
                  --base-url <base-url>   Public URL of the output folder (default:
                                          {url}{baseurl}/feeds/).
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func digestHelp() async throws {
        let result = try await run(Paths.feedgen, ["digest", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Compose the weekly plain-text digest of the posts published in a
                week.

                With no window option, covers the last complete ISO week (Monday to Sunday in
                the site's time zone) and everything published since the last digest sent,
                remembered in the state folder; a week already sent is not sent again. --week,
                --since and --until compose any window and neither read nor write the state.
                --metrics-file records every run (its time, whether it succeeded, the last
                success's time, the posts sent) in the Prometheus text format, for
                node_exporter's textfile collector. Exit status: 0 when done (or nothing to
                send), 1 on an error, 64 for bad options.

                USAGE: feedgen digest <options>

                OPTIONS:
                  --config <config>       The feed definitions file (default: feeds/feedgen.yml
                                          when --site is not given).
                  --site <site>           The Jekyll site: the folder holding _config.yml.
                  --week <week>           The ISO week to cover, e.g. 2020-W12.
                  --since <since>         The start of the window: a day (YYYY-MM-DD) or an ISO
                                          8601 date-time.
                  --until <until>         The end of the window: a day (included) or an ISO
                                          8601 date-time (excluded); default: now.
                  --now <now>             The time to take as now, an ISO 8601 date-time such
                                          as 2020-03-23T08:00:00+01:00.
                  --lang <lang>           Only posts in this language (BCP 47 tag); headings
                                          and dates in its conventions.
                  --width <width>         Wrap lines at this many columns. (default: 72)
                  --format <format>       text, or email for an RFC 5322 message. (default:
                                          text)
                  --maildir <maildir>     Deliver the message into this Maildir (implies
                                          --format email).
                  --sendmail              Pipe the message to sendmail -t -oi (implies --format
                                          email).
                  --sendmail-program <sendmail-program>
                                          The sendmail program. (default: /usr/sbin/sendmail)
                  --sendmail-timeout <interval>
                                          Kill a sendmail still running after this long (e.g.
                                          60s, 2m). (default: 60s)
                  --from <from>           The From address (default: the definitions'
                                          digest.from).
                  --to <to>               A To address; repeat for several (default: the
                                          definitions' digest.to).
                  --list-unsubscribe <list-unsubscribe>
                                          A List-Unsubscribe URI; repeatable (default:
                                          digest.unsubscribe).
                  --state-dir <state-dir> The state folder (default: $STATE_DIRECTORY, else
                                          ~/.local/state/feedgen).
                  --send-empty            Send a digest even when nothing was published.
                  --metrics-file <path>   After every run, write its metrics to this file
                                          (Prometheus text format), replaced atomically.
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    @Test func aNegativeLimitIsAUsageError() async throws {
        let result = try await run(Paths.feedgen, ["build", "--site", "x", "--limit=-1"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --limit must be 0 (all) or more, got -1\n"), "\(result.stderr)")
    }

    @Test func noSiteAndNoDefinitionsIsAUsageError() async throws {
        let folder = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build"], in: folder.url)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: no --site given, and no feeds/feedgen.yml in this folder\n"))
    }

    @Test func aMissingSiteIsReportedWithItsPath() async throws {
        let folder = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build", "--site", "nowhere", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(folder.url.path)/nowhere: error: no such folder (expected a Jekyll site with _config.yml)\n")
    }

    /// With `--config` and `--site`, the definitions' `out` is still the default output folder, as `--help` says.
    @Test func theDefinitionsOutHoldsWithAnExplicitSite() async throws {
        let folder = try TemporaryDirectory(["defs/feedgen.yml": "out: ../published\n"])
        let result = try await run(
            Paths.feedgen, ["build", "--config", "defs/feedgen.yml", "--site", Paths.corpus.path], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 8 feeds (7 languages) from \(Paths.corpus.path) into published\n"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "published/feeds.opml").path))
    }
}
