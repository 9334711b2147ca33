import Foundation

/// A post of the test corpus, read with a minimal line reader: file name, `title:`, `tags:`, image thumb, body.
///
/// Real YAML parsing belongs to the front-matter reader; this one knows just enough of the corpus
/// (a BOM, CRLF lines, double-quoted titles, `tags: [a, b]` or `tags: ""`, `image:` with an indented `thumb:`).
struct CorpusPost {
    var folder: String
    var fileName: String
    var title: String
    var tags: [String]
    var thumb: String?
    var body: String

    /// The corpus folder, found from this file's path: `<package>/../shared/corpus/dair-ai`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/dair-ai").standardizedFileURL

    /// Every post file of `posts/_posts` and `projects/_posts`, sorted by folder then name.
    static func all() throws -> [CorpusPost] {
        var posts: [CorpusPost] = []
        for folder in ["posts/_posts", "projects/_posts"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                posts.append(parse(text, folder: folder, fileName: name))
            }
        }
        return posts
    }

    static func parse(_ text: String, folder: String, fileName: String) -> CorpusPost {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Split on "\n" by scalars: Swift treats "\r\n" as one Character, so split(separator: "\n") would not.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        var post = CorpusPost(folder: folder, fileName: fileName, title: "", tags: [], thumb: nil, body: "")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return post }
        for line in lines[1..<end] {
            if line.hasPrefix("title:") {
                post.title = unquote(line.dropFirst("title:".count))
            } else if line.hasPrefix("tags:") {
                let value = line.dropFirst("tags:".count).trimmingCharacters(in: .whitespaces)
                post.tags =
                    value.hasPrefix("[")
                    ? value.dropFirst().dropLast().split(separator: ",").map { unquote($0) }.filter { !$0.isEmpty }
                    : [unquote(Substring(value))].filter { !$0.isEmpty }
            } else if line.trimmingCharacters(in: .whitespaces).hasPrefix("thumb:"), line.first == " " {
                let value = unquote(line.trimmingCharacters(in: .whitespaces).dropFirst("thumb:".count))
                post.thumb = value.isEmpty ? nil : value
            }
        }
        post.body = lines[(end + 1)...].joined(separator: "\n")
        return post
    }

    private static func unquote(_ value: Substring) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == trimmed.last, first == "\"" || first == "'" {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
