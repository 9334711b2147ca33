import FeedgenCore
import Foundation

/// Everything one `feedgen build` needs to know.
public struct BuildOptions: Sendable {
    public var site: URL
    public var out: URL
    public var definitions: FeedDefinitions
    /// Overrides `definitions.limit` when set.
    public var limit: Int?
    /// Include posts dated after `now`.
    public var future: Bool
    /// Overrides `definitions.baseURL` when set.
    public var baseURL: String?
    /// Only decides which posts are in the future; feed dates come from the content.
    public var now: Date
    /// Read, render and encode everything, but write nothing (`feedgen check`).
    public var dryRun = false

    public init(
        site: URL, out: URL, definitions: FeedDefinitions = FeedDefinitions(), limit: Int? = nil,
        future: Bool = false, baseURL: String? = nil, now: Date
    ) {
        self.site = site
        self.out = out
        self.definitions = definitions
        self.limit = limit
        self.future = future
        self.baseURL = baseURL
        self.now = now
    }
}

/// What a build did: per feed, per file, and every problem found.
public struct BuildReport: Sendable {
    /// One line of the summary table.
    public struct FeedSummary: Sendable, Equatable {
        public var scope: FeedScope
        public var posts: Int
        public var items: Int
        /// Files of this feed that were written, unchanged or kept (not replaced because a post failed).
        public var files: [FileResult]
    }

    /// One file of the output folder and what the build did to it.
    public struct FileResult: Sendable, Equatable {
        /// Relative to the output folder, e.g. `pt-br/rss.xml`.
        public var path: String
        public var outcome: FileOutcome
    }

    public enum FileOutcome: String, Sendable, CaseIterable {
        case written
        case unchanged
        /// Not rewritten: a post that belongs in it failed, so the last good file stays published.
        case kept
        /// Not written: it would have been empty.
        case skipped
        /// Encoded but not written, as `feedgen check` does.
        case checked
        /// Could not be written (a full disk, say): the feed's files stay as they were.
        case failed
        /// Deleted: the feed's language no longer has a post.
        case removed
    }

    /// A feed left as published because posts that belong in it failed.
    public struct KeptFeed: Sendable, Equatable {
        public var scope: FeedScope
        /// The failed posts, relative to the site.
        public var missing: [String]
    }

    public var feeds: [FeedSummary] = []
    public var kept: [KeptFeed] = []
    /// The OPML subscription lists, one per feed format (none in a dry run or when no feed has items).
    public var opml: [FileResult] = []
    /// Documents beside the feeds and lists: jekyll-feed's, when the definitions keep it.
    public var extras: [FileResult] = []
    /// The HTML page and its stylesheet beside the feeds (`index.html`, `feed.xsl`), and the site's
    /// `_includes/feedgen-links.html` when the definitions ask for it.
    public var pages: [FileResult] = []
    /// The `<link rel="alternate">` autodiscovery tags of every published feed (`feedgen links`).
    public var links = ""
    /// The public URL of every feed document this build wrote anew: what a WebSub hub is told of.
    public var changedURLs: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// Paths (relative to the site) of the folders and files the listing could not take in: their diagnostics
    /// are news at every build, not only when a post changed.
    public var listingProblems: Set<String> = []
    public var postsRead = 0
    public var postsFailed = 0
    public var postsUnpublished = 0
    public var postsInFuture = 0
    /// The date of the next post left out for being in the future: `feedgen watch` builds again then.
    public var nextFuturePost: Date?

    /// True when something had to be left out: the build's exit status is then non-zero.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init() {}
}
