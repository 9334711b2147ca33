import CCmarkGFM
import Glibc
import Synchronization

/// Renders CommonMark (with the GFM table, autolink and strikethrough extensions) to HTML through cmark-gfm.
///
/// Each call owns a fresh parser and document and frees them with `defer` next to their allocation, but parsing
/// is not safe on two threads at once: cmark-gfm 0.29 keeps the characters that can start an inline (`SPECIAL_CHARS`
/// and `SKIP_CHARS` in src/inlines.c) in process-wide arrays, and every parse switches its extensions' characters
/// (`~`, `:`, `w`, `|`, ...) on before its inline pass and off after it (`cmark_manage_extensions_special_characters`
/// in `process_inlines`, src/blocks.c). A parse that ends while another is in its inline pass turns the other's
/// characters off, and its `~~strike~~` and bare URLs stay text. No call keeps them on for good, so the parse
/// (feeding and finishing the parser) runs under one process-wide lock. Rendering the finished document to HTML
/// reads no global state and runs unlocked, as does everything a post needs before and after cmark.
struct CMark: Sendable {
    /// The GFM extensions attached to every parser.
    static let extensionNames = ["table", "autolink", "strikethrough"]

    /// Parse and render options.
    ///
    /// - `UNSAFE`: raw HTML is kept; `HTMLCleaner` sanitizes afterwards.
    /// - `SMART`: curly quotes, en/em dashes and ellipses, like kramdown's typographic symbols
    ///   (cmark never applies them inside code).
    /// - `FOOTNOTES`: `[^1]` references and definitions, which kramdown also supports.
    /// - `STRIKETHROUGH_DOUBLE_TILDE`: kramdown has no strikethrough at all, so a single `~`
    ///   (as in "~10 ms") must stay text; only `~~x~~` strikes.
    static let options: Int32 =
        CMARK_OPT_UNSAFE | CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// Registers the core extensions exactly once.
    ///
    /// `cmark_gfm_core_extensions_ensure_registered` guards itself with a plain static int, which is
    /// not thread-safe; a Swift `static let` runs its initializer once under `swift_once`.
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held while a parser runs, since parsers share the inline parser's character tables (see the type's doc).
    private static let parsing = Mutex(())

    /// The HTML cmark-gfm makes of `markdown`.
    static func renderHTML(_ markdown: String) throws -> String {
        _ = registration
        guard let parser = cmark_parser_new(options) else { throw RenderError.cmark(call: "cmark_parser_new") }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else {
                throw RenderError.cmark(call: "cmark_find_syntax_extension(\"\(name)\")")
            }
            guard cmark_parser_attach_syntax_extension(parser, syntaxExtension) != 0 else {
                throw RenderError.cmark(call: "cmark_parser_attach_syntax_extension(\"\(name)\")")
            }
        }
        var source = markdown
        var parsed: OpaquePointer?
        parsing.withLock { _ in
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            parsed = cmark_parser_finish(parser)
        }
        guard let document = parsed else { throw RenderError.cmark(call: "cmark_parser_finish") }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw RenderError.cmark(call: "cmark_render_html")
        }
        // cmark_render_html allocates with the default allocator, which is malloc.
        defer { free(html) }
        return String(cString: html)
    }
}
