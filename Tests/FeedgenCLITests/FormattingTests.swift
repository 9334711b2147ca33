import Foundation
import Testing

/// The code follows the repository's `.swift-format`, checked with the formatter the toolchain ships.
@Suite struct FormattingTests {
    @Test func sourcesAndTestsPassSwiftFormatLint() async throws {
        let swift = URL(filePath: "/usr/bin/env")
        let result = try await run(
            swift, ["swift", "format", "lint", "--strict", "-r", "Sources", "Tests"], in: Paths.package)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "", "run `swift format format -i -r Sources Tests`:\n\(result.stderr)")
    }
}
