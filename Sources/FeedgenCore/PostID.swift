import Foundation

/// The stable id of a post: a `tag:` URI (RFC 4151) built from what identifies the post, not from where it lives.
///
/// `tag:HOST,YYYY-MM-DD:SLUG`, where HOST is the site's host, the date is the one in the file name and SLUG the
/// file name's title part, percent-encoded. Moving the file to another `_posts` folder, changing the permalink
/// pattern, the categories or the front-matter `date:` keeps the id, so readers don't show an old issue as new.
public enum PostID {
    /// Characters RFC 4151 allows in the specific part unescaped (`pchar` less `%`, plus `/` and `?`).
    private static let allowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$&'()*+,;=:@/?")
        return set
    }()

    public static func make(host: String, fileDate: PostFilename, slug: String) -> String {
        let date = String(format: "%04d-%02d-%02d", fileDate.year, fileDate.month, fileDate.day)
        let specific = slug.addingPercentEncoding(withAllowedCharacters: allowed) ?? slug
        return "tag:\(host.lowercased()),\(date):\(specific)"
    }
}
