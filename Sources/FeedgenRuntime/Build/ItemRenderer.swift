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

    public init(
        site: URL, config: SiteConfig, siteVariables: [String: String], summaryLength: Int,
        limits: PostLimits = PostLimits(), cache: RenderCache? = nil
    ) {
        self.site = site
        self.config = config
        self.siteVariables = siteVariables
        self.summaryLength = summaryLength
        self.limits = limits
        self.cache = cache
    }

    public struct Result: Sendable {
        /// Nil when the post cannot be published.
        public var item: RenderedItem?
        public var diagnostics: [Diagnostic]
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
                diagnostics: diagnostics)
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
