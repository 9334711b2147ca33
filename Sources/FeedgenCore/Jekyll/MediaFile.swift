import Foundation

/// A media file of the site that a post names in its front matter, for its feeds' enclosure; its length is read
/// from the file by the caller (an enclosure without a true length misleads podcast clients).
///
/// `enclosure:`, `audio:` or `video:` name it, as a path in the site (`/audio/ep1.mp3`, `audio/ep1.mp3`) or an
/// absolute URL under the site's `url` and `baseurl`; a mapping's `url`, `path` or `file` works too. Only audio,
/// video and document files (by extension) are media: a page, a picture or a file Jekyll does not publish (a
/// folder starting with `_` or `.`) is never an enclosure.
public struct MediaFile: Sendable, Equatable {
    /// The file's path relative to the site root, e.g. `audio/ep1.mp3`.
    public var path: String
    /// Its absolute URL on the site.
    public var url: String
    /// Its MIME type, from its extension.
    public var type: String
    /// The front-matter line that names it.
    public var line: Int?

    public init(path: String, url: String, type: String, line: Int?) {
        self.path = path
        self.url = url
        self.type = type
        self.line = line
    }

    /// The front-matter keys that name a media file, in the order they are tried.
    static let keys = ["enclosure", "audio", "video"]

    /// MIME types of the media file extensions (lower case): audio, video, and documents a reader may download.
    static let types: [String: String] = [
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "ogg": "audio/ogg", "oga": "audio/ogg",
        "opus": "audio/ogg", "flac": "audio/flac", "wav": "audio/wav", "mp4": "video/mp4", "m4v": "video/mp4",
        "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime", "pdf": "application/pdf",
        "epub": "application/epub+zip",
    ]

    /// The media file the front matter names, or nil with the reason when it names something that is not one.
    static func named(
        in frontMatter: FrontMatter, site: SiteConfig
    ) -> (file: MediaFile?, problem: (line: Int?, message: String)?) {
        guard let key = keys.first(where: { frontMatter.fields[$0] != nil }), let node = frontMatter.fields[key]
        else { return (nil, nil) }
        let line = frontMatter.line(of: key)
        let named: String?
        if case .scalar = node {
            named = frontMatter.string(key)
        } else {
            named = ["url", "path", "file"].lazy.compactMap { node[$0]?.string }.first
        }
        guard let named = named?.trimmingCharacters(in: .whitespaces), !named.isEmpty else { return (nil, nil) }
        func problem(_ reason: String) -> (MediaFile?, (Int?, String)?) {
            (nil, (line, "no enclosure: '\(key)' \(reason)"))
        }
        var path = named
        let siteRoot = site.url + site.baseurl + "/"
        if path.lowercased().hasPrefix("http://") || path.lowercased().hasPrefix("https://") || path.hasPrefix("//") {
            guard path.hasPrefix(siteRoot) else {
                return problem("names '\(named)', not a file of this site, so its length is unknown")
            }
            path = String(path.dropFirst(siteRoot.count)).removingPercentEncoding ?? ""
        }
        let parts = path.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0.hasPrefix("_") || $0.hasPrefix(".") }) else {
            return problem("names '\(named)', which Jekyll does not publish")
        }
        let ext = parts.last!.split(separator: ".").dropFirst().last.map { $0.lowercased() } ?? ""
        guard let type = types[ext] else {
            return problem("names '\(named)', not an audio, video or document file")
        }
        let relative = parts.joined(separator: "/")
        let escaped = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
        return (MediaFile(path: relative, url: siteRoot + escaped, type: type, line: line), nil)
    }
}
