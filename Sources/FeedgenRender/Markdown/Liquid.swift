import FeedgenCore

/// Evaluates the little Liquid a post body uses, before Markdown, as Jekyll does.
///
/// Jekyll renders Liquid over the whole body, code included ("Liquid is processed before Markdown"),
/// so `{{ site.* }}` is replaced and tags are dropped everywhere; only `{% raw %}…{% endraw %}` keeps
/// its content as written (it is still Markdown afterwards). Supported:
/// - `{{ site.X }}` from the site variables, with the filters `relative_url`, `absolute_url`,
///   `append`, `prepend`, `default`, `strip`, `escape`/`xml_escape`;
/// - `{% include video … %}` and `{% include _image-with-caption.html … %}` (see `SiteIncludes`);
/// - `{% raw %}` and `{% comment %}`.
/// Anything else is removed with a warning at its line.
struct Liquid {
    let context: RenderContext
    let lines: SourceLines

    /// The body with Liquid evaluated; include output goes into `placeholders`.
    func render(_ source: String, placeholders: inout Placeholders, diagnostics: inout [Diagnostic]) -> String {
        guard source.containsBytes("{{") || source.containsBytes("{%") else { return source }
        var output = ""
        output.reserveCapacity(source.utf8.count)
        var index = source.startIndex
        while let open = nextDelimiter(in: source, from: index) {
            output += source[index..<open]
            let line = lines.line(atUTF8Offset: source.utf8.distance(from: source.startIndex, to: open))
            let isTag = source[source.index(after: open)] == "%"
            let closer = isTag ? "%}" : "}}"
            let bodyStart = source.index(open, offsetBy: 2)
            guard let close = source.findBytes(closer, from: bodyStart) else {
                diagnostics.append(
                    lines.warning(
                        "unclosed Liquid \(isTag ? "tag" : "output"); its '\(isTag ? "{%" : "{{")' was removed",
                        line: line))
                index = bodyStart
                continue
            }
            let body = Self.stripWhitespaceControl(source[bodyStart..<close.lowerBound])
            index = close.upperBound
            if !isTag {
                output += evaluate(output: body, line: line, diagnostics: &diagnostics)
                continue
            }
            let name = body.prefix { !$0.isWhitespace }
            let arguments = body.dropFirst(name.count).trimmingCharacters()
            switch name {
            case "raw", "comment":
                let (content, after) = Self.block(in: source, from: index, endTag: "end\(name)")
                if name == "raw" { output += content }
                index = after
            case "include":
                output += include(
                    arguments, line: line, atLineStart: Self.standsAlone(source, open, close.upperBound),
                    placeholders: &placeholders, diagnostics: &diagnostics)
            default:
                diagnostics.append(lines.warning("unsupported Liquid tag '{% \(body) %}' removed", line: line))
            }
        }
        return output + source[index...]
    }

    /// The next `{{` or `{%` at or after `from`.
    private func nextDelimiter(in source: String, from: String.Index) -> String.Index? {
        var cursor = from
        while let brace = source.utf8[cursor...].firstIndex(of: UInt8(ascii: "{")) {
            let next = source.index(after: brace)
            guard next < source.endIndex else { return nil }
            if source[next] == "{" || source[next] == "%" { return brace }
            cursor = next
        }
        return nil
    }

    /// Liquid's `{%-`/`-%}` whitespace control markers are dropped; the body is trimmed.
    private static func stripWhitespaceControl(_ body: Substring) -> Substring {
        var trimmed = body
        if trimmed.hasPrefix("-") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("-") { trimmed = trimmed.dropLast() }
        return trimmed.trimmingCharacters()
    }

    /// The text up to `{% endTag %}` and the index after that tag (the end of the text when unclosed).
    private static func block(in source: String, from start: String.Index, endTag: String) -> (Substring, String.Index)
    {
        var cursor = start
        while let open = source.findBytes("{%", from: cursor) {
            guard let close = source.findBytes("%}", from: open.upperBound) else { break }
            if stripWhitespaceControl(source[open.upperBound..<close.lowerBound]) == endTag {
                return (source[start..<open.lowerBound], close.upperBound)
            }
            cursor = open.upperBound
        }
        return (source[start...], source.endIndex)
    }

    /// Whether the tag from `start` to `end` is alone on its line(s), starting at column 0.
    private static func standsAlone(_ source: String, _ start: String.Index, _ end: String.Index) -> Bool {
        let lineStart = start == source.startIndex || source[source.index(before: start)] == "\n"
        let rest = source[end...].prefix { $0 != "\n" }
        return lineStart && rest.allSatisfy { $0 == " " || $0 == "\t" }
    }

    // MARK: Output

    /// Evaluates `{{ body }}`: a `site.` variable or a quoted string, then its filters.
    func evaluate(output body: Substring, line: Int, diagnostics: inout [Diagnostic]) -> String {
        let parts = Self.splitOutsideQuotes(body, separator: "|")
        guard let head = parts.first?.trimmingCharacters(), let resolved = value(of: head) else {
            diagnostics.append(
                lines.warning("cannot evaluate Liquid output '{{ \(body) }}'; it was removed", line: line))
            return ""
        }
        var result = ""
        if let known = resolved {
            result = known
        } else {
            diagnostics.append(
                lines.warning("unknown Liquid variable '\(head)'; it was replaced by nothing", line: line))
        }
        for filter in parts.dropFirst() {
            result = apply(filter: filter.trimmingCharacters(), to: result, line: line, diagnostics: &diagnostics)
        }
        return result
    }

    /// `nil` when `expression` is not something this evaluator reads; `.some(nil)` for an unknown variable.
    private func value(of expression: Substring) -> String?? {
        if let literal = Self.unquote(expression) { return .some(literal) }
        guard expression.hasPrefix("site."),
            expression.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." })
        else { return nil }
        let key = String(expression.dropFirst(5))
        if let found = context.siteVariables[key] { return .some(found) }
        switch key {
        case "url": return .some(context.siteOrigin)
        case "baseurl": return .some("")  // Jekyll's default baseurl is empty.
        default: return .some(nil)
        }
    }

    private func apply(filter: Substring, to input: String, line: Int, diagnostics: inout [Diagnostic]) -> String {
        let rawName = filter.prefix { $0 != ":" }
        let name = rawName.trimmingCharacters()
        let argument = filter.dropFirst(rawName.count).drop { $0 == ":" || $0 == " " }
        let text = value(of: argument.trimmingCharacters()).flatMap { $0 } ?? ""
        switch name {
        case "relative_url": return context.siteBasePath + (input.hasPrefix("/") ? input : "/" + input)
        case "absolute_url": return context.siteURL + (input.hasPrefix("/") ? input : "/" + input)
        case "append": return input + text
        case "prepend": return text + input
        case "default": return input.isEmpty ? text : input
        case "strip": return String(input.trimmingCharacters())
        case "escape", "xml_escape": return HTMLEscape.escape(input)
        default:
            diagnostics.append(lines.warning("unsupported Liquid filter '\(name)' ignored", line: line))
            return input
        }
    }

    // MARK: Include

    private func include(
        _ arguments: Substring, line: Int, atLineStart: Bool,
        placeholders: inout Placeholders, diagnostics: inout [Diagnostic]
    ) -> String {
        let name = arguments.prefix { !$0.isWhitespace }
        let parameters = includeParameters(arguments.dropFirst(name.count))
        let piece: Placeholders.Piece
        switch name {
        case "video":
            guard let provider = SiteIncludes.VideoProvider(rawValue: parameters["provider"] ?? ""),
                let html = SiteIncludes.videoHTML(id: parameters["id"] ?? "", provider: provider)
            else {
                diagnostics.append(
                    lines.warning("include video needs an id and provider youtube or vimeo; removed", line: line))
                return ""
            }
            piece = .inline(html)
        case "_image-with-caption.html":
            guard let file = parameters["file"], !file.isEmpty else {
                diagnostics.append(lines.warning("include _image-with-caption.html without file; removed", line: line))
                return ""
            }
            piece = .block(
                SiteIncludes.figureHTML(
                    file: file, description: parameters["description"] ?? "",
                    caption: parameters["caption"]))
        default:
            diagnostics.append(lines.warning("unsupported include '\(name)' removed", line: line))
            return ""
        }
        let token = placeholders.add(piece)
        return atLineStart ? "\n\n\(token)\n\n" : token
    }

    /// `key="value" key='value' key=value` of an include; unquoted values may name a site variable.
    private func includeParameters(_ text: Substring) -> [String: String] {
        Self.parameters(text, lookup: { value(of: $0) ?? nil })
    }

    private static func parameters(_ text: Substring, lookup: ((Substring) -> String?)? = nil) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text.trimmingCharacters()
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters()
            var after = rest[rest.index(after: equals)...].drop { $0 == " " }
            let value: Substring
            if let quote = after.first, quote == "\"" || quote == "'" {
                after = after.dropFirst()
                let end = after.firstIndex(of: quote) ?? after.endIndex
                value = after[..<end]
                rest = end < after.endIndex ? after[after.index(after: end)...] : after[end...]
            } else {
                let end = after.firstIndex(where: \.isWhitespace) ?? after.endIndex
                let word = after[..<end]
                value = lookup?(word).map { Substring($0) } ?? word
                rest = after[end...]
            }
            result[String(key)] = String(value)
            rest = rest.trimmingCharacters()
        }
        return result
    }

    private static func unquote(_ text: Substring) -> String? {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return nil
        }
        return String(text.dropFirst().dropLast())
    }

    private static func splitOutsideQuotes(_ text: Substring, separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var quote: Character?
        var start = text.startIndex
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
        }
        parts.append(text[start...])
        return parts
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
