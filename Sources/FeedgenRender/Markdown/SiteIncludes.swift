import FeedgenCore

/// The HTML a feed shows for the site's `_includes` that posts use, and for embedded video players.
///
/// Feed readers drop iframes, so a video becomes a link to it with its thumbnail image;
/// `_image-with-caption.html` becomes a `<figure>` without the site's inline styles.
enum SiteIncludes {
    /// A video host a post can embed.
    enum VideoProvider: String, Sendable {
        case youtube
        case vimeo
    }

    /// A link to the video, showing its thumbnail where the host has a static one (YouTube).
    ///
    /// Only the leading `[A-Za-z0-9_-]` of `id` is used: the corpus has ids like `jW6GZ1ZkQuI&`
    /// (a URL pasted up to its `&`), which the site put into the iframe URL as is.
    static func videoHTML(id rawID: String, provider: VideoProvider) -> String? {
        let id = String(rawID.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        guard !id.isEmpty else { return nil }
        switch provider {
        case .youtube:
            return "<a href=\"https://www.youtube.com/watch?v=\(id)\">"
                + "<img src=\"https://img.youtube.com/vi/\(id)/hqdefault.jpg\" alt=\"YouTube video \(id)\" /></a>"
        case .vimeo:
            return "<a href=\"https://vimeo.com/\(id)\">Vimeo video \(id)</a>"
        }
    }

    /// The video an embedded player URL shows, e.g. `https://www.youtube.com/embed/ID?rel=0`.
    static func video(fromPlayerURL url: String) -> (id: String, provider: VideoProvider)? {
        let prefixes: [(String, VideoProvider)] = [
            ("youtube.com/embed/", .youtube), ("youtube-nocookie.com/embed/", .youtube),
            ("player.vimeo.com/video/", .vimeo),
        ]
        for (prefix, provider) in prefixes {
            if let range = url.findBytes(prefix) {
                let id = url[range.upperBound...].prefix { $0 != "?" && $0 != "#" && $0 != "/" && $0 != "&" }
                if !id.isEmpty { return (String(id), provider) }
            }
        }
        return nil
    }

    /// `_image-with-caption.html`: an image and its caption.
    ///
    /// The site's include shows `description` both as the `alt` text and as the caption; a `caption`
    /// parameter, when given, is preferred for the caption. `zoom` (a CSS width) is left out.
    static func figureHTML(file: String, description: String, caption: String?) -> String {
        let captionText = caption ?? description
        var html = "<figure><img src=\"\(HTMLEscape.escape(file))\" alt=\"\(HTMLEscape.escape(description))\" />"
        if !captionText.isEmpty { html += "<figcaption>\(HTMLEscape.escape(captionText))</figcaption>" }
        return html + "</figure>"
    }
}
