/// A post's HTML grew past `RenderContext.maxHTMLBytes`; rendering stopped there.
public struct HTMLSizeLimitError: Error, Equatable, Sendable {
    /// The size reached when rendering stopped (at least this much).
    public var bytes: Int
    public var limit: Int

    /// Throws when `text` is over `limit` bytes of UTF-8.
    static func check(_ text: String, limit: Int) throws(HTMLSizeLimitError) {
        let bytes = text.utf8.count
        if bytes > limit { throw HTMLSizeLimitError(bytes: bytes, limit: limit) }
    }
}
