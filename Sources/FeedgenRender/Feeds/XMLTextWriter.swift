import Clibxml2
import FeedgenCore

/// A libxml2 call that failed while writing XML, with libxml2's own message when it left one.
public struct XMLWriterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The libxml2 function that failed, e.g. `xmlTextWriterStartElement`.
    public var call: String
    /// `xmlGetLastError()`'s message, trimmed; nil when libxml2 recorded none (many xmlTextWriter
    /// failures only return -1).
    public var message: String?
    /// `xmlGetLastError()`'s code (`xmlParserErrors`), 0 when none.
    public var code: Int32

    public init(call: String, message: String? = nil, code: Int32 = 0) {
        self.call = call
        self.message = message
        self.code = code
    }

    /// Reads libxml2's last error of this thread, if any, for the call that just failed.
    static func last(call: String) -> XMLWriterError {
        guard let error = xmlGetLastError(), error.pointee.code != 0 else {
            return XMLWriterError(call: call)
        }
        // libxml2 messages end with a newline.
        let text = error.pointee.message.map { message in
            String(String(cString: message).reversed().drop(while: \.isWhitespace).reversed())
        }
        return XMLWriterError(call: call, message: text, code: error.pointee.code)
    }

    public var description: String {
        guard let message, !message.isEmpty else { return "libxml2: \(call) failed" }
        return "libxml2: \(call) failed: \(message) (code \(code))"
    }
}

/// Writes one XML document into memory through libxml2's `xmlTextWriter`, indented by two spaces.
///
/// It owns the `xmlTextWriterPtr` and the `xmlBufferPtr` it writes into and frees both in `deinit`; use it
/// only through `document(_:)`. Every call is checked: a negative result throws an `XMLWriterError` naming it.
/// Every text and attribute value first loses the characters XML 1.0 forbids (see `legalText(_:)`), because
/// libxml2's writer copies them through and the result would not be well-formed.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    let writer: xmlTextWriterPtr

    private init() throws {
        LibXML2.initialize()
        xmlResetLastError()
        guard let buffer = xmlBufferCreate() else { throw XMLWriterError.last(call: "xmlBufferCreate") }
        // libxml2 2.9 grows a buffer by exactly what each write needs (XML_BUFFER_ALLOC_EXACT), copying the whole
        // document again and again; doubling keeps a feed of thousands of items linear.
        xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLWriterError.last(call: "xmlNewTextWriterMemory")
        }
        self.buffer = buffer
        self.writer = writer
    }

    deinit {
        // The writer flushes into the buffer when freed, so it goes first.
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`, then what `body` writes, and returns the bytes.
    static func document(_ body: (XMLTextWriter) throws -> Void) throws -> [UInt8] {
        let xml = try XMLTextWriter()
        try xml.check("xmlTextWriterSetIndent") { xmlTextWriterSetIndent(xml.writer, 1) }
        try xml.check("xmlTextWriterSetIndentString") {
            "  ".withCString(encodedAs: UTF8.self) { xmlTextWriterSetIndentString(xml.writer, $0) }
        }
        try xml.check("xmlTextWriterStartDocument") { xmlTextWriterStartDocument(xml.writer, "1.0", "UTF-8", nil) }
        try body(xml)
        try xml.check("xmlTextWriterEndDocument") { xmlTextWriterEndDocument(xml.writer) }
        try xml.check("xmlTextWriterFlush") { xmlTextWriterFlush(xml.writer) }
        guard let content = xmlBufferContent(xml.buffer) else { return [] }
        let count = Int(xmlBufferLength(xml.buffer))
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    // MARK: Elements

    /// Opens `<name>` (a qualified name such as `atom:link` when its prefix is declared).
    func startElement(_ name: String) throws {
        try check("xmlTextWriterStartElement") {
            name.withCString(encodedAs: UTF8.self) { xmlTextWriterStartElement(writer, $0) }
        }
    }

    /// Closes the innermost open element (`<x/>` when it got no content).
    func endElement() throws {
        try check("xmlTextWriterEndElement") { xmlTextWriterEndElement(writer) }
    }

    /// Writes `<name a="v"...>children</name>`, where `children` writes the content.
    func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: () throws -> Void
    ) throws {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        try children()
        try endElement()
    }

    /// Writes `<name a="v"...>text</name>`, or an empty element when `text` is nil.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) throws {
        try element(name, attributes) {
            if let text { try self.text(text) }
        }
    }

    // MARK: Content

    /// Writes `name="value"` on the element just opened; libxml2 escapes `&`, `<`, `"` and white space.
    func attribute(_ name: String, _ value: String) throws {
        let value = Self.legalText(value)
        try check("xmlTextWriterWriteAttribute") {
            name.withCString(encodedAs: UTF8.self) { name in
                value.withCString(encodedAs: UTF8.self) { xmlTextWriterWriteAttribute(writer, name, $0) }
            }
        }
    }

    /// Declares `xmlns:prefix="uri"` on the element just opened.
    func namespace(_ prefix: String, _ uri: String) throws {
        try attribute("xmlns:\(prefix)", uri)
    }

    /// Writes escaped character data: libxml2 turns `&`, `<`, `>` and CR into references, so `]]>` cannot occur.
    func text(_ text: String) throws {
        let text = Self.legalText(text)
        try check("xmlTextWriterWriteString") {
            text.withCString(encodedAs: UTF8.self) { xmlTextWriterWriteString(writer, $0) }
        }
    }

    /// Writes `text` as CDATA sections, splitting at each `]]>` (which cannot appear inside one).
    func cdata(_ text: String) throws {
        let parts = Self.legalText(text).components(separatedBy: "]]>")
        for (index, part) in parts.enumerated() {
            // "]]" ends one section and ">" starts the next, so the reader gets "]]>" back.
            var piece = part
            if index > 0 { piece = ">" + piece }
            if index < parts.count - 1 { piece += "]]" }
            try check("xmlTextWriterWriteCDATA") {
                piece.withCString(encodedAs: UTF8.self) { xmlTextWriterWriteCDATA(writer, $0) }
            }
        }
    }

    // MARK: Checking

    /// Runs one libxml2 call and throws when it returns a negative value.
    func check(_ call: String, _ body: () -> Int32) throws {
        xmlResetLastError()
        if body() < 0 { throw XMLWriterError.last(call: call) }
    }

    /// `text` without the characters `XMLSafeText` removes (dropping U+0000 also keeps libxml2's C strings
    /// whole). The loader and the HTML cleaner have removed and reported them already: this is the last guard.
    static func legalText(_ text: String) -> String {
        XMLSafeText.clean(text).text
    }
}
