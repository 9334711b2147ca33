import FeedgenCore
import FeedgenRender
import Foundation

/// Runs one build: reads the site, chooses and renders the posts, writes every feed that changed.
public struct Builder: Sendable {
    /// The `generator` named in every feed, e.g. `feedgen 0.1.0`.
    public var generator: String

    public init(generator: String = "feedgen \(FeedgenVersion.current)") {
        self.generator = generator
    }

    /// Builds once; with a `cache`, only posts whose bytes changed since its last build are read and rendered.
    ///
    /// Unless it only checks (`dryRun`), it holds the output folder's lock (`lock`, or one it takes for the
    /// build), so two runs never mix their files, and first removes what killed runs left behind.
    public func build(
        _ options: BuildOptions, cache: RenderCache? = nil, lock: FolderLock? = nil
    ) async throws(BuildError) -> BuildReport {
        var held = lock
        if !options.dryRun {
            if held == nil {
                do {
                    held = try Self.lockOutput(options.out, holder: "feedgen build")
                } catch {
                    throw .locked(error)
                }
            }
            Publisher(root: options.out, precompress: true).removeStaleTemporaries()
        }
        defer { withExtendedLifetime(held) {} }
        let loadedSite = try SiteReader.load(root: options.site)
        let (site, parsed) = (loadedSite.site, loadedSite.parsed)
        let config = parsed.config
        let definitions = options.definitions
        var report = BuildReport()

        // 1. Every post's front matter, in parallel; the order of results follows the sorted paths.
        let context = PostLoader.Context(site: config, languages: definitions.languages, issues: definitions.issues)
        // What a post's reading and rendering depend on besides its bytes (not the limit, titles or output).
        let liquidFiles = SiteReader.readLiquidFiles(root: site.root)
        let cacheContext = [
            site.configYAML, site.authorsYAML ?? "", liquidFiles.fingerprint, "\(definitions.languages)",
            "\(definitions.issues)",
            "\(definitions.summaryLength)", "\(definitions.postLimits)",
        ]
        cache?.begin(context: Array(cacheContext.joined(separator: "\u{0}").utf8))
        let loaded = await PostCatalog.load(
            site: site, context: context, limits: definitions.postLimits, cache: cache,
            documents: definitions.slices[.collections] != nil, now: options.now)
        cache?.prune(keeping: site.postPaths)
        report.postsRead = site.postPaths.count
        if let settings = definitions.slices[.collections] {
            for collection in config.collections
            where !collection.output && settings.admits(slug: FeedSlice.slug(of: collection.label)) {
                report.diagnostics.append(
                    Diagnostic(
                        .warning, at: FileLocation(path: "_config.yml"),
                        "collection '\(collection.label)' has no feed: without 'output: true' Jekyll writes no page for its documents, so an item would have nothing to link to"
                    ))
            }
        }
        report.listingProblems = Set(site.problems.map(\.path))
        report.diagnostics += loaded.diagnostics
        report.postsUnpublished = loaded.unpublished
        var failures = loaded.failures
        let publishable = FeedPlanner.publishable(loaded.posts, now: options.now, future: options.future)
        report.postsInFuture = loaded.posts.count { $0.collection == nil } - publishable.count { $0.collection == nil }
        report.nextFuturePost = options.future ? nil : loaded.posts.lazy.map(\.date).filter { $0 > options.now }.min()

        // 2. Choose, render what is chosen, and choose again if a post failed to render.
        // `--limit` on the command line replaces every limit of the definitions file.
        let limit = options.limit ?? definitions.limit
        let limits = options.limit == nil ? definitions.limits : [:]
        let slices =
            options.limit == nil
            ? definitions.slices
            : definitions.slices.mapValues { settings in
                var settings = settings
                settings.limit = nil
                return settings
            }
        let liquid = SiteReader.liquidEnvironment(
            site: site, config: config, posts: publishable.filter { $0.collection == nil }, now: options.now,
            files: liquidFiles)
        report.diagnostics += liquid.diagnostics
        let renderer = ItemRenderer(
            site: site.root, config: config, siteVariables: parsed.siteVariables,
            summaryLength: definitions.summaryLength, limits: definitions.postLimits, cache: cache,
            liquid: liquid.environment)
        var rendered: [String: RenderedItem] = [:]
        let archivePageSize = definitions.archive?.pageSize
        let jekyllFeedLimit = definitions.jekyllFeed.map {
            JekyllFeedDocument.limit($0, siteVariables: parsed.siteVariables)
        }
        let planned = await renderer.renderPlanned(
            publishable,
            plan: { posts in
                (
                    feeds: FeedPlanner.plan(
                        posts, limit: limit, limits: limits, archivePageSize: archivePageSize,
                        excerptOnly: definitions.excerptOnly, slices: slices),
                    jekyllFeed: jekyllFeedLimit.map { FeedPlanner.plan(posts, limit: $0, limits: [:])[0] }
                )
            },
            posts: { uniquePosts($0.feeds + ($0.jekyllFeed.map { [$0] } ?? [])) })
        let selections = planned.plan.feeds
        var failed: Set<String> = []
        for (post, result) in planned.results {
            report.diagnostics += result.diagnostics
            if let item = result.item {
                rendered[post.id] = item
            } else {
                failed.insert(post.id)
                failures.append(
                    FailedPost(path: post.path, date: post.date, language: post.language, collection: post.collection))
            }
        }
        report.postsFailed = failures.count
        let candidates = publishable.filter { $0.collection == nil && !failed.contains($0.id) }
        // A translation whose excerpt is another language's gets its own first paragraph as its summary.
        // Collection documents are nobody's translations.
        let posts = loaded.posts.filter { $0.collection == nil }
        let copies = ExcerptCopies.find(in: posts, siteLanguage: config.language ?? "en").merging(
            ExcerptCopies.findCopiedParagraphs(in: posts, rendered: rendered)
        ) { excerpt, _ in excerpt }
        for post in posts {
            guard let original = copies[post.id] else { continue }
            report.diagnostics.append(
                Diagnostic(
                    .warning, at: FileLocation(path: post.path),
                    "excerpt copied from \(original.path) (\(original.language)): the summary is this post's first paragraph"
                ))
            if let textSummary = rendered[post.id]?.textSummary { rendered[post.id]?.summary = textSummary }
        }
        let translations = PostCatalog.translations(
            of: uniquePosts(selections + (planned.plan.jekyllFeed.map { [$0] } ?? [])), among: candidates)

        // 3. Write every feed, except those a failed post belongs in when a good one is already published.
        let assembler = FeedAssembler(
            site: config, baseURL: options.baseURL ?? definitions.baseURL ?? FeedAssembler.defaultBaseURL(for: config),
            titles: definitions.titles)
        let publisher = Publisher(root: options.out, precompress: true)
        if !options.dryRun {
            do {
                try publisher.prepare()
            } catch {
                throw .publish(error)
            }
        }
        var outlines: [OPMLOutline] = []
        var listed: [Feed] = []
        var newest = Date(timeIntervalSince1970: 0)
        for selection in selections {
            // One feed at a time, its three documents in parallel: a feed of every post can be hundreds of
            // megabytes, so only one feed's documents are held at once.
            var feed = assembler.feed(for: selection, rendered: rendered, translations: translations)
            feed.serving = Self.serving(of: selection.scope, definitions: definitions)
            let affected = failures.filter { $0.belongs(in: selection) }
            var summary = BuildReport.FeedSummary(
                scope: selection.scope, posts: publishable.filter { selection.scope.contains($0) }.count,
                items: feed.items.count, files: [])
            summary.files = try await publish(
                feed, at: FeedDocument.allCases.map { $0.path(in: selection.scope) }, keeping: !affected.isEmpty,
                dryRun: options.dryRun, publisher: publisher, into: &report)
            // An archive page holds posts counted from the oldest: a failed post of the feed would move every
            // later post to another page, so the published pages stay as they are until it is fixed.
            let archiveAffected = failures.contains { $0.belongs(in: selection.scope) }
            for page in selection.archive {
                let paths = FeedDocument.allCases.map { $0.path(in: selection.scope, archivePage: page.number) }
                if archiveAffected && !options.dryRun && !publisher.exists(paths[0]) { continue }
                var pageFeed = assembler.feed(
                    for: selection, page: page, rendered: rendered, translations: translations)
                pageFeed.serving = Self.serving(of: selection.scope, archivePage: true, definitions: definitions)
                summary.files += try await publish(
                    pageFeed, at: paths, keeping: archiveAffected, dryRun: options.dryRun, publisher: publisher,
                    into: &report)
            }
            if !options.dryRun && !archiveAffected {
                do {
                    let removed = try publisher.removeArchivePages(
                        in: selection.scope.directory, keeping: selection.archive.count,
                        documents: FeedDocument.allCases.map { $0.path(in: .all) })
                    summary.files += removed.map { .init(path: $0, outcome: .removed) }
                } catch {
                    report.diagnostics.append(error.diagnostic)
                }
            }
            // A WebSub hub is told of the current documents that changed; archive pages are not subscribed to.
            for (position, file) in summary.files.prefix(FeedDocument.allCases.count).enumerated()
            where file.outcome == .written {
                report.changedURLs.append(FeedLinks.formats(of: feed.urls)[position].url)
            }
            if !affected.isEmpty && summary.files.contains(where: { $0.outcome == .kept }) {
                report.kept.append(.init(scope: selection.scope, missing: affected.map(\.path)))
            }
            report.feeds.append(summary)
            // OPML lists the feeds a reader can fetch: those whose files are published now.
            let current = FeedDocument.allCases.map { $0.path(in: selection.scope) }
            if !feed.items.isEmpty && (options.dryRun || publisher.existsAll(current)) {
                outlines.append(
                    OPMLOutline(
                        title: feed.title, language: feed.language, urls: feed.urls, homePageURL: feed.homePageURL))
                newest = max(newest, feed.updated)
                // The page shows a few items; a feed of every post can be hundreds of megabytes.
                var shown = feed
                shown.items = Array(feed.items.prefix(FeedIndexPage.latestCount))
                listed.append(shown)
            }
        }
        if let settings = definitions.jekyllFeed, let selection = planned.plan.jekyllFeed {
            let document = JekyllFeedDocument(settings: settings, site: config, siteVariables: parsed.siteVariables)
            let feed = document.feed(
                assembler.feed(for: selection, rendered: rendered, translations: translations), posts: selection.posts)
            let bytes: [UInt8]
            do {
                bytes = try AtomWriter.write(feed, generator: generator)
            } catch {
                throw .encoding(path: document.path, reason: String(describing: error))
            }
            let keeping = failures.contains { $0.belongs(in: selection) } && publisher.exists(document.path)
            if options.dryRun {
                report.extras.append(.init(path: document.path, outcome: .checked))
            } else if keeping {
                report.extras.append(.init(path: document.path, outcome: .kept))
            } else if !feed.items.isEmpty {
                do {
                    let outcome = try publisher.publish(bytes, to: document.path)
                    report.extras.append(
                        .init(path: document.path, outcome: outcome == .written ? .written : .unchanged))
                } catch {
                    report.diagnostics.append(error.diagnostic)
                    report.extras.append(.init(path: document.path, outcome: .failed))
                }
            }
        }
        var keptFolders = false
        if !options.dryRun {
            // A site without a single post file is more likely a wrong or half-updated checkout than a newsletter
            // that deleted every issue: nothing is removed then.
            keptFolders = removeStaleFeeds(
                built: report.feeds, failures: failures, removing: !site.postPaths.isEmpty, publisher: publisher,
                into: &report)
        }
        for format in OPMLFormat.allCases where !options.dryRun {
            if keptFolders && publisher.exists(format.fileName) {
                // A published language feed this build did not make (its posts are in a folder that could not be
                // read, say) stays, and so does the list that names it.
                report.opml.append(.init(path: format.fileName, outcome: .kept))
                continue
            }
            guard !outlines.isEmpty else { continue }
            let bytes: [UInt8]
            do {
                bytes = try OPMLWriter.write(
                    title: assembler.title(for: .all), outlines: outlines, format: format, dateCreated: newest)
            } catch {
                throw .encoding(path: format.fileName, reason: String(describing: error))
            }
            do {
                let outcome = try publisher.publish(bytes, to: format.fileName)
                report.opml.append(.init(path: format.fileName, outcome: outcome == .written ? .written : .unchanged))
            } catch {
                report.diagnostics.append(error.diagnostic)
                report.opml.append(.init(path: format.fileName, outcome: .failed))
            }
        }
        publishPages(
            title: assembler.title(for: .all), language: config.language ?? "en", feeds: listed, outlines: outlines,
            options: options, into: &report)
        report.diagnostics.sort {
            ($0.location.path, $0.location.line ?? 0) < ($1.location.path, $1.location.line ?? 0)
        }
        return report
    }

