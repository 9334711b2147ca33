import FeedgenCLI

await Feedgen.main()
