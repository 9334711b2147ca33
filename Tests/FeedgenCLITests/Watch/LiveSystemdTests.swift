import Foundation
import Testing

/// The Debian package installed on a real systemd (a systemd-nspawn container) and its units checked as a
/// server runs them: Tests/Live/live-test.sh, which builds the package, boots the container and prints one
/// PASS/FAIL line per check. Where systemd-nspawn cannot run at all (not root) the script says why and exits 77.
@Suite struct LiveSystemdTests {
    @Test func packageAndUnitsUnderARealSystemd() async throws {
        let result = try await run(
            URL(filePath: "/bin/bash"), [Paths.package.appending(path: "Tests/Live/live-test.sh").path],
            in: Paths.package)
        print(result.stdout)
        if result.status == 77 { return }
        let failures = result.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") }
        #expect(result.status == 0, "\(failures.joined(separator: "\n"))\n\(result.stderr.suffix(3000))")
        #expect(result.stdout.hasSuffix("RESULT: PASS\n"))
    }
}
