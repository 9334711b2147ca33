import FeedgenCore
import FoundationEssentials

/// Makes the URLs of a post absolute, the way a browser on the post's page would read them,
/// and tells which ones must not reach a feed reader.
struct URLResolver: Sendable {
    /// What to do with one URL attribute value.
    enum Outcome: Equatable, Sendable {
        case keep(String)
        /// The scheme (`javascript`, `vbscript`, `data`, …) that makes the URL unsafe.
        case unsafe(scheme: String)
    }

    let siteOrigin: String
    let postURL: String
    private let postBase: URL?

    init(siteOrigin: String, postURL: String) {
        self.siteOrigin = siteOrigin
        self.postURL = postURL
        postBase = URL(string: postURL)
    }

    /// Resolves `raw`; `allowsDataImage` is true for `<img src>`, where `data:image/…` is harmless.
    ///
    /// - `/x` is site-root relative: the corpus writes `/images/…` for the site's root, and sites with a
    ///   baseurl write `{{ site.baseurl }}/images`, which Liquid has already expanded to `/blog/images`.
    /// - `//host/x` gets `https:`.
    /// - `#frag`, `?q`, `x.png`, `../../x.png` resolve against the post's URL.
    func resolve(_ raw: String, allowsDataImage: Bool = false) -> Outcome {
        var value = raw.trimmingCharacters()
        // `[x]((https://a))` (a doubled parenthesis, in the corpus) makes the destination `(https://a)`.
        while value.count > 2, value.first == "(" && value.last == ")" || value.first == "<" && value.last == ">" {
            value = String(value.dropFirst().dropLast()).trimmingCharacters()
        }
        // An empty reference is the page itself.
        guard !value.isEmpty else { return .keep(postURL) }
        if let scheme = URLSafety.unsafeScheme(of: value, allowsDataImage: allowsDataImage) {
            return .unsafe(scheme: scheme)
        }
        if URLSafety.scheme(of: value) != nil { return .keep(value) }
        if value.hasPrefix("//") { return .keep("https:" + value) }
        if value.hasPrefix("/") || value.hasPrefix("\\") { return .keep(siteOrigin + value) }
        if value.hasPrefix("#") {
            let page = postURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return .keep(page + value)
        }
        guard let base = postBase else { return .keep(value) }
        if let url = URL(string: value, relativeTo: base)
            ?? URL(string: PercentEncoding.urlReference.encode(value), relativeTo: base)
        {
            return .keep(url.absoluteString)
        }
        return .keep(value)
    }

    /// The lowercased scheme of `value` (see `URLSafety.scheme(of:)`).
    static func scheme(of value: String) -> String? { URLSafety.scheme(of: value) }

    /// A `srcset` with every candidate URL resolved; unsafe candidates are dropped (their schemes returned).
    func resolveSrcset(_ srcset: String) -> (value: String, unsafe: [String]) {
        var candidates: [String] = []
        var unsafe: [String] = []
        for candidate in Self.srcsetCandidates(srcset) {
            switch resolve(candidate.url, allowsDataImage: true) {
            case .keep(let resolved):
                candidates.append(([resolved] + candidate.descriptors).joined(separator: " "))
            case .unsafe(let scheme):
                unsafe.append(scheme)
            }
        }
        return (candidates.joined(separator: ", "), unsafe)
    }

    /// The candidates of a `srcset`, read as HTML's "parse a srcset attribute" reads them: a URL is a run of
    /// characters up to white space, so its commas are its own (`data:image/png;base64,…`), except the commas
    /// that end it; its descriptors run to the next comma outside parentheses.
    static func srcsetCandidates(_ srcset: String) -> [(url: String, descriptors: [String])] {
        var candidates: [(url: String, descriptors: [String])] = []
        var rest = Substring(srcset)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "," }
            guard !rest.isEmpty else { return candidates }
            var url = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(url.count)
            var descriptors = ""
            if url.last == "," {
                // "If url ends with U+002C (,), then remove all trailing U+002C COMMA characters from url."
                while url.last == "," { url = url.dropLast() }
            } else {
                var depth = 0
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "(" { depth += 1 }
                    if character == ")" { depth = max(0, depth - 1) }
                    if character == "," && depth == 0 { break }
                    descriptors.append(character)
                }
            }
            if !url.isEmpty {
                candidates.append((String(url), descriptors.split(whereSeparator: \.isWhitespace).map(String.init)))
            }
        }
    }
}
