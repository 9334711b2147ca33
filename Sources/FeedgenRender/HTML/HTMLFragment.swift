import Clibxml2

/// An HTML fragment parsed by libxml2's HTML parser, owning the document until it is released.
///
/// The fragment is parsed inside `<body><div data-feedgen-root>` so that libxml2 neither wraps
/// leading text in an implied `<p>` nor moves anything to `<head>`; `nodes` are the fragment's
/// top-level nodes (the wrapper is taken apart after parsing).
final class HTMLFragment {
    let document: htmlDocPtr
    let body: xmlNodePtr

    /// `XML_PARSE_HUGE` lifts the depth limit that would cut off content nested 256 levels deep and all
    /// after it (`flattenDeepElements` then takes the nesting out); a post's HTML is already bounded by
    /// `RenderContext.maxHTMLBytes`.
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)

    private static let rootMarker = "data-feedgen-root"

    /// Parses `html` (UTF-8); throws with libxml2's own message when it produces no document.
    init(html: String) throws {
        LibXML2.initialize()
        guard let context = htmlNewParserCtxt() else {
            throw RenderError.libxml2(call: "htmlNewParserCtxt", message: "")
        }
        defer { htmlFreeParserCtxt(context) }
        var source = "<html><body><div \(Self.rootMarker)>" + html + "</div></body></html>"
        let parsed = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", Self.options)
            }
        }
        guard let parsed else {
            throw RenderError.libxml2(call: "htmlCtxtReadMemory", message: Self.lastError(of: context))
        }
        guard let body = Self.findBody(in: parsed) else {
            xmlFreeDoc(parsed)
            throw RenderError.libxml2(call: "htmlCtxtReadMemory", message: "the parsed document has no <body>")
        }
        document = parsed
        self.body = body
        unwrapRoot()
    }

    deinit { xmlFreeDoc(document) }

    /// libxml2's message for the context's last error, trimmed.
    private static func lastError(of context: htmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return "" }
        let text = String(cString: message).trimmingCharacters()
        return error.pointee.line > 0 ? "line \(error.pointee.line): \(text)" : text
    }

    private static func findBody(in document: htmlDocPtr) -> xmlNodePtr? {
        var html = document.pointee.children
        while let node = html, !(node.pointee.type == XML_ELEMENT_NODE && node.name == "html") {
            html = node.pointee.next
        }
        var child = html?.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE && node.name == "body" { return node }
            child = node.pointee.next
        }
        return nil
    }

    /// Replaces the wrapper `<div>` by its children.
    private func unwrapRoot() {
        var child = body.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE, node.name == "div",
                xmlHasProp(node, Self.rootMarker) != nil
            else { continue }
            while let inner = node.pointee.children {
                xmlUnlinkNode(inner)
                xmlAddPrevSibling(node, inner)
            }
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }

    /// Every attribute of every element, in document order, as (element, attribute, value).
    func attributes() -> [(element: String, name: String, value: String)] {
        var found: [(String, String, String)] = []
        func visit(_ node: xmlNodePtr) {
            for element in node.elementChildren {
                var attribute = element.pointee.properties
                while let current = attribute {
                    found.append((element.name, current.name, current.value))
                    attribute = current.pointee.next
                }
                visit(element)
            }
        }
        visit(body)
        return found
    }

    /// The fragment serialized as HTML (void elements as `<br>`, UTF-8 text kept as is).
    func serialize() throws -> String {
        guard let buffer = xmlBufferCreate() else { throw RenderError.libxml2(call: "xmlBufferCreate", message: "") }
        defer { xmlBufferFree(buffer) }
        guard let output = xmlOutputBufferCreateBuffer(buffer, nil) else {
            throw RenderError.libxml2(call: "xmlOutputBufferCreateBuffer", message: "")
        }
        var child = body.pointee.children
        while let node = child {
            // format 0: no added newlines, so text (and <pre>) keeps its exact whitespace.
            htmlNodeDumpFormatOutput(output, document, node, "UTF-8", 0)
            child = node.pointee.next
        }
        let status = xmlOutputBufferClose(output)
        guard status >= 0 else { throw RenderError.libxml2(call: "xmlOutputBufferClose", message: "error \(status)") }
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The element's name (libxml2's HTML parser lowercases it).
    var name: String { pointee.name.map { String(cString: $0) } ?? "" }

    /// The text content of a text or comment node.
    var content: String { pointee.content.map { String(cString: $0) } ?? "" }

    /// The concatenated text of this node and its descendants.
    var textContent: String {
        if pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE { return content }
        var text = ""
        var child = pointee.children
        while let node = child {
            if node.pointee.type != XML_COMMENT_NODE { text += node.textContent }
            child = node.pointee.next
        }
        return text
    }

    /// The element children of this node.
    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(node) }
            child = node.pointee.next
        }
        return result
    }
}

extension UnsafeMutablePointer where Pointee == xmlAttr {
    /// The attribute's (lowercased) name.
    var name: String { pointee.name.map { String(cString: $0).lowercased() } ?? "" }

    /// The attribute's value, read from its text children without allocating through libxml2.
    var value: String {
        var text = ""
        var child = pointee.children
        while let node = child {
            text += node.content
            child = node.pointee.next
        }
        return text
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingCharacters() -> String { String(self[...].trimmingCharacters()) }
}