    /// Encodes `feed` and publishes its three documents at `paths` (`FeedDocument.allCases`' order) together: all
    /// new, or (a full disk, say) all as they were. With `keeping`, a document already published stays as it is.
    private func publish(
        _ feed: Feed, at paths: [String], keeping: Bool, dryRun: Bool, publisher: Publisher,
        into report: inout BuildReport
    ) async throws(BuildError) -> [BuildReport.FileResult] {
        let encoded = feed.items.isEmpty ? [] : await encodeDocuments(of: feed, paths: paths)
        var outcomes = [BuildReport.FileOutcome?](repeating: nil, count: paths.count)
        var toWrite: [(position: Int, path: String, bytes: [UInt8])] = []
        for (position, path) in paths.enumerated() {
            if !dryRun && keeping && publisher.exists(path) {
                outcomes[position] = .kept
            } else if feed.items.isEmpty {
                outcomes[position] = .skipped
            } else {
                let bytes = try encoded[position].get()
                if dryRun { outcomes[position] = .checked } else { toWrite.append((position, path, bytes)) }
            }
        }
        let written: [BuildReport.FileOutcome]
        do {
            written = try publisher.publish(toWrite.map { ($0.path, $0.bytes) }).map {
                $0 == .written ? .written : .unchanged
            }
        } catch {
            report.diagnostics.append(error.diagnostic)
            written = toWrite.map { _ in .failed }
        }
        for (file, outcome) in zip(toWrite, written) { outcomes[file.position] = outcome }
        return zip(paths, outcomes).map { .init(path: $0, outcome: $1 ?? .skipped) }
    }

