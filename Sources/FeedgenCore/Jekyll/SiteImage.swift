import Foundation

/// Where a picture named in `_config.yml` or front matter is published: one rule for post images, banners, the
/// site's logo and avatar.
///
/// `http(s)://` URLs are kept; `//host/x` gets `https:`; a path starting with `/` is under the site's `url` and
/// `baseurl` (as Jekyll's `relative_url` filter writes it, and Minimal Mistakes' `logo: /assets/logo.png`); any
/// other name is a file of the site's `/images/` folder, as the themes that write `image: {thumb: x.png}` and
/// `owner: {avatar: x.png}` (HPSTR, So Simple, the first Minimal Mistakes) publish it.
public enum SiteImage {
    /// The absolute URL of `name`, percent-encoded where a path needs it; nil for a blank name.
    public static func url(_ name: String, siteURL: String, baseurl: String) -> String? {
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return nil }
        let lowercased = name.lowercased()
        if lowercased.hasPrefix("http://") || lowercased.hasPrefix("https://") { return name }
        if name.hasPrefix("//") { return "https:" + name }
        let path = name.hasPrefix("/") ? name : "/images/" + name
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return siteURL + baseurl + escaped
    }
}
