import Clibxml2

// No Foundation in this file: libxml2's ICU headers clash with Foundation's (see XMLTextWriter.swift).

/// An XML element read back by libxml2, as a plain value the tests can query.
struct ParsedElement: Equatable {
    /// Namespace URI, nil when none.
    var namespace: String?
    var name: String
    /// Attributes by name; a namespaced one is keyed `{uri}name`, e.g. `{http://www.w3.org/XML/1998/namespace}lang`.
    var attributes: [String: String]
    var children: [ParsedElement]
    /// The element's own text and CDATA children, joined.
    var text: String

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The children named `name` in `namespace`.
    func all(_ name: String, in namespace: String? = nil) -> [ParsedElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The only child named `name` in `namespace`, or nil when there is none or more than one.
    func one(_ name: String, in namespace: String? = nil) -> ParsedElement? {
        let found = all(name, in: namespace)
        return found.count == 1 ? found[0] : nil
    }
}

/// Parses XML strictly with libxml2: no recovery, no network, no entity expansion from outside.
enum ParsedXML {
    /// A parse failure with libxml2's message and line.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var line: Int32
        var description: String { "line \(line): \(message)" }
    }

    /// The root element of `bytes`, or a `Failure` for the first error libxml2 reports (even a recoverable one).
    static func parse(_ bytes: [UInt8]) throws -> ParsedElement {
        guard let context = xmlNewParserCtxt() else { throw Failure(message: "xmlNewParserCtxt failed", line: 0) }
        defer { xmlFreeParserCtxt(context) }
        // XML_PARSE_NONET: never fetch; no XML_PARSE_RECOVER, so libxml2 stops at the first fatal error.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), "feed.xml", nil, options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        let error = context.pointee.lastError
        guard let document, context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0, error.code == 0
        else {
            let message = error.message.map { String(cString: $0) } ?? "not well-formed"
            throw Failure(message: message, line: error.line)
        }
        guard let root = xmlDocGetRootElement(document) else { throw Failure(message: "no root element", line: 0) }
        return element(root)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func element(_ node: xmlNodePtr) -> ParsedElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = string(current.pointee.name) ?? ""
            let key = current.pointee.ns.flatMap { string($0.pointee.href) }.map { "{\($0)}\(name)" } ?? name
            // The value is the attribute's text children (no entity references: none are declared). Reading them
            // avoids xmlNodeGetContent, whose result must go to `xmlFree`, a global Swift 6 deems unsafe.
            var value = ""
            var part = current.pointee.children
            while let text = part {
                value += string(text.pointee.content) ?? ""
                part = text.pointee.next
            }
            attributes[key] = value
            attribute = current.pointee.next
        }
        var children: [ParsedElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += string(current.pointee.content) ?? ""
            default:
                break
            }
            child = current.pointee.next
        }
        return ParsedElement(
            namespace: node.pointee.ns.flatMap { string($0.pointee.href) },
            name: string(node.pointee.name) ?? "",
            attributes: attributes,
            children: children,
            text: text
        )
    }
}
