import Foundation

/// The stable id of a post: a `tag:` URI (RFC 4151) built from what identifies the post, not from where it lives.
///
/// `tag:HOST,YYYY-MM-DD:SLUG`, where HOST is the site's host, the date is the one in the file name and SLUG the
/// file name's title part, percent-encoded. A post whose language is set by the site's structure (front matter
/// `lang:`, a language folder, a polyglot `_posts/<lang>/` folder), is not the site's language and is not named
/// by a marker in the file name (`x-fr.md`) gets `tag:HOST,YYYY-MM-DD:LANG/SLUG` (LANG the lower-case BCP 47
/// tag): translations in sibling language folders share their file name, and must not share an id. Moving the
/// file to another `_posts` folder of the same language, changing the permalink pattern, the categories or the
/// front-matter `date:` keeps the id, so readers don't show an old issue as new.
public enum PostID {
    /// Characters RFC 4151 allows in the specific part unescaped (`pchar` less `%`, plus `/` and `?`).
    private static let allowed: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~!$&'()*+,;=:@/?")
        return set
    }()

    /// - Parameter language: the BCP 47 tag that qualifies the slug, or nil when the slug alone identifies the post.
    public static func make(host: String, fileDate: PostFilename, slug: String, language: String? = nil) -> String {
        let date = String(format: "%04d-%02d-%02d", fileDate.year, fileDate.month, fileDate.day)
        let specific = encode(slug)
        let prefix = language.map { encode($0.lowercased()) + "/" } ?? ""
        return "tag:\(host.lowercased()),\(date):\(prefix)\(specific)"
    }

    /// Gives every post an id no other post has, keeping the first (in `posts`' order) of those sharing one.
    ///
    /// Two posts with the same file name in two `_posts` folders whose languages do not qualify their ids (one
    /// language, or languages told by the text rather than the site's structure) share an id; the second and later
    /// get `ID:PATH` (their path relative to the site, percent-encoded), which changes when they move, and a
    /// warning says so. Jekyll itself publishes such posts only when their permalinks differ.
    public static func disambiguate(_ posts: inout [Post]) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var taken = Set(posts.map(\.id))
        var warnings: [Diagnostic] = []
        for index in posts.indices {
            let post = posts[index]
            guard let first = firstPath[post.id] else {
                firstPath[post.id] = post.path
                continue
            }
            var id = "\(post.id):\(encode(post.path))"
            while taken.contains(id) { id += "~" }
            taken.insert(id)
            posts[index].id = id
            warnings.append(
                Diagnostic(
                    .warning, at: FileLocation(path: post.path),
                    "same id as \(first) (the same file name, and a language that does not set ids apart): "
                        + "its id is taken from its path, \(id)"))
        }
        return warnings
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
