import Foundation
import Testing

/// The mutation fuzzer of `Tests/Fuzz/fuzz.py` against the built binary: every case it ever found
/// interesting passes, and a minute of fuzzing with a fixed seed finds nothing new.
@Suite(.serialized) struct FuzzTests {
    static let script = Paths.package.appending(path: "Tests/Fuzz/fuzz.py")
    static let cases = Paths.package.appending(path: "Tests/Fuzz/cases")

    func fuzz(_ arguments: [String]) async throws -> ProcessResult {
        try await run(
            URL(filePath: "/usr/bin/env"),
            ["python3", Self.script.path, "--binary", Paths.feedgen.path, "--corpus", Paths.corpus.path] + arguments)
    }

    @Test func everySavedCasePasses() async throws {
        let saved = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(saved.count >= 4)
        let result = try await fuzz(["--replay", Self.cases.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Three runs (build, check, digest) per case.
        #expect(result.stdout.hasSuffix("\n\(saved.count * 3) passed, 0 failed\n"), "\(result.stdout)")
    }

    @Test func aMinuteOfFuzzingFindsNothing() async throws {
        let result = try await fuzz(["--seconds", "60", "--seed", "1"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix(" 0 failed\n"), "\(result.stdout)")
    }
}
