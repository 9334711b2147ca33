import FeedgenCore
import Foundation

/// A post that could not be published, with what is known of where it would have gone.
struct FailedPost: Sendable {
    var path: String
    /// The date of its file name (or front matter, when it was read).
    var date: Date?
    /// Nil when not even the file name tells the language: then it may belong in any language's feed.
    var language: String?
    /// The collection of a document, nil for a post.
    var collection: String? = nil

    /// Whether this post would have been in the feed of `scope` at all (its archive pages included), had it not
    /// failed.
    func belongs(in scope: FeedScope) -> Bool {
        // A document is only in its collection's feeds, a post never.
        if case .slice(let slice) = scope, slice.kind == .collections {
            guard collection.map({ FeedSlice.slug(of: $0) == slice.slug }) ?? false else { return false }
        } else if collection != nil {
            return false
        }
        switch scope {
        case .all: return true
        case .language(let tag): return language.map { $0 == tag } ?? true
        // Its tags, categories and authors are not known: it may belong in any slice of its language.
        case .slice(let slice): return slice.language.flatMap { tag in language.map { $0 == tag } } ?? true
        }
    }

    /// Whether this post would have been in `selection`, had it not failed.
    func belongs(in selection: FeedSelection) -> Bool {
        guard belongs(in: selection.scope) else { return false }
        guard selection.isTruncated, let oldest = selection.posts.last?.date, let date else { return true }
        return date >= oldest
    }
}

/// Reads the front matter of every post of a site, in parallel, into `Post` values.
public enum PostCatalog {
    public struct Loaded: Sendable {
        public var posts: [Post] = []
        var failures: [FailedPost] = []
        public var diagnostics: [Diagnostic] = []
        public var unpublished = 0

        mutating func add(_ other: Loaded) {
            posts += other.posts
            failures += other.failures
            diagnostics += other.diagnostics
            unpublished += other.unpublished
        }
    }

    /// Loads every post; results keep the order of `site.postPaths` whatever order the tasks finish in.
    ///
    /// With `documents`, the site's collection documents (`SiteReader.Site.documents`) follow the posts, each with
    /// its `collection` set; a document without a date is dated `now`, as Jekyll dates it at the build, so
    /// documents are never taken from the cache.
    public static func load(
        site: SiteReader.Site, context: PostLoader.Context, limits: PostLimits = PostLimits(),
        cache: RenderCache? = nil, documents: Bool = false, now: Date = Date(timeIntervalSince1970: 0)
    ) async -> Loaded {
        let paths = site.postPaths
        let chunkSize = max(16, paths.count / (ProcessInfo.processInfo.activeProcessorCount * 8) + 1)
        let chunks = stride(from: 0, to: paths.count, by: chunkSize).map { $0..<min($0 + chunkSize, paths.count) }
        let parts = await withTaskGroup(of: (Int, Loaded).self) { group in
            for (index, range) in chunks.enumerated() {
                group.addTask {
                    var part = Loaded()
                    for path in paths[range] {
                        guard let cache else {
                            load(path, root: site.root, context: context, limits: limits, into: &part)
                            continue
                        }
                        part.add(
                            cache.loaded(path, root: site.root, limit: limits.sourceBytes) {
                                var one = Loaded()
                                load(path, root: site.root, context: context, limits: limits, into: &one)
                                return one
                            })
                    }
                    return (index, part)
                }
            }
            var parts = [Loaded](repeating: Loaded(), count: chunks.count)
            for await (index, part) in group { parts[index] = part }
            return parts
        }
        var total = parts.reduce(into: Loaded()) { total, part in total.add(part) }
        if documents {
            for document in site.documents {
                load(
                    document.path, root: site.root, context: context, limits: limits, into: &total,
                    collection: document.collection, now: now)
            }
        }
        for problem in site.problems { total.add(loaded(problem, context: context)) }
        total.diagnostics += PostID.disambiguate(&total.posts)
        return total
    }

    /// A folder that could not be listed may have held posts of any language and date: it counts as a failed
    /// post of every feed, so every published feed is kept. A file left out for its name counts where its name
    /// puts it. A skipped link is only a warning: it is left out by design.
    private static func loaded(_ problem: SiteReader.ListingProblem, context: PostLoader.Context) -> Loaded {
        var part = Loaded()
        let location = FileLocation(path: problem.path)
        switch problem.kind {
        case .link:
            part.diagnostics.append(Diagnostic(.warning, at: location, problem.reason))
        case .folder:
            part.diagnostics.append(Diagnostic(.error, at: location, problem.reason))
            part.failures.append(FailedPost(path: problem.path, date: nil, language: nil))
        case .file(let name):
            part.diagnostics.append(Diagnostic(.error, at: location, problem.reason))
            part.failures.append(
                FailedPost(
                    path: problem.path,
                    date: PostFilename.parse(name).flatMap {
                        JekyllDate.fromFilename($0, timeZone: context.site.timeZone)
                    },
                    language: failedLanguage(path: problem.path, fileName: name, context: context)))
        }
        return part
    }

