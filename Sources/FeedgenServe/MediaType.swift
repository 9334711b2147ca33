/// The `Content-Type` a published file is served with, chosen by its name as the nginx block's `types` do.
public enum PublishedMediaType {
    /// The media type for the file `name` (its last path segment).
    public static func forFile(named name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix(".gz") { return "application/gzip" }
        // RSS and Atom share `.xml`: feedgen names its Atom feeds `atom.xml`.
        if lower == "atom.xml" || lower.hasSuffix("-atom.xml") || lower.hasSuffix(".atom") {
            return "application/atom+xml; charset=utf-8"
        }
        let types: [String: String] = [
            "xml": "application/rss+xml; charset=utf-8",
            "rss": "application/rss+xml; charset=utf-8",
            "json": "application/feed+json; charset=utf-8",
            "opml": "text/x-opml; charset=utf-8",
            "html": "text/html; charset=utf-8",
            "htm": "text/html; charset=utf-8",
            // text/xsl, not the registered application/xslt+xml: it is the type the feeds' own
            // `<?xml-stylesheet type="text/xsl"?>` names, the one every browser that applies XSLT has always
            // accepted for a stylesheet, and what the nginx block sends (one policy for both servers).
            "xsl": "text/xsl; charset=utf-8",
            "css": "text/css; charset=utf-8",
            "txt": "text/plain; charset=utf-8",
        ]
        guard let dot = lower.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[String(lower[lower.index(after: dot)...])] ?? "application/octet-stream"
    }

    /// Whether the file is a JSON Feed, sent with `Access-Control-Allow-Origin: *` so web readers may fetch it.
    public static func allowsAnyOrigin(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".json")
    }
}
