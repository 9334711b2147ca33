import FeedgenCore

/// Where a post's body comes from and where it lives on the site, for resolving links and reporting.
public struct RenderContext: Sendable {
    /// The post's path as the user would type it, for diagnostics, e.g. `posts/_posts/2020-03-16-x.md`.
    public var sourcePath: String
    /// The 1-based line of the file where the body (the text after the front matter) starts.
    public var bodyLine: Int
    /// The site's `url` + `baseurl`, without a trailing slash, e.g. `https://x.org/blog`.
    public var siteURL: String
    /// The absolute URL of the post, e.g. `https://dair.ai/posts/NLP_Newsletter_NLP_7/`.
    public var postURL: String
    /// The scalars of `_config.yml`, flattened with dots: `url`, `baseurl`, `title`, `owner.name`, …
    public var siteVariables: [String: String]
    /// Rendering stops with `HTMLSizeLimitError` when the HTML (or the text Liquid makes) grows past this.
    public var maxHTMLBytes = Int.max
    /// The site, its data, includes and post URLs, for Liquid; by default `site` holds only `siteVariables`.
    public var liquid: LiquidEnvironment
    /// Liquid's `page`: the post's front matter and what Jekyll adds (`url`, `date`, ...).
    public var page: LiquidValue = .object(LiquidObject())

    public init(
        sourcePath: String, bodyLine: Int, siteURL: String, postURL: String, siteVariables: [String: String] = [:]
    ) {
        self.sourcePath = sourcePath
        self.bodyLine = bodyLine
        self.siteURL = siteURL
        self.postURL = postURL
        self.siteVariables = siteVariables
        liquid = LiquidEnvironment(site: LiquidEnvironment.site(fromFlattened: siteVariables))
        liquid.setDefaults(siteURL: siteURL)
    }

    /// The scheme and host (and port) of `siteURL`, e.g. `https://x.org`: what `/x` links are relative to.
    var siteOrigin: String { Self.origin(of: siteURL) }

    /// The scheme and host (and port) of `siteURL`.
    static func origin(of siteURL: String) -> String {
        guard let schemeEnd = siteURL.findBytes("://") else { return siteURL }
        let rest = siteURL[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        return String(siteURL[..<hostEnd])
    }

    /// The path part of `siteURL` (the baseurl), e.g. `/blog`, or empty.
    var siteBasePath: String { String(siteURL.dropFirst(siteOrigin.count)) }
}

/// A post's body as feed HTML, and what was changed or dropped on the way.
public struct RenderedHTML: Sendable, Equatable {
    public var html: String
    public var diagnostics: [Diagnostic]

    public init(html: String, diagnostics: [Diagnostic]) {
        self.html = html
        self.diagnostics = diagnostics
    }
}

/// Turns a Jekyll post's Markdown body (kramdown with Liquid) into the HTML of a feed item:
/// what the site shows, with absolute links, sanitized.
///
/// The steps: forbidden characters out; Liquid (as Jekyll, before Markdown); kramdown-only syntax
/// rewritten (`KramdownPreprocessor`); cmark-gfm; include HTML put back; libxml2 clean-up
/// (`HTMLCleaner`): sanitizing, absolute URLs, emoji, math, header ids.
public enum PostRenderer {
    /// Renders `markdown`, the body of the post described by `context`.
    public static func render(markdown: String, context: RenderContext) throws -> RenderedHTML {
        var diagnostics: [Diagnostic] = []
        var body = markdown.utf8.contains(13) ? markdown.replacingCRLF() : markdown
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lines = SourceLines(body: body, path: context.sourcePath, firstLine: context.bodyLine)
        let clean = TextCharacters.removingForbidden(from: body) { offset, scalar in
            diagnostics.append(
                lines.warning(
                    "removed character \(XMLSafeText.describe(scalar))",
                    line: lines.line(atUTF8Offset: offset)))
        }
        var placeholders = Placeholders()
        let liquid = Liquid(context: context, lines: lines)
        let evaluated = liquid.render(clean, placeholders: &placeholders, diagnostics: &diagnostics)
        try HTMLSizeLimitError.check(evaluated, limit: context.maxHTMLBytes)
        let commonMark = KramdownPreprocessor.process(evaluated, placeholders: &placeholders)
        let cmarkHTML = try CMark.renderHTML(commonMark)
        try HTMLSizeLimitError.check(cmarkHTML, limit: context.maxHTMLBytes)
        let rawHTML = placeholders.expandHTML(in: cmarkHTML)
        try HTMLSizeLimitError.check(rawHTML, limit: context.maxHTMLBytes)
        let resolver = URLResolver(siteOrigin: context.siteOrigin, postURL: context.postURL)
        let cleaner = HTMLCleaner(resolver: resolver, placeholders: placeholders, lines: lines)
        let html = try cleaner.clean(rawHTML)
        try HTMLSizeLimitError.check(html, limit: context.maxHTMLBytes)
        return RenderedHTML(html: html, diagnostics: diagnostics + cleaner.diagnostics)
    }
}

extension String {
    /// The text with CRLF and lone CR line ends turned into LF (kramdown and cmark read all three alike).
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { result.unicodeScalars.append(scalar) }
            previousWasCR = false
        }
        return result
    }
}