    private static func load(
        _ path: String, root: URL, context: PostLoader.Context, limits: PostLimits, into part: inout Loaded,
        collection: JekyllCollection? = nil, now: Date = Date(timeIntervalSince1970: 0)
    ) {
        let fileName = String(path.split(separator: "/").last ?? "")
        guard let name = PostFilename.parse(fileName) ?? collection.flatMap({ _ in PostLoader.datelessName(fileName) })
        else {
            part.diagnostics.append(
                Diagnostic(
                    .warning, at: FileLocation(path: path),
                    "not a post: the name does not start with YYYY-MM-DD- (Jekyll ignores it too)"))
            return
        }
        guard PostFilename.isMarkdown(ext: name.ext) else {
            part.diagnostics.append(
                Diagnostic(
                    .warning, at: FileLocation(path: path),
                    "left out: '\(name.ext)' is not a Markdown extension feedgen renders"))
            return
        }
        func fail(_ diagnostic: Diagnostic) {
            part.diagnostics.append(diagnostic)
            part.failures.append(
                FailedPost(
                    path: path, date: JekyllDate.fromFilename(name, timeZone: context.site.timeZone),
                    language: failedLanguage(path: path, fileName: fileName, context: context),
                    collection: collection?.label))
        }
        // `2020-02-01-...md`: Jekyll drops the trailing periods, leaving an empty title, so the post would have no
        // id of its own (nor a URL of its own).
        guard !name.slug.isEmpty else {
            return fail(
                Diagnostic(
                    .error, at: FileLocation(path: path),
                    "left out: the file name has no title after the date; rename it"))
        }
        let url = root.appending(path: path)
        var head: String
        do {
            head = try SourceText.decode(PostFileReader.readHead(url, limit: limits.sourceBytes)).text
        } catch let error as SourceDecodingError {
            return fail(Diagnostic(.error, at: FileLocation(path: path, line: error.line), "\(error)"))
        } catch {
            return fail(Diagnostic(.error, at: FileLocation(path: path), "\(error)"))
        }
        let repair = Mojibake.repair(head)
        if let warning = repair.diagnostic(path: path) {
            part.diagnostics.append(warning)
            head = repair.text
        }
        let frontMatter: FrontMatter
        do {
            frontMatter = try FrontMatter.parse(head)
        } catch {
            if error.reason == .missing {
                part.diagnostics.append(
                    Diagnostic(
                        .warning, at: FileLocation(path: path, line: 1),
                        "not a post: no front matter ('---' block), so Jekyll copies it as a plain file"))
                return
            }
            return fail(
                Diagnostic(.error, at: FileLocation(path: path, line: error.line, column: error.column), "\(error)"))
        }
        // Only read when neither front matter, file name nor title tells the language, and then only for the
        // script its letters are written in: 8 KiB past the front matter are a fair sample, and a character cut
        // in two at the end (decoded as U+FFFD) does not change the count. A rendered post is read again whole.
        let headLength = head.utf8.count
        let body = { () -> String in
            guard let bytes = try? PostFileReader.readPrefix(url, count: headLength + 8 * 1024) else { return "" }
            let text = Mojibake.repair(SourceText.decodeSample(bytes)).text
            return FrontMatter.split(text).map { String($0.body) } ?? ""
        }
        switch PostLoader.load(
            relativePath: path, frontMatter: frontMatter, body: body, context: context, collection: collection,
            now: now)
        {
        case .post(var post, let warnings):
            part.diagnostics += warnings
            if let media = post.media {
                if let length = mediaLength(root.appending(path: media.path)) {
                    post.enclosure = Enclosure(url: media.url, type: media.type, length: length)
                } else {
                    part.diagnostics.append(
                        Diagnostic(
                            .warning, at: FileLocation(path: path, line: media.line),
                            "no enclosure: '\(media.path)' is not a file of the site"))
                }
            }
            part.posts.append(post)
        case .unpublished:
            part.unpublished += 1
        case .failed(let diagnostic):
            fail(diagnostic)
        }
    }

    /// The size of the regular file at `url`; nil when it is missing, a folder or a link (Jekyll's safe mode
    /// publishes no link).
    private static func mediaLength(_ url: URL) -> Int? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The language a file name alone says, for placing a post whose front matter could not be read (after its
    /// folder's).
    /// The language a post that failed to load would have had, as far as its path tells: its language folder,
    /// else the markers of its file name.
    private static func failedLanguage(path: String, fileName: String, context: PostLoader.Context) -> String? {
        context.site.folderLanguage(ofPath: path) ?? languageFromName(fileName, rules: context.languages)
    }

    private static func languageFromName(_ fileName: String, rules: LanguageRules) -> String? {
        let decision = LanguageDetector.detect(
            frontMatter: nil, fileName: fileName, title: "", body: { "" }, siteDefault: "", rules: rules)
        if case .marker = decision.reason { return decision.language }
        return nil
    }

    /// For every post in `selected`, its translations: the other languages' posts of the same issue in `posts`.
    static func translations(of selected: [Post], among posts: [Post]) -> [String: [Translation]] {
        func candidate(_ post: Post) -> TranslationLinker.Candidate {
            TranslationLinker.Candidate(
                id: post.id, issue: post.issue, language: post.language, url: post.url, title: post.title,
                date: post.date, keys: post.translationKeys)
        }
        return TranslationLinker.translations(of: selected.map(candidate), among: posts.map(candidate))
    }
}
