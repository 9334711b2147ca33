import FeedgenCLI

await Feedgen.runFromCommandLine()
