import Foundation

extension Post {
    /// The post as Liquid's `page` (and as an element of `site.posts`): its front matter, then what Jekyll
    /// sets itself: `title`, `date`, `url` (the path, without the site's URL and baseurl), `slug`, `path`,
    /// `id`, `categories`, `tags`.
    /// - Parameters:
    ///   - frontMatter: the front matter as Liquid reads it (`.null` when not at hand).
    ///   - sitePrefix: the site's `url` + `baseurl`, which `url` loses.
    public func liquidValue(frontMatter: LiquidValue = .null, sitePrefix: String) -> LiquidValue {
        var page: LiquidObject
        if case .object(let fields) = frontMatter { page = fields } else { page = LiquidObject() }
        let path = url.hasPrefix(sitePrefix) ? String(url.dropFirst(sitePrefix.count)) : url
        page["title"] = .string(title)
        page["date"] = .date(date)
        page["url"] = .string(path)
        page["id"] = .string(path.hasSuffix(".html") ? String(path.dropLast(5)) : path)
        page["slug"] = .string(slug)
        page["path"] = .string(self.path)
        page["categories"] = .array(categories.map { .string($0) })
        page["tags"] = .array(tags.map { .string($0) })
        if page["excerpt"] == nil, let excerpt { page["excerpt"] = .string(excerpt) }
        return .object(page)
    }
}
