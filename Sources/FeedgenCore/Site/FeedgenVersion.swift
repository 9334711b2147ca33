/// feedgen's version, as named in `--version` and in every feed's `generator`.
public enum FeedgenVersion {
    public static let current = "0.1.0"
}
