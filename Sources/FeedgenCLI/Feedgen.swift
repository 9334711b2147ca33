import ArgumentParser

/// The `feedgen` command: publishes a Jekyll site's posts as RSS, Atom and JSON feeds.
public struct Feedgen: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "feedgen",
        abstract: "Publish a multilingual Jekyll newsletter as RSS 2.0, Atom 1.0 and JSON Feed 1.1.",
        subcommands: [],
    )

    public init() {}
}
