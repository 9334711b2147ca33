import ArgumentParser
import Testing

@testable import FeedgenCLI

/// Command lines parsed in process, without starting the binary.
@Suite struct ParsingTests {
    @Test func buildIsTheDefaultSubcommand() throws {
        let command = try Feedgen.parseAsRoot(["--site", "s", "--out", "o", "--limit", "3", "--future"])
        let build = try #require(command as? BuildCommand)
        #expect(build.source.site == "s")
        #expect(build.source.out == "o")
        #expect(build.source.limit == 3)
        #expect(build.source.future)
    }

    @Test func badBaseURLIsRejected() {
        #expect(throws: (any Error).self) {
            try Feedgen.parseAsRoot(["build", "--site", "s", "--base-url", "feeds/"])
        }
    }

    @Test func pathsRelativeToTheDefinitionsAreShownFromHere() {
        #expect(SourceOptions.collapsed("feeds/../public/feeds") == "public/feeds")
        #expect(SourceOptions.collapsed("feeds/./example") == "feeds/example")
        #expect(SourceOptions.collapsed("../shared/corpus") == "../shared/corpus")
        #expect(SourceOptions.collapsed("a/../..") == "..")
        #expect(SourceOptions.collapsed("/srv/letter/../feeds") == "/srv/feeds")
        #expect(SourceOptions.collapsed("feeds/..") == ".")
    }
}

/// `Feedgen.runFromCommandLine` runs async subcommands through `AsyncRunnable`; one that lacks the
/// conformance would print help instead of running.
@Test func everyAsyncSubcommandIsDispatchedAsAsync() {
    let missing = Feedgen.configuration.subcommands.filter {
        $0 is any AsyncParsableCommand.Type && !($0 is any AsyncRunnable.Type)
    }
    #expect(missing.map { "\($0)" } == [])
}
