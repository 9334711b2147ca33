import Foundation
import Testing

/// The units in systemd/ verify with systemd's own analyzer and score "OK" (exposure 1.0 or lower, as today).
@Suite struct SystemdUnitTests {
    static let units = [
        "feedgen-watch.service", "feedgen-watch@.service", "feedgen-digest.service", "feedgen-digest.timer",
        "feedgen-serve.service",
    ]
    static let systemdAnalyze = URL(filePath: "/usr/bin/systemd-analyze")

    /// A root tree holding what the units name: systemd's own units, the binary where ExecStart expects it,
    /// /bin/kill for ExecReload, the environment file, and the units in /etc/systemd/system.
    func root() throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        let base = root.url
        let fileManager = FileManager.default
        func copy(_ source: URL, to path: String) throws {
            let target = base.appending(path: path)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.copyItem(at: source, to: target)
        }
        try copy(URL(filePath: "/usr/lib/systemd/system"), to: "usr/lib/systemd/system")
        try fileManager.createSymbolicLink(atPath: base.appending(path: "lib").path, withDestinationPath: "usr/lib")
        try copy(Paths.feedgen, to: "usr/local/bin/feedgen")
        try copy(URL(filePath: "/bin/kill"), to: "bin/kill")
        try copy(Paths.package.appending(path: "systemd/feedgen.env"), to: "etc/feedgen/feedgen.env")
        try copy(Paths.package.appending(path: "systemd/feedgen.yml"), to: "etc/feedgen/feedgen.yml")
        for unit in Self.units {
            try copy(Paths.package.appending(path: "systemd/\(unit)"), to: "etc/systemd/system/\(unit)")
        }
        return root
    }

    @Test(arguments: units) func unitVerifies(_ unit: String) async throws {
        let root = try root()
        let result = try await run(
            Self.systemdAnalyze, ["verify", "--root=\(root.url.path)", "/etc/systemd/system/\(unit)"])
        #expect(result.status == 0)
        #expect(result.stdout + result.stderr == "", "systemd-analyze verify: \(result.stderr)")
    }

    /// The server answers the network, so it cannot deny IP traffic as the others do (1.2 instead of 1.0).
    @Test(arguments: [("feedgen-watch.service", 1.0), ("feedgen-digest.service", 1.0), ("feedgen-serve.service", 1.2)])
    func serviceExposureIsOK(_ unit: String, _ limit: Double) async throws {
        let result = try await run(
            Self.systemdAnalyze,
            ["security", "--offline=yes", Paths.package.appending(path: "systemd/\(unit)").path])
        let verdict = result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") }
        print(verdict ?? "no verdict for \(unit)")
        let score = verdict.flatMap { line in
            line.split(separator: " ").compactMap { Double($0) }.last
        }
        #expect(score != nil, "\(result.stdout)\(result.stderr)")
        #expect((score ?? 10) <= limit, "\(verdict ?? "")")
    }

    /// The template serves other sites with the same hardening: it differs from feedgen-watch.service only in
    /// its comments, its description and the environment file it reads.
    @Test func templateIsTheWatchUnitForAnotherSite() throws {
        func settings(_ unit: String) throws -> [String] {
            try String(contentsOf: Paths.package.appending(path: "systemd/\(unit)"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("#") && !$0.hasPrefix("Description=") }
        }
        let single = try settings("feedgen-watch.service")
        let template = try settings("feedgen-watch@.service")
        #expect(template.filter { $0.hasPrefix("EnvironmentFile=") } == ["EnvironmentFile=/etc/feedgen/%i.env"])
        #expect(
            template.filter { !$0.hasPrefix("EnvironmentFile=") } == single.filter { !$0.hasPrefix("EnvironmentFile=") }
        )
    }

    /// The `KEY=` values of a unit, in seconds (`90s`, `5min`, `1min 30s`).
    private func seconds(_ key: String, in unit: String) throws -> Int? {
        let text = try String(contentsOf: Paths.package.appending(path: "systemd/\(unit)"), encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + "=") }) else { return nil }
        var total = 0
        for part in line.dropFirst(key.count + 1).split(separator: " ") {
            let digits = part.prefix { $0.isNumber }
            guard let value = Int(digits) else { return nil }
            switch part.dropFirst(digits.count) {
            case "s", "": total += value
            case "min": total += value * 60
            default: return nil
            }
        }
        return total
    }

    /// Every wait the units allow outlasts the daemon's own deadlines (60 s for a git command or sendmail, 60 s
    /// for a stale index.lock), and is finite: a hung digest is stopped by systemd at the latest.
    @Test func timeOutsFitTheDeadlines() throws {
        let digestStart = try #require(try seconds("TimeoutStartSec", in: "feedgen-digest.service"))
        #expect((90...900).contains(digestStart))
        // SIGTERM lets a git pull in progress finish; the first build may wait a minute for git's index.lock.
        let watchStop = try #require(try seconds("TimeoutStopSec", in: "feedgen-watch.service"))
        #expect((75...300).contains(watchStop))
        let watchStart = try #require(try seconds("TimeoutStartSec", in: "feedgen-watch.service"))
        #expect((90...600).contains(watchStart))
    }
}
