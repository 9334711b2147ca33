import Foundation

/// What Jekyll's `UrlDrop` knows about a post when it fills in a permalink.
public struct PermalinkInput: Sendable {
    /// The post's date (`data["date"]`), shown in `timeZone` as Jekyll does after `localtime`.
    public var date: Date
    public var timeZone: TimeZone
    /// Jekyll's `data["slug"]` from the file name: `PostFilename.slug`.
    public var slug: String
    /// Front matter `slug:`; when set, Jekyll uses it for both `:title` and `:slug`.
    public var frontMatterSlug: String?
    /// Front matter `title:`. Jekyll 4.3.1 does not use it in a post's URL (`:title` comes from the slug); kept
    /// so that callers need not know that.
    public var frontMatterTitle: String?
    /// The post's categories, as `Permalink.categories` gives them.
    public var categories: [String]
    /// The converter's output extension: `.html` for Markdown; a file with an unknown extension keeps its own.
    public var outputExt: String
    /// Path relative to the site source (`posts/_posts/2020-03-16-x.md`), for `:name` and `:path`. When nil,
    /// both are built from `date` and `slug` as if the file were `_posts/YYYY-MM-DD-slug` plus an extension.
    public var relativePath: String?
    /// The document's collection: `:collection`, and the folder (`_posts`, `_talks`) `:path` leaves out.
    public var collection = "posts"

    public init(
        date: Date, timeZone: TimeZone, slug: String, frontMatterSlug: String? = nil, frontMatterTitle: String? = nil,
        categories: [String] = [], outputExt: String = ".html", relativePath: String? = nil
    ) {
        self.date = date
        self.timeZone = timeZone
        self.slug = slug
        self.frontMatterSlug = frontMatterSlug
        self.frontMatterTitle = frontMatterTitle
        self.categories = categories
        self.outputExt = outputExt
        self.relativePath = relativePath
    }
}

/// A post's URL as Jekyll 4.3.1 computes `post.url` (`Jekyll::URL`, `Drops::UrlDrop`), without `baseurl`.
public enum Permalink {
    /// Jekyll's `STYLE_TO_PERMALINK`; any other `permalink` setting is a template as it stands.
    public static let styles: [String: String] = [
        "none": "/:categories/:title:output_ext",
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    ]

    /// The placeholders of `UrlDrop` (and `:collection`, `:path`, `:output_ext` it delegates).
    public static let placeholders: Set<String> = [
        "collection", "name", "title", "slug", "categories", "slugified_categories", "year", "month", "day", "hour",
        "minute", "second", "i_day", "i_month", "short_month", "long_month", "short_year", "w_year", "week", "w_day",
        "short_day", "long_day", "y_day", "output_ext", "path",
    ]

    /// The template for the site's `permalink` setting: `style_to_permalink` (`date` and the other named styles).
    public static func template(forSetting setting: String) -> String {
        styles[setting] ?? setting
    }

    /// `post.url` for a post using the site's `permalink` setting (a named style or a template).
    public static func path(for input: PermalinkInput, pattern: String) -> String {
        sanitize(generate(template(forSetting: pattern), input: input))
    }

    /// A collection document's URL from its collection's template, which Jekyll fills in as it stands (never as a
    /// style name).
    public static func path(for input: PermalinkInput, template: String) -> String {
        sanitize(generate(template, input: input))
    }

    /// `post.url` for a post with a front-matter `permalink:`, which Jekyll fills in with the same placeholders
    /// but never reads as a style name (`permalink: pretty` is `/pretty`). Its text outside placeholders is not
    /// escaped (`/a b/` stays `/a b/`), and its own extension, if any, becomes `:output_ext`
    /// (`Renderer#permalink_ext`).
    public static func path(for input: PermalinkInput, frontMatterPermalink permalink: String) -> String {
        var input = input
        let ext = rubyExtname(permalink)
        if !permalink.hasSuffix("/"), !ext.isEmpty { input.outputExt = ext }
        return sanitize(generate(permalink, input: input))
    }

    /// The placeholders of `template` that Jekyll does not know, where it stops with "The URL template doesn't
    /// have … keys"; `path` leaves them as written. (Ruby methods every drop has, such as `:to_s`, are counted
    /// as unknown here; Jekyll would put an empty string.)
    public static func unknownPlaceholders(in template: String) -> [String] {
        template.matches(of: /:([a-z_]+)/).map { String($0.output.1) }.filter { resolve($0) == nil }
    }

    /// A post's categories, as Jekyll builds `data["categories"]`.
    ///
    /// Folders above `_posts` first (`categories_from_path`: `es/_posts/x.md` gives `es`, `_posts/es/x.md`
    /// nothing), then front matter `categories` (`data["categories"] | other["categories"]`: a union that keeps
    /// the first of duplicates), then `category` if present (`pluralized_array_from_hash` prefers the singular
    /// key, and a singular string is one category even with spaces), without duplicates (`uniq!`). A
    /// `categories:` string is split on whitespace by Jekyll (`other["categories"].split`): pass it through
    /// `splitWords` first.
    public static func categories(relativePath: String, frontMatterCategory: String?, frontMatterCategories: [String])
        -> [String]
    {
        var result: [String] = []
        func add(_ items: [String]) { for item in items where !result.contains(item) { result.append(item) } }
        // `relative_path.sub(%r!_posts.*!, "")`, unless the path starts with `_posts`.
        if !relativePath.hasPrefix("_posts"), let range = relativePath.range(of: "_posts") {
            let basename = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
            add(
                relativePath[..<range.lowerBound].split(separator: "/").map(String.init)
                    .filter { !$0.isEmpty && $0 != "_posts" && $0 != basename })
        }
        add(frontMatterCategories)
        if let frontMatterCategory { add([frontMatterCategory]) }
        return result
    }

