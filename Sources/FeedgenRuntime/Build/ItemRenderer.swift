import FeedgenCore
import FeedgenRender
import Foundation

/// Reads chosen posts again in full and renders their HTML and summary, in parallel.
public struct ItemRenderer: Sendable {
    var site: URL
    var config: SiteConfig
    var siteVariables: [String: String]
    var summaryLength: Int
    /// What one post may cost; a post past a limit is not rendered.
    var limits: PostLimits
    /// Remembers rendered posts across builds (`feedgen watch`).
    var cache: RenderCache?
    /// Whether each result also carries the outline of the post's body (for the digest), taken from the
    /// text already read for rendering rather than from another read of the file.
    var outlines = false
    /// What posts' Liquid reads besides their front matter; nil: only `siteVariables`.
    var liquid: LiquidEnvironment?

    public init(
        site: URL, config: SiteConfig, siteVariables: [String: String], summaryLength: Int,
        limits: PostLimits = PostLimits(), cache: RenderCache? = nil, outlines: Bool = false,
        liquid: LiquidEnvironment? = nil
    ) {
        self.liquid = liquid
        self.site = site
        self.config = config
        self.siteVariables = siteVariables
        self.summaryLength = summaryLength
        self.limits = limits
        self.cache = cache
        self.outlines = outlines
    }

    public struct Result: Sendable {
        /// Nil when the post cannot be published.
        public var item: RenderedItem?
        public var diagnostics: [Diagnostic]
        /// The section headings and story titles of the body (see `DigestOutline`), when asked for.
        public var outline: [OutlineSection]? = nil
    }

    /// What `renderPlanned` settled on: the last plan, and every post rendered on the way with its result,
    /// in the order rendered.
    public struct Planned<Plan> {
        public var plan: Plan
        public var results: [(post: Post, result: Result)]
    }

    /// Plans, renders the planned posts not rendered yet, and, when some fail, plans again without them, until
    /// every post of a plan is rendered: the one loop of the build and the digest. A post is rendered once.
    public func renderPlanned<Plan>(
        _ candidates: [Post], plan: ([Post]) -> Plan, posts: (Plan) -> [Post]
    ) async -> Planned<Plan> {
        var candidates = candidates
        var rendered: Set<String> = []
        var all: [(post: Post, result: Result)] = []
        while true {
            let planned = plan(candidates)
            let wanted = posts(planned).filter { !rendered.contains($0.id) }
            let results = await render(wanted)
            var failed: Set<String> = []
            for (post, result) in zip(wanted, results) {
                all.append((post, result))
                if result.item == nil { failed.insert(post.id) } else { rendered.insert(post.id) }
            }
            if failed.isEmpty { return Planned(plan: planned, results: all) }
            candidates.removeAll { failed.contains($0.id) }
        }
    }

    /// Renders every post; `results[i]` belongs to `posts[i]`, so output does not depend on scheduling.
    public func render(_ posts: [Post]) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            for (index, post) in posts.enumerated() {
                group.addTask { (index, cache.map { $0.rendered(post.path) { render(post) } } ?? render(post)) }
            }
            var results = [Result](repeating: Result(item: nil, diagnostics: []), count: posts.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
    }

    func render(_ post: Post) -> Result {
        let text: String
        let sourceBytes: Int
        do {
            let bytes = try PostFileReader.readAll(site.appending(path: post.path), limit: limits.sourceBytes)
            sourceBytes = bytes.count
            text = try SourceText.decode(bytes).text
        } catch let error as SourceDecodingError {
            return Result(
                item: nil,
                diagnostics: [Diagnostic(.error, at: FileLocation(path: post.path, line: error.line), "\(error)")])
        } catch {
            return Result(item: nil, diagnostics: [Diagnostic(.error, at: FileLocation(path: post.path), "\(error)")])
        }
        // Titles were repaired when the front matter was read; the body's repairs are reported here.
        let repair = Mojibake.repair(text)
        guard let split = FrontMatter.split(repair.text) else {
            return Result(
                item: nil,
                diagnostics: [
                    Diagnostic(
                        .error, at: FileLocation(path: post.path, line: 1), "the front matter changed while building")
                ])
        }
        var context = RenderContext(
            sourcePath: post.path, bodyLine: split.bodyLine, siteURL: config.url + config.baseurl,
            postURL: post.url, siteVariables: siteVariables)
        context.maxHTMLBytes = limits.maxHTMLBytes(forSource: sourceBytes)
        if let liquid { context.liquid = liquid }
        // Only a body with Liquid reads `page`: the front matter is parsed again only then.
        if split.body.contains("{{") || split.body.contains("{%") {
            context.page = post.liquidValue(
                frontMatter: LiquidEnvironment.removingForbiddenCharacters(
                    (try? LiquidValue.parseYAML(String(split.yaml))) ?? .null),
                sitePrefix: config.url + config.baseurl)
        }
        do {
            let rendered = try PostRenderer.render(markdown: String(split.body), context: context)
            var diagnostics = rendered.diagnostics
            if let warning = repair.diagnostic(path: post.path, lines: split.bodyLine...) {
                diagnostics.insert(warning, at: 0)
            }
            let textSummary = Summary.plainText(fromHTML: rendered.html, limit: summaryLength)
            var summary = textSummary
            if let excerpt = post.excerpt {
                var excerptContext = context
                excerptContext.bodyLine = 1
                if let html = try? PostRenderer.render(markdown: excerpt, context: excerptContext).html {
                    summary = Summary.plainText(fromHTML: html, limit: summaryLength)
                }
            }
            if rendered.html.allSatisfy(\.isWhitespace) {
                diagnostics.append(
                    Diagnostic(
                        .error, at: FileLocation(path: post.path, line: split.bodyLine), "the post has no content"))
                return Result(item: nil, diagnostics: diagnostics)
            }
            return Result(
                item: RenderedItem(html: rendered.html, summary: summary, textSummary: textSummary),
                diagnostics: diagnostics, outline: outlines ? DigestOutline.parse(String(split.body)) : nil)
        } catch let error as HTMLSizeLimitError {
            let exceeded = PostLimits.Exceeded.html(
                bytes: error.bytes, limit: error.limit, source: sourceBytes, limits: limits)
            return Result(
                item: nil, diagnostics: [Diagnostic(.error, at: FileLocation(path: post.path), "\(exceeded)")])
        } catch {
            return Result(
                item: nil,
                diagnostics: [
                    Diagnostic(
                        .error, at: FileLocation(path: post.path, line: split.bodyLine), "cannot render: \(error)")
                ])
        }
    }
}
