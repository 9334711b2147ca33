/// Why turning a post into HTML failed: a C library call that did not succeed, with that library's own words.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A cmark-gfm call returned NULL or failure; `call` names it, e.g. `cmark_parser_finish`.
    case cmark(call: String)
    /// A libxml2 call failed; `message` is libxml2's own error text (trimmed) when it gave one.
    case libxml2(call: String, message: String)

    public var description: String {
        switch self {
        case .cmark(let call):
            return "cmark-gfm: \(call) failed"
        case .libxml2(let call, let message):
            return message.isEmpty ? "libxml2: \(call) failed" : "libxml2: \(call) failed: \(message)"
        }
    }
}