    /// Ruby's `String#split` without arguments: runs of ASCII whitespace separate, and leading ones are ignored.
    public static func splitWords(_ string: String) -> [String] {
        string.split(whereSeparator: { " \t\n\u{0B}\u{0C}\r".contains($0) }).map(String.init)
    }

    /// `URL#generate_url_from_drop`: each `:name` is replaced by its escaped value. "We include underscores in
    /// keys to allow for 'i_month'", so a name ending in `_` that is not a key loses that one `_` (`:month_:day`).
    static func generate(_ template: String, input: PermalinkInput) -> String {
        // Every `:[a-z_]+` run, scanned by hand: a Regex literal is rebuilt at each call, which showed in profiles.
        var values: [String: String] = [:]
        var result = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            index = template.index(after: index)
            guard character == ":" else {
                result.append(character)
                continue
            }
            let nameStart = index
            while index < template.endIndex, template[index] == "_" || ("a"..."z").contains(template[index]) {
                index = template.index(after: index)
            }
            let matched = String(template[nameStart..<index])
            guard !matched.isEmpty, let name = resolve(matched) else {
                result += ":" + matched
                continue
            }
            if values[name] == nil { values[name] = escapePath(value(of: name, input: input)) }
            // `match.sub!(":#{winner}", replacement)` keeps the `_` that was not part of the name.
            result += values[name]! + (name.count < matched.count ? "_" : "")
        }
        return result
    }

    /// The known placeholder a matched `[a-z_]+` stands for: itself, or itself less one trailing `_`
    /// (`pool = name.end_with?("_") ? [name, name.chomp!("_")] : [name]`).
    private static func resolve(_ name: String) -> String? {
        if placeholders.contains(name) { return name }
        return name.hasSuffix("_") && placeholders.contains(String(name.dropLast())) ? String(name.dropLast()) : nil
    }

    /// The value of one `UrlDrop` placeholder, before escaping.
    static func value(of name: String, input: PermalinkInput) -> String {
        let time = LocalTime(input.date, in: input.timeZone)
        let slug = input.frontMatterSlug ?? input.slug
        let relativePath = input.relativePath ?? fallbackRelativePath(input, time: time)
        switch name {
        case "collection": return input.collection
        case "name": return Slugify.slugify(basenameWithoutExt(relativePath))
        case "title": return Slugify.slugify(slug, mode: .pretty, cased: true)
        case "slug": return Slugify.slugify(slug)
        case "categories": return unique(input.categories.map { $0.lowercased() }).joined(separator: "/")
        case "slugified_categories": return unique(input.categories.map { Slugify.slugify($0) }).joined(separator: "/")
        case "year": return rubyYear(time.date.year)
        case "month": return twoDigits(time.date.month)
        case "day": return twoDigits(time.date.day)
        case "hour": return twoDigits(time.hour)
        case "minute": return twoDigits(time.minute)
        case "second": return twoDigits(time.second)
        case "i_day": return String(time.date.day)
        case "i_month": return String(time.date.month)
        case "short_month": return String(monthNames[time.date.month - 1].prefix(3))
        case "long_month": return monthNames[time.date.month - 1]
        case "short_year": return twoDigits(((time.date.year % 100) + 100) % 100)
        case "w_year": return rubyYear(time.isoWeek.year)
        case "week": return twoDigits(time.isoWeek.week)
        case "w_day": return String(time.isoWeekday)
        case "short_day": return String(dayNames[time.isoWeekday - 1].prefix(3))
        case "long_day": return dayNames[time.isoWeekday - 1]
        case "y_day":
            return String(repeating: "0", count: max(0, 3 - String(time.dayOfYear).count)) + String(time.dayOfYear)
        case "output_ext": return input.outputExt
        case "path": return cleanedRelativePath(relativePath, collection: input.collection)
        default: return ""
        }
    }

    /// `File.basename(path, ".*")`.
    static func basenameWithoutExt(_ path: String) -> String {
        let basename = path.split(separator: "/").last.map(String.init) ?? path
        let ext = rubyExtname(basename)
        return ext.isEmpty ? basename : String(basename.dropLast(ext.count))
    }

    /// Ruby 3.1's `File.extname`: from the last period of the basename, leading periods not counting; `.` alone
    /// when the name ends with a period.
    static func rubyExtname(_ path: String) -> String {
        let basename = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let name = basename.drop(while: { $0 == "." })
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[dot...])
    }

    /// `Document#cleaned_relative_path`: the relative path (to `collections_dir`) without its extension, the first
    /// `_posts` (the collection's folder, `_LABEL`) removed, and trailing periods removed.
    static func cleanedRelativePath(_ relativePath: String, collection: String = "posts") -> String {
        var path = String(relativePath.dropLast(rubyExtname(relativePath).count))
        if let range = path.range(of: "_" + collection) { path.removeSubrange(range) }
        while path.hasSuffix(".") { path.removeLast() }
        return path
    }

    /// `_posts/YYYY-MM-DD-slug.md`, standing in for the real path when the caller has none.
    private static func fallbackRelativePath(_ input: PermalinkInput, time: LocalTime) -> String {
        "_posts/\(rubyYear(time.date.year))-\(twoDigits(time.date.month))-\(twoDigits(time.date.day))-\(input.slug).md"
    }

    /// The distinct items in their first order, as Jekyll's `Set` keeps them.
    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// `%Y`: at least four digits, with a minus sign before them for years before 1 BC.
    static func rubyYear(_ year: Int) -> String {
        let digits = String(abs(year))
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    private static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
