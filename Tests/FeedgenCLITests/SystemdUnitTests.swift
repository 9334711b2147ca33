import Foundation
import Testing

/// The units in systemd/ verify with systemd's own analyzer and score "OK" (exposure 2.0 or lower).
@Suite struct SystemdUnitTests {
    static let units = ["feedgen-watch.service", "feedgen-digest.service", "feedgen-digest.timer"]
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

    @Test(arguments: units) func unitVerifies(_ unit: String) throws {
        let root = try root()
        let result = try run(Self.systemdAnalyze, ["verify", "--root=\(root.url.path)", "/etc/systemd/system/\(unit)"])
        #expect(result.status == 0)
        #expect(result.stdout + result.stderr == "", "systemd-analyze verify: \(result.stderr)")
    }

    @Test(arguments: ["feedgen-watch.service", "feedgen-digest.service"])
    func serviceExposureIsOK(_ unit: String) throws {
        let result = try run(
            Self.systemdAnalyze,
            ["security", "--offline=yes", Paths.package.appending(path: "systemd/\(unit)").path])
        let verdict = result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") }
        print(verdict ?? "no verdict for \(unit)")
        let score = verdict.flatMap { line in
            line.split(separator: " ").compactMap { Double($0) }.last
        }
        #expect(score != nil, "\(result.stdout)\(result.stderr)")
        #expect((score ?? 10) <= 2.0, "\(verdict ?? "")")
    }
}
