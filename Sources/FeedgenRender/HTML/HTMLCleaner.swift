import Clibxml2
import FeedgenCore

/// Cleans the HTML cmark made of a post with libxml2: sanitizes it for feed readers, makes every URL
/// absolute, and finishes the text (emoji, math, kramdown-style header ids).
///
/// One cleaner serves one post: it collects that post's diagnostics and header ids.
final class HTMLCleaner {
    /// Elements removed with everything inside them: they run code, load or submit things, or only
    /// make sense to a browser's page (`<meta>`, `<base>`). Feed readers strip them anyway.
    static let droppedElements: Set<String> = [
        "script", "style", "object", "embed", "applet", "param", "form", "input", "button", "select",
        "textarea", "meta", "link", "base", "iframe", "frame", "frameset", "noframes", "noscript",
        "template", "svg", "math", "title", "isindex",
    ]
    /// Elements replaced by their content: `<plaintext>` would make a reader show the rest of the item, and
    /// `<xmp>` the rest of its element, tags included, as text.
    static let unwrappedElements: Set<String> = ["plaintext", "xmp"]
    /// Elements that never have content in HTML.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Attributes holding one URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "poster", "cite", "action", "background", "longdesc", "data", "usemap", "xlink:href",
    ]
    /// Attributes removed because they act (`formaction`, `ping`), embed a document (`srcdoc`) or load
    /// what old browsers ran (`lowsrc`, `dynsrc`).
    static let droppedAttributes: Set<String> = ["formaction", "srcdoc", "ping", "lowsrc", "dynsrc"]
    /// Elements a `<p>` cannot hold (HTML: "a p element's end tag may be omitted if … followed by" them).
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu",
        "nav", "ol", "p", "pre", "section", "table", "ul",
    ]
    static let codeElements: Set<String> = ["code", "pre", "kbd", "samp", "tt"]

    let resolver: URLResolver
    let placeholders: Placeholders
    let lines: SourceLines
    private(set) var diagnostics: [Diagnostic] = []
    private var usedHeaderIDs: [String: Int] = [:]
    private var searchCursors: [String: Int] = [:]
    private var document: htmlDocPtr?

    init(resolver: URLResolver, placeholders: Placeholders, lines: SourceLines) {
        self.resolver = resolver
        self.placeholders = placeholders
        self.lines = lines
    }

    /// The cleaned, serialized fragment.
    func clean(_ html: String) throws -> String {
        let fragment = try HTMLFragment(html: html)
        document = fragment.document
        defer { document = nil }
        if fragment.flattenDeepElements() {
            warn("flattened markup nested more than \(HTMLFragment.maxDepth) levels deep", searching: nil)
        }
        cleanChildren(of: fragment.body, inCode: false, inLink: false)
        return try fragment.serialize().trimmingCharacters()
    }

    private func cleanChildren(of parent: xmlNodePtr, inCode: Bool, inLink: Bool) {
        var child = parent.pointee.children
        while let node = child {
            child = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                cleanElement(node, inCode: inCode, inLink: inLink)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                cleanText(node, inCode: inCode)
            default:
                // Comments (the corpus comments out whole paragraphs), processing instructions, DTD
                // pieces: not content.
                remove(node)
            }
        }
    }

    private func cleanElement(_ node: xmlNodePtr, inCode: Bool, inLink: Bool) {
        let name = node.name.lowercased()
        if Self.droppedElements.contains(name) {
            if name == "iframe", let replacement = videoLink(for: node) {
                // A paragraph of its own when the player stood between blocks.
                if node.pointee.parent.map({ $0.name == "body" || $0.name == "div" }) ?? false,
                    let paragraph = xmlNewDocNode(document, nil, "p", nil)
                {
                    xmlAddChild(paragraph, replacement)
                    xmlAddPrevSibling(node, paragraph)
                } else {
                    xmlAddPrevSibling(node, replacement)
                }
                skip("<iframe")
            } else {
                warn("removed <\(name)> element", searching: "<\(name)")
            }
            if Self.voidElements.contains(name) {
                // libxml2's HTML 4 tables let some void elements (`<embed>`) swallow what follows them.
                cleanChildren(of: node, inCode: inCode, inLink: inLink)
                unwrap(node)
            } else {
                remove(node)
            }
            return
        }
        if Self.unwrappedElements.contains(name) {
            warn("removed <\(name)> tag, kept its content", searching: "<\(name)")
            cleanChildren(of: node, inCode: inCode, inLink: inLink)
            unwrap(node)
            return
        }
        cleanAttributes(of: node, element: name)
        let code = inCode || Self.codeElements.contains(name)
        cleanChildren(of: node, inCode: code, inLink: inLink || name == "a")
        if name == "a" && inLink {
            // HTML: an <a> inside an <a> ends the outer one; keep the text, lose the inner link.
            unwrap(node)
            return
        }
        if name == "p" && node.pointee.children == nil {
            // libxml2 leaves `<p></p>` behind when it closes a paragraph before a block (`<p><div>`).
            remove(node)
            return
        }
        if name == "p" && node.elementChildren.contains(where: { Self.blockElements.contains($0.name) }) {
            // A block inside <p> would end the paragraph early in an HTML5 parser, orphaning its </p>.
            xmlNodeSetName(node, "div")
        }
        if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level),
            xmlHasProp(node, "id") == nil
        {
            xmlSetProp(node, "id", headerID(for: node.textContent))
        }
    }

    private func cleanAttributes(of node: xmlNodePtr, element: String) {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let name = current.name
            let value = current.value
            if name.hasPrefix("on") || Self.droppedAttributes.contains(name) {
                warn("removed \(name) attribute from <\(element)>", searching: name)
                xmlRemoveProp(current)
            } else if name == "style" {
                // Feed readers strip inline styles; kept out so every reader shows the same thing.
                xmlRemoveProp(current)
            } else if Self.urlAttributes.contains(name) {
                switch resolver.resolve(
                    placeholders.restoreText(in: value) { String($0) },
                    allowsDataImage: element == "img" && name == "src")
                {
                case .keep(let resolved):
                    if resolved != value { xmlSetProp(node, name, resolved) }
                case .unsafe(let scheme):
                    warn("removed \(scheme): URL from <\(element) \(name)>", searching: "\(scheme):")
                    xmlRemoveProp(current)
                }
            } else if name == "srcset" {
                let (resolved, unsafe) = resolver.resolveSrcset(value)
                for scheme in unsafe {
                    warn("removed \(scheme): URL from <\(element) srcset>", searching: "\(scheme):")
                }
                xmlSetProp(node, name, resolved)
            } else {
                let restored = TextCharacters.removingForbidden(
                    from: placeholders.restoreText(in: value) { String($0) }
                ) { _, _ in }
                if restored != value { xmlSetProp(node, name, restored) }
            }
        }
    }

    private func cleanText(_ node: xmlNodePtr, inCode: Bool) {
        let text = node.content
        // Tokens are noncharacters, so restore them first; what is left between them is checked.
        let cleaned = placeholders.restoreText(in: text) { part in
            var prose = TextCharacters.removingForbidden(from: String(part)) { _, scalar in
                let code = String(scalar.value, radix: 16, uppercase: true)
                warn("removed character U+\(code), which XML 1.0 forbids", searching: nil)
            }
            if !inCode && prose.containsBytes("***") { prose = Self.removingStrayAsterisks(prose) }
            return inCode ? prose : Emoji.replaceShortcodes(in: prose[...])
        }
        if cleaned != text { xmlNodeSetContent(node, cleaned) }
    }

    /// `text` without runs of three or more `*`.
    ///
    /// After cmark, such a run left in text is emphasis that never closed (`**Name**](url) ****—`
    /// in the corpus): residue the site shows but no reader can use.
    static func removingStrayAsterisks(_ text: String) -> String {
        var result = ""
        var run = 0
        for character in text {
            if character == "*" {
                run += 1
                continue
            }
            if run > 0 && run < 3 { result += String(repeating: "*", count: run) }
            run = 0
            result.append(character)
        }
        if run > 0 && run < 3 { result += String(repeating: "*", count: run) }
        return result
    }

    /// A link to the video that an embedded YouTube or Vimeo player shows, or nil for other iframes.
    private func videoLink(for iframe: xmlNodePtr) -> xmlNodePtr? {
        guard let source = xmlHasProp(iframe, "src")?.value,
            let video = SiteIncludes.video(fromPlayerURL: source),
            let html = SiteIncludes.videoHTML(id: video.id, provider: video.provider),
            let fragment = try? HTMLFragment(html: html),
            let link = fragment.body.pointee.children,
            let copy = xmlDocCopyNode(link, document, 1)
        else { return nil }
        return copy
    }

    /// kramdown's `auto_ids`: "all characters except letters, numbers, spaces and dashes are removed,
    /// … spaces are replaced with dashes, … converted to lowercase"; leading non-letters dropped;
    /// `section` when nothing is left; a repeated id gets `-1`, `-2`, ….
    private func headerID(for text: String) -> String {
        var id = ""
        for scalar in text.unicodeScalars.drop(while: { !$0.isASCIILetter }) {
            if scalar.isASCIILetter || (scalar >= "0" && scalar <= "9") || scalar == "-" {
                id.unicodeScalars.append(scalar)
            } else if scalar == " " {
                id.append("-")
            }
        }
        id = id.lowercased()
        if id.isEmpty { id = "section" }
        if let count = usedHeaderIDs[id] {
            usedHeaderIDs[id] = count + 1
            return "\(id)-\(count + 1)"
        }
        usedHeaderIDs[id] = 0
        return id
    }

    /// Records a warning at the source line where `needle` next appears (case-insensitive).
    private func warn(_ message: String, searching needle: String?) {
        var line: Int?
        if let needle {
            let key = needle.lowercased()
            if let found = lines.find(key, from: searchCursors[key] ?? 0) {
                line = found.line
                searchCursors[key] = found.next
            }
        }
        diagnostics.append(lines.warning(message, line: line))
    }

    /// Moves the source search for `needle` past its next occurrence (an element that was converted).
    private func skip(_ needle: String) {
        let key = needle.lowercased()
        if let found = lines.find(key, from: searchCursors[key] ?? 0) { searchCursors[key] = found.next }
    }

    private func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Replaces `node` by its children.
    private func unwrap(_ node: xmlNodePtr) {
        while let inner = node.pointee.children {
            xmlUnlinkNode(inner)
            xmlAddPrevSibling(node, inner)
        }
        remove(node)
    }
}

extension Unicode.Scalar {
    /// Whether this is one of the ASCII letters A–Z, a–z.
    var isASCIILetter: Bool { (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") }
}
