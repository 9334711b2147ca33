extension Permalink {
    /// `URL.escape_path`: unchanged when it is only `[a-zA-Z0-9./-]`, else `Addressable::URI.encode(path)` with
    /// the first `#` made `%23`.
    ///
    /// `Addressable::URI.encode` parses the text as a URI first, so each part keeps the characters its part
    /// allows: `?` opens a query where `?` and `/` stay, `#` a fragment, and `x:` a scheme. Every other byte of
    /// the UTF-8 text is written `%XX` in capitals. (`Addressable` raises for a few such texts, such as `:x`;
    /// they are encoded as a path here.)
    public static func escapePath(_ path: String) -> String {
        // `%r!^[a-zA-Z0-9./-]+$!.match?(path)`: Ruby's anchors match at every line, so one such line suffices.
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-".utf8)
        if path.isEmpty
            || path.utf8.split(separator: UInt8(ascii: "\n")).contains(where: { $0.allSatisfy(safe.contains) })
        {
            return path
        }
        let parts = URIParts(path)
        var result = ""
        if let scheme = parts.scheme { result += PercentEncoding.scheme.encode(scheme) + ":" }
        if let authority = parts.authority { result += "//" + PercentEncoding.pchar.keeping("[:]").encode(authority) }
        result += PercentEncoding.pchar.keeping("/").encode(parts.path)
        if let query = parts.query { result += "?" + PercentEncoding.pchar.keeping("/?").encode(query) }
        if let fragment = parts.fragment { result += "#" + PercentEncoding.pchar.keeping("/?").encode(fragment) }
        // `.sub("#", "%23")`
        if let hash = result.firstIndex(of: "#") { result.replaceSubrange(hash...hash, with: "%23") }
        return result
    }

    /// `URL#sanitize_url`: `"/#{str}".gsub("..", "/")`, then `gsub!("./", "")`, then `squeeze!("/")`.
    public static func sanitize(_ url: String) -> String {
        let dotted = replace(Array(("/" + url).unicodeScalars), ".", ".", with: ["/"])
        let cleaned = replace(dotted, ".", "/", with: [])
        var result = String.UnicodeScalarView()
        for scalar in cleaned where !(scalar == "/" && result.last == "/") { result.append(scalar) }
        return String(result)
    }

    /// Replaces each non-overlapping two-scalar sequence `first second`, left to right, as Ruby's `gsub` does.
    private static func replace(
        _ scalars: [Unicode.Scalar], _ first: Unicode.Scalar, _ second: Unicode.Scalar,
        with replacement: [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if index + 1 < scalars.count, scalars[index] == first, scalars[index + 1] == second {
                result += replacement
                index += 2
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    /// The five parts of Addressable's `URIREGEX`, `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$`.
    struct URIParts {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ text: String) {
            var rest = Substring(text)
            if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
                !rest[..<colon].contains(where: { "/?#".contains($0) })
            {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                let start = rest.index(rest.startIndex, offsetBy: 2)
                let end = rest[start...].firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
                authority = rest[start..<end]
                rest = rest[end...]
            }
            let pathEnd = rest.firstIndex(where: { "?#".contains($0) }) ?? rest.endIndex
            path = rest[..<pathEnd]
            rest = rest[pathEnd...]
            if rest.first == "?" {
                let end = rest.firstIndex(of: "#") ?? rest.endIndex
                query = rest[rest.index(after: rest.startIndex)..<end]
                rest = rest[end...]
            }
            if rest.first == "#" { fragment = rest.dropFirst() }
        }
    }
}
