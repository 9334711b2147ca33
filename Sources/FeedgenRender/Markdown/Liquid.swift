import FeedgenCore

/// Evaluates a post body's Liquid before Markdown, as Jekyll does ("Liquid is processed before Markdown"),
/// with the evaluator of `Liquid/`; what it cannot evaluate is removed with a warning at its line.
///
/// The site's two includes posts use most, `video` and `_image-with-caption.html`, are built in (see
/// `SiteIncludes`): their HTML, like highlighted code, is kept from cmark in `placeholders`.
struct Liquid {
    let context: RenderContext
    let lines: SourceLines

    /// The body with Liquid evaluated; HTML that cmark must not touch goes into `placeholders`.
    func render(_ source: String, placeholders: inout Placeholders, diagnostics: inout [Diagnostic]) -> String {
        guard source.containsBytes("{{") || source.containsBytes("{%") else { return source }
        let template = LiquidTemplate(source)
        var environment = context.liquid
        environment.maxOutputBytes = min(environment.maxOutputBytes, context.maxHTMLBytes)
        var evaluator = LiquidEvaluator(
            environment: environment, siteURL: context.siteURL, basePath: context.siteBasePath, page: context.page,
            placeholders: placeholders, builtinInclude: Self.builtinInclude, builtinProblem: Self.builtinProblem)
        let output = evaluator.render(template.nodes)
        placeholders = evaluator.placeholders
        let problems = (template.problems + evaluator.problems).sorted { $0.offset < $1.offset }
        for problem in problems {
            diagnostics.append(lines.warning(problem.message, line: lines.line(atUTF8Offset: problem.offset)))
        }
        return output
    }

    /// The HTML of a built-in include, or nil when `name` is not one.
    @Sendable static func builtinInclude(_ name: String, _ parameters: [String: String]) -> Placeholders.Piece? {
        switch name {
        case "video":
            guard let provider = SiteIncludes.VideoProvider(rawValue: parameters["provider"] ?? ""),
                let html = SiteIncludes.videoHTML(id: parameters["id"] ?? "", provider: provider)
            else { return nil }
            return .inline(html)
        case "_image-with-caption.html":
            guard let file = parameters["file"], !file.isEmpty else { return nil }
            return .block(
                SiteIncludes.figureHTML(
                    file: file, description: parameters["description"] ?? "", caption: parameters["caption"]))
        default:
            return nil
        }
    }

    /// Why a built-in include cannot be made from `parameters`; nil when it can, or `name` is not built in.
    @Sendable static func builtinProblem(_ name: String, _ parameters: [String: String]) -> String? {
        switch name {
        case "video" where builtinInclude(name, parameters) == nil:
            "include video needs an id and provider youtube or vimeo; removed"
        case "_image-with-caption.html" where builtinInclude(name, parameters) == nil:
            "include _image-with-caption.html without file; removed"
        default:
            nil
        }
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (newlines included).
    func trimmingCharacters() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
