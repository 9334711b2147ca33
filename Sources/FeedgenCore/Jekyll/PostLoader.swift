import Foundation
import Yams

/// Turns a post file's name and front matter into a `Post`, applying Jekyll's rules and feedgen's language rules.
public enum PostLoader {
    /// What the loader needs to know about the site.
    public struct Context: Sendable {
        public var site: SiteConfig
        public var languages: LanguageRules
        public var issues: IssueRules

        public init(site: SiteConfig, languages: LanguageRules = .defaults, issues: IssueRules = .defaults) {
            self.site = site
            self.languages = languages
            self.issues = issues
        }
    }

    /// The result of loading one file.
    public enum Outcome {
        /// A post to publish, with warnings about it.
        case post(Post, warnings: [Diagnostic])
        /// `published: false`: Jekyll leaves it out, and so do we.
        case unpublished
        /// The post cannot be published; the diagnostic says why and where.
        case failed(Diagnostic)
    }

    /// Loads the post at `relativePath` (relative to the site, `/`-separated) from its front matter.
    /// - Parameter body: reads the body, called only when the language has to be told from the text.
    ///
    /// With `collection`, the file is a document of that Jekyll collection rather than a post: its name need not
    /// start with a date (Jekyll's `DATELESS_FILENAME_MATCHER` then gives its slug), its date is its front matter's,
    /// else its name's, else `now` (Jekyll's `site.time`: the build's time); its URL follows the collection's
    /// template (`JekyllCollection.urlTemplate`), and its id is the one jekyll-feed gives it.
    public static func load(
        relativePath: String, frontMatter: FrontMatter, body: () -> String, context: Context,
        collection: JekyllCollection? = nil, now: Date = Date(timeIntervalSince1970: 0)
    ) -> Outcome {
        func failure(_ message: String, key: String? = nil) -> Outcome {
            let line = key.flatMap { frontMatter.line(of: $0) }
            return .failed(Diagnostic(.error, at: FileLocation(path: relativePath, line: line ?? 1), message))
        }
        let fileName = String(relativePath.split(separator: "/").last ?? Substring(relativePath))
        let dated = PostFilename.parse(fileName)
        guard let name = dated ?? collection.flatMap({ _ in datelessName(fileName) }) else {
            return failure("not a post file name: Jekyll expects YYYY-MM-DD-title.md")
        }
        if frontMatter.bool("published") == false {
            return .unpublished
        }
        let site = context.site
        var warnings = frontMatter.warnings.map {
            Diagnostic(.warning, at: FileLocation(path: relativePath, line: $0.line), $0.message)
        }

        var date = now
        if collection == nil || dated != nil {
            guard let fileDate = JekyllDate.fromFilename(name, timeZone: site.timeZone) else {
                return failure("the date in the file name is not a calendar date")
            }
            date = fileDate
        }
        if let value = frontMatter.string("date") {
            do {
                date = try JekyllDate.parseFrontMatter(
                    value, isPlain: frontMatter.isPlainScalar("date"), timeZone: site.timeZone)
            } catch {
                return failure("invalid date '\(value)': \(error)", key: "date")
            }
        }
        var modified: Date?
        if let value = frontMatter.string("last_modified_at") ?? frontMatter.string("modified") {
            let key = frontMatter.string("last_modified_at") != nil ? "last_modified_at" : "modified"
            do {
                modified = try JekyllDate.parseFrontMatter(
                    value, isPlain: frontMatter.isPlainScalar(key), timeZone: site.timeZone)
            } catch {
                warnings.append(
                    Diagnostic(
                        .warning, at: FileLocation(path: relativePath, line: frontMatter.line(of: key)),
                        "ignoring invalid '\(key)' date '\(value)': \(error)"))
            }
        }

        // As jekyll-feed reads them: an `author:` that is a key of `_data/authors.yml` is that entry, any other
        // string is the author's name as written; `authors:` may list several.
        var authors: [Author] = []
        for name in frontMatter.people("author") + frontMatter.people("authors") {
            let author = site.authors[name] ?? Author(name: name)
            if !authors.contains(author) { authors.append(author) }
        }

        // XML 1.0 forbids most control characters: one in a title would make every reader reject the feed (`XMLSafeText`).
        func clean(_ key: String) -> String? {
            guard let value = frontMatter.string(key) else { return nil }
            let cleaned = XMLSafeText.clean(value)
            if cleaned.removed > 0 {
                warnings.append(
                    Diagnostic(
                        .warning, at: FileLocation(path: relativePath, line: frontMatter.line(of: key)),
                        "removed \(cleaned.removed) character(s) feeds cannot carry from '\(key)'"))
            }
            return cleaned.text
        }
        let title =
            (clean("title")?.trimmingCharacters(in: .whitespacesAndNewlines))
            .flatMap { $0.isEmpty ? nil : $0 } ?? titleFromSlug(name.slug)
        let excerpt = clean("excerpt").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let tags = frontMatter.list("tags") + frontMatter.list("tag")
        // Jekyll's `relative_path` is relative to `collections_dir` (posts too: `content/_posts` is `_posts`).
        var jekyllPath = relativePath
        if !site.collectionsDir.isEmpty, relativePath.hasPrefix(site.collectionsDir + "/") {
            jekyllPath = String(relativePath.dropFirst(site.collectionsDir.count + 1))
        }
        var categories = Permalink.categories(
            relativePath: jekyllPath, frontMatterCategory: frontMatter.string("category"),
            frontMatterCategories: frontMatter.list("categories"))
        let translatedLanguage = site.multipleLanguages?.language(ofPath: relativePath)
        if let plugin = site.multipleLanguages, let language = translatedLanguage {
            categories = plugin.categories(categories, language: language)
        }
        let image = imageURL(frontMatter, site: site)
        let media = MediaFile.named(in: frontMatter, site: site)
        if let problem = media.problem {
            warnings.append(
                Diagnostic(.warning, at: FileLocation(path: relativePath, line: problem.line), problem.message))
        }

        let declared = frontMatter.string("lang") ?? frontMatter.string("language")
        let siteLanguage = site.language ?? "en"
        let decision = LanguageDetector.detect(
            frontMatter: declared,
            folder: site.folderLanguage(ofPath: relativePath),
            fileName: fileName, title: title, body: body, siteDefault: siteLanguage, rules: context.languages)
        if let declared, decision.reason != .frontMatter {
            warnings.append(
                Diagnostic(
                    .warning,
                    at: FileLocation(
                        path: relativePath, line: frontMatter.line(of: "lang") ?? frontMatter.line(of: "language")),
                    "'\(declared)' is not a BCP 47 language tag; using '\(decision.language)'"))
        }
        let issue = IssueDetector.issue(
            frontMatterIssue: frontMatter.int("issue"), title: title, fileName: fileName,
            image: imageName(frontMatter), tags: tags, rules: context.issues)

        var input = PermalinkInput(
            date: date, timeZone: site.timeZone, slug: name.slug, frontMatterSlug: frontMatter.string("slug"),
            frontMatterTitle: frontMatter.string("title"), categories: categories, relativePath: jekyllPath)
        // Jekyll reads a front-matter `permalink:` as a template, never as a style name (`pretty` gives `/pretty`).
        if let collection { input.collection = collection.label }
        var path =
            if let permalink = frontMatter.string("permalink") {
                Permalink.path(for: input, frontMatterPermalink: permalink)
            } else if let collection {
                Permalink.path(for: input, template: collection.urlTemplate(sitePermalink: site.permalink))
            } else {
                Permalink.path(for: input, pattern: site.permalink)
            }
        if let collection {
            let documentID = JekyllURLFilters.documentID(url: path, slug: frontMatter.string("slug") ?? name.slug)
            var post = Post(
                path: relativePath, slug: name.slug, date: date, modified: modified, title: title,
                categories: categories, tags: tags, authors: authors, excerpt: excerpt, image: image,
                language: decision.language, url: site.url + site.baseurl + path,
                id: JekyllURLFilters.absoluteURL(documentID, siteURL: site.url, baseurl: site.baseurl),
                bodyLine: frontMatter.bodyLine, documentID: documentID)
            post.collection = collection.label
            post.bannerImage = bannerName(frontMatter).flatMap {
                SiteImage.url($0, siteURL: site.url, baseurl: site.baseurl)
            }
            post.media = media.file
            return .post(post, warnings: warnings)
        }
        // Translations share their file name (date and title part) in sibling language folders, or name one
        // key, or (with polyglot) share a permalink.
        var translationKeys = [String(format: "file:%04d-%02d-%02d-", name.year, name.month, name.day) + name.slug]
        for key in TranslationLinker.frontMatterKeys {
            if let value = frontMatter.string(key)?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                translationKeys.append("key:" + value)
            }
        }
        if let polyglot = site.polyglot {
            let language = polyglot.language(ofPath: relativePath, frontMatterLang: frontMatter.string("lang"))
            translationKeys.append("permalink:" + polyglot.sharedPath(path))
            path = polyglot.path(path, language: language)
        }
        if let plugin = site.multipleLanguages, let language = translatedLanguage {
            path = plugin.path(path, language: language)
        }
        // Translations in sibling folders share their file name, so a language the site's structure (front matter,
        // folder) sets goes into the id, unless it is the site's own or the file name already says it (`x-fr.md`).
        let structural = decision.reason == .frontMatter || decision.reason == .folder
        let idLanguage =
            structural && LanguageTag.normalized(siteLanguage) != decision.language
                && LanguageDetector.marker(in: PostFileStem.of(fileName), field: .file, rules: context.languages)?
                    .language != decision.language
            ? decision.language : nil
        var post = Post(
            path: relativePath, slug: name.slug, date: date, modified: modified, title: title,
            categories: categories, tags: tags, authors: authors,
            excerpt: excerpt,
            image: image, language: decision.language, issue: issue, translationKeys: translationKeys,
            url: site.url + site.baseurl + path,
            id: PostID.make(host: site.host, fileDate: name, slug: name.slug, language: idLanguage),
            bodyLine: frontMatter.bodyLine,
            documentID: JekyllURLFilters.documentID(url: path, slug: frontMatter.string("slug") ?? name.slug))
        post.bannerImage = bannerName(frontMatter).flatMap {
            SiteImage.url($0, siteURL: site.url, baseurl: site.baseurl)
        }
        post.media = media.file
        return .post(post, warnings: warnings)
    }

    /// The slug and extension of a document whose name has no date (`DATELESS_FILENAME_MATCHER`,
    /// `^(?:.+/)*(.*)(\.[^.]+)$`), trailing periods removed from the slug; nil for a name without an extension.
    public static func datelessName(_ fileName: String) -> PostFilename? {
        guard let dot = fileName.lastIndex(of: "."), fileName.index(after: dot) < fileName.endIndex else { return nil }
        var slug = fileName[..<dot]
        while slug.last == "." { slug.removeLast() }
        return PostFilename(year: 0, month: 0, day: 0, slug: String(slug), ext: String(fileName[dot...]))
    }

    /// Jekyll's title for a post without one: the slug's words capitalized (`Utils.titleize_slug`).
    static func titleFromSlug(_ slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// `image: x.png` or `image: {thumb: x.png, feature: y.png}`; bare names live in the site's `/images/`.
    private static func imageName(_ frontMatter: FrontMatter) -> String? {
        switch frontMatter.fields["image"] {
        case .scalar?: return frontMatter.string("image")
        case let node?:
            for key in ["thumb", "feature", "path", "url"] {
                if let value = node[key]?.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                    return value
                }
            }
            return nil
        case nil: return nil
        }
    }

    /// The wide picture a post names for its top, as themes call it: `banner` (a name, or `banner.image`), the
    /// `feature` of an `image:` mapping (HPSTR, So Simple), `header.image` or `header.overlay_image` (Minimal
    /// Mistakes). A thumbnail (`image: x.png`, `image.thumb`) is never a banner.
    private static func bannerName(_ frontMatter: FrontMatter) -> String? {
        let candidates: [Node?] = [
            frontMatter.fields["banner"], frontMatter.fields["banner"]?["image"],
            frontMatter.fields["image"]?["feature"],
            frontMatter.fields["header"]?["image"], frontMatter.fields["header"]?["overlay_image"],
        ]
        for case let node? in candidates where node.null == nil {
            if case .scalar = node, let value = node.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return value
            }
        }
        return nil
    }

    private static func imageURL(_ frontMatter: FrontMatter, site: SiteConfig) -> String? {
        imageName(frontMatter).flatMap { SiteImage.url($0, siteURL: site.url, baseurl: site.baseurl) }
    }
}