    /// Removes the feeds of languages that no longer have a post, and of slices (a tag, say) no post has or the
    /// definitions no longer ask for: their files would otherwise stay published forever, absent from the OPML
    /// list. A language a failed post may belong to (an unreadable folder may hold any) keeps its feed, as a feed
    /// the failed post belongs in is kept; so does a slice of that language, or of every language, since the
    /// failed post's tags are not known.
    /// - Returns: whether such a feed was kept.
    private func removeStaleFeeds(
        built: [BuildReport.FeedSummary], failures: [FailedPost], removing: Bool, publisher: Publisher,
        into report: inout BuildReport
    ) -> Bool {
        var kept = false
        let documents = FeedDocument.allCases.map { $0.path(in: .all) }
        let current = Set(built.filter { $0.items > 0 }.map(\.scope.directory))
        let folders =
            // Slices first: a language's folder goes only once the slices in it are gone.
            publisher.publishedSliceFolders(kinds: SliceKind.allCases.map(\.rawValue), documents: documents)
            + publisher.publishedFeedFolders(documents: documents)
        for folder in folders where !current.contains(folder) {
            let slice = FeedSlice(directory: folder)
            let language = slice.map { $0.language } ?? folder
            let mayHoldFailed = failures.contains { failed in
                guard let language, let failedLanguage = failed.language else { return true }
                return failedLanguage.lowercased() == language
            }
            guard removing, !mayHoldFailed else {
                kept = true
                continue
            }
            do {
                let removed =
                    try publisher.removeArchivePages(in: folder, keeping: 0, documents: documents)
                    + publisher.removeFeed(in: folder, documents: documents)
                report.feeds.append(
                    .init(
                        scope: slice.map(FeedScope.slice) ?? .language(folder), posts: 0, items: 0,
                        files: removed.map { .init(path: $0, outcome: .removed) }))
            } catch {
                report.diagnostics.append(error.diagnostic)
            }
        }
        return kept
    }

