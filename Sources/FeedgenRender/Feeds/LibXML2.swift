import Clibxml2

/// The process-wide setup libxml2 needs before threads share it, done once for every user in this module.
enum LibXML2 {
    /// `xmlInitParser` once per process (a `static let` runs once, thread-safely): "Initialization function for
    /// the XML parser. This is not reentrant. Call once before processing in case of use in multithreaded
    /// programs." (libxml2 2.9 parser.c). The HTML parser and the text writer both rely on it.
    private static let initialized: Void = { xmlInitParser() }()

    /// Makes sure `xmlInitParser` has run; call before any other libxml2 call.
    static func initialize() { _ = initialized }
}
