import FeedgenCore
import FeedgenRender
import Foundation

/// Reads what a digest needs from a site: every publishable post, then the summary and outline of the
/// few posts a digest carries.
public struct DigestSource: Sendable {
    public var config: SiteConfig
    /// Every post Jekyll would publish at `now`.
    public var posts: [Post]
    /// Problems found while reading front matter (reported, the post left out).
    public var diagnostics: [Diagnostic]
    var root: URL
    var renderer: ItemRenderer

    /// Reads the site's configuration and every post's front matter.
    public static func load(site root: URL, definitions: FeedDefinitions, now: Date) async throws(BuildError)
        -> DigestSource
    {
        let loadedSite = try SiteReader.load(root: root)
        let (site, parsed) = (loadedSite.site, loadedSite.parsed)
        let context = PostLoader.Context(
            site: parsed.config, languages: definitions.languages, issues: definitions.issues)
        let loaded = await PostCatalog.load(site: site, context: context, limits: definitions.postLimits)
        let publishable = FeedPlanner.publishable(loaded.posts, now: now, future: false)
        let liquid = SiteReader.liquidEnvironment(site: site, config: parsed.config, posts: publishable, now: now)
        let renderer = ItemRenderer(
            site: site.root, config: parsed.config, siteVariables: parsed.siteVariables,
            summaryLength: definitions.summaryLength, limits: definitions.postLimits, outlines: true,
            liquid: liquid.environment)
        return DigestSource(
            config: parsed.config, posts: publishable, diagnostics: loaded.diagnostics + liquid.diagnostics,
            root: site.root, renderer: renderer)
    }

    /// A digest's plan with the summary and outline of each post it carries.
    public struct Composed: Sendable {
        public var plan: DigestPlan
        public var contents: [String: DigestContent]
        /// Rendering problems; a post that cannot be rendered is left out of this digest (and not recorded as
        /// sent, so the digest after it is fixed carries it).
        public var diagnostics: [Diagnostic]
    }

    /// Plans the digest (see `DigestComposer.plan`) and reads the bodies of the posts it carries.
    public func compose(
        window: DigestWindow, sent: Set<String>, floor: Date?, language: String?
    ) async -> Composed {
        let planned = await renderer.renderPlanned(
            posts,
            plan: {
                DigestComposer.plan(
                    posts: $0, window: window, sent: sent, floor: floor, language: language,
                    preferredLanguage: config.language)
            }, posts: \.posts)
        var contents: [String: DigestContent] = [:]
        var diagnostics: [Diagnostic] = []
        for (post, result) in planned.results {
            diagnostics += result.diagnostics
            if let item = result.item {
                contents[post.id] = DigestContent(summary: item.summary, outline: result.outline ?? [])
            }
        }
        return Composed(plan: planned.plan, contents: contents, diagnostics: diagnostics)
    }
}