    /// Takes the lock of the output folder `out` (its file `.feedgen.lock`), for a whole build or daemon.
    public static func lockOutput(_ out: URL, holder: String) throws(LockError) -> FolderLock {
        try FolderLock.acquire(out.appending(path: ".feedgen.lock"), holder: holder, what: "the output folder")
    }

    /// Every post the feeds carry, in their current documents or their archive pages, each once.
    private func uniquePosts(_ selections: [FeedSelection]) -> [Post] {
        var seen: Set<String> = []
        return selections.flatMap { $0.posts + $0.archive.flatMap(\.posts) }.filter { seen.insert($0.id).inserted }
    }

    /// The feed's documents, encoded in parallel; element `d` is `FeedDocument.allCases[d]`, published at `paths[d]`.
    private func encodeDocuments(of feed: Feed, paths: [String]) async -> [Result<[UInt8], BuildError>] {
        let documents = FeedDocument.allCases
        return await withTaskGroup(of: (Int, Result<[UInt8], BuildError>).self) { group in
            for (position, document) in documents.enumerated() {
                group.addTask {
                    let result: Result<[UInt8], BuildError>
                    do throws(BuildError) {
                        result = .success(try encode(feed, as: document, path: paths[position]))
                    } catch {
                        result = .failure(error)
                    }
                    return (position, result)
                }
            }
            var results = [Result<[UInt8], BuildError>](repeating: .success([]), count: documents.count)
            for await (position, result) in group { results[position] = result }
            return results
        }
    }

