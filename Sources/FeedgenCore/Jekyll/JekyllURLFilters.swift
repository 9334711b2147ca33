import Foundation

/// Jekyll's `absolute_url` filter (Jekyll 4.3 `Filters::URLFilters`), with the URL normalization it ends in
/// (Addressable 2.8 `URI#normalize`), byte for byte: what jekyll-feed writes as an entry's `<id>`
/// (`{{ post.id | absolute_url }}`) and as the feed's (`{{ page.url | absolute_url }}`).
///
/// Jekyll: `Addressable::URI.parse(site_url + relative_url(input)).normalize.to_s`, where `relative_url` is
/// `Addressable::URI.parse(baseurl + input).normalize.to_s` (each part with a leading `/`, the baseurl without its
/// trailing one). Addressable splits at the first `?` and `#` (so `NLP_#7_[FR]` is a path and a fragment), strips
/// white space around the path, decodes every `%XX`, applies Unicode NFKC (`（` becomes `(`), and percent-encodes
/// what each part does not allow (`[` and `]` everywhere, `#` in a fragment), in upper-case hex.
public enum JekyllURLFilters {
    /// `{{ input | absolute_url }}` on a site whose `url` is `siteURL` (as written in `_config.yml`) and whose
    /// `baseurl` is `baseurl`.
    public static func absoluteURL(_ input: String, siteURL: String, baseurl: String) -> String {
        if isAbsolute(input) { return input }
        let relative = relativeURL(input, baseurl: baseurl)
        return siteURL.isEmpty ? relative : normalize(siteURL + relative)
    }

    /// `{{ input | relative_url }}`.
    public static func relativeURL(_ input: String, baseurl: String) -> String {
        if isAbsolute(input) { return input }
        var base = baseurl
        if base.hasSuffix("/") { base.removeLast() }
        return normalize(leadingSlash(base) + leadingSlash(input))
    }

    /// Jekyll's `Document#id` for a post: `File.join(File.dirname(url), data["slug"])`, e.g. `/posts/x` for the
    /// URL `/posts/x/`.
    public static func documentID(url: String, slug: String) -> String {
        let directory = dirname(url)
        if directory.hasSuffix("/") && slug.hasPrefix("/") { return directory + slug.dropFirst() }
        if directory.hasSuffix("/") || slug.hasPrefix("/") { return directory + slug }
        return directory + "/" + slug
    }

    /// Ruby's `File.dirname`: trailing slashes ignored, `.` when there is no folder, `/` at the root.
    static func dirname(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        var directory = path[..<slash]
        while directory.hasSuffix("/") { directory.removeLast() }
        return directory.isEmpty ? "/" : String(directory)
    }

    private static func leadingSlash(_ text: String) -> String {
        text.isEmpty || text.hasPrefix("/") ? text : "/" + text
    }

    /// Addressable's `absolute?`: the text has a scheme.
    private static func isAbsolute(_ text: String) -> Bool {
        text.wholeMatch(of: /[^:\/?#]+:.*/.dotMatchesNewlines()) != nil
    }

    // RFC 3986 character classes as Addressable 2.8 spells them.
    private static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
    private static let pchar = unreserved.union("!$&'()*+,;=:@".utf8)
    private static let fragment = pchar.union("/?".utf8)
    /// `NormalizeCharacterClasses::QUERY`: no `&` (split on) and no `;`.
    private static let query = unreserved.union("!$'()*+,=:@/?".utf8)

    /// `Addressable::URI.parse(uri).normalize.to_s` for the URLs Jekyll builds (`scheme://host/path?query#fragment`
    /// or a path).
    static func normalize(_ uri: String) -> String {
        guard let match = uri.wholeMatch(of: /(?:([^:\/?#]+):)?(?:\/\/([^\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?/)
        else { return uri }
        let scheme = match.1.map { $0.lowercased() }
        var result = scheme.map { $0 + ":" } ?? ""
        if let authority = match.2 {
            var host = authority.lowercased()
            if (scheme == "https" && host.hasSuffix(":443")) || (scheme == "http" && host.hasSuffix(":80")) {
                host = String(host[..<host.lastIndex(of: ":")!])
            }
            result += "//" + host
        }
        let trimmed = String(match.3).trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\u{0B}\u{0C}\r\0"))
        var path = removeDotSegments(
            trimmed.split(separator: "/", omittingEmptySubsequences: false)
                .map { component(String($0), allowed: pchar) }.joined(separator: "/"))
        if path.isEmpty && (scheme == "http" || scheme == "https") { path = "/" }
        result += path
        if let rawQuery = match.4 {
            let normalized = rawQuery.split(separator: "&", omittingEmptySubsequences: false)
                .map { component(String($0), allowed: query, leavingEncodedPlus: true) }.joined(separator: "&")
            if !normalized.isEmpty { result += "?" + normalized }
        }
        if let rawFragment = match.5 {
            let normalized = component(String(rawFragment), allowed: fragment)
            if !normalized.isEmpty { result += "#" + normalized }
        }
        return result
    }

    /// `Addressable::URI.normalize_component`: every `%XX` decoded, NFKC, then every byte outside `allowed`
    /// percent-encoded. In a query, `%2B` stays as written (a `+` there means a space).
    private static func component(_ text: String, allowed: Set<UInt8>, leavingEncodedPlus: Bool = false) -> String {
        if leavingEncodedPlus, let plus = text.firstRange(of: /%2[Bb]/) {
            return component(String(text[..<plus.lowerBound]), allowed: allowed) + text[plus]
                + component(String(text[plus.upperBound...]), allowed: allowed, leavingEncodedPlus: true)
        }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                source[index + 1].isHexDigit, source[index + 2].isHexDigit,
                let value = UInt8(String(decoding: source[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        // Addressable normalizes only text that is valid UTF-8 (else Ruby raises and it encodes the bytes as they are).
        let normalized =
            String(validating: bytes, as: UTF8.self).map { Array($0.precomposedStringWithCompatibilityMapping.utf8) }
            ?? bytes
        var output = ""
        for byte in normalized {
            if allowed.contains(byte) {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }

    /// RFC 3986 §5.2.4, as far as Jekyll's URLs need it: `.` and `..` segments.
    private static func removeDotSegments(_ path: String) -> String {
        guard path.contains("/.") || path.hasPrefix(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            switch segment {
            case ".": if last { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if last { output.append("") }
            default: output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