    private func encode(_ feed: Feed, as document: FeedDocument, path: String) throws(BuildError) -> [UInt8] {
        do {
            switch document {
            case .rss: return try RSSWriter.write(feed, generator: generator)
            case .atom: return try AtomWriter.write(feed, generator: generator)
            case .json: return try JSONFeedWriter.write(feed)
            }
        } catch {
            throw .encoding(path: path, reason: String(describing: error))
        }
    }
}

/// The three documents written for every feed.
enum FeedDocument: CaseIterable {
    case rss, atom, json

    func path(in scope: FeedScope) -> String {
        scope.directory.isEmpty ? name : scope.directory + "/" + name
    }

    /// The document of archive page `number` (1 the oldest): `archive/N/` in the feed's folder.
    func path(in scope: FeedScope, archivePage number: Int) -> String {
        String(path(in: scope).dropLast(name.count)) + "archive/\(number)/" + name
    }

    var name: String {
        switch self {
        case .rss: "rss.xml"
        case .atom: "atom.xml"
        case .json: "feed.json"
        }
    }
}

extension FeedScope {
    func contains(_ post: Post) -> Bool {
        switch self {
        case .all: post.collection == nil
        case .language(let tag): post.collection == nil && post.language == tag
        case .slice(let slice): slice.contains(post) && (slice.kind == .collections) == (post.collection != nil)
        }
    }

}

/// A build that could not run at all.
public enum BuildError: Error, CustomStringConvertible {
    case site(SiteReadError)
    case config(SiteConfigError)
    case encoding(path: String, reason: String)
    case publish(PublishError)
    case locked(LockError)

    public var description: String {
        switch self {
        case .site(let error): error.description
        case .config(let error): "\(error.file.rawValue)\(error.line.map { ":\($0)" } ?? ""): error: \(error)"
        case .encoding(let path, let reason): "\(path): error: cannot encode: \(reason)"
        case .publish(let error): error.description
        case .locked(let error): error.description
        }
    }
}
