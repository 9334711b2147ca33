/// The parts of a post's file name, as Jekyll 4.3.1 reads them with `Document::DATE_FILENAME_MATCHER`.
///
/// `^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`: a date, a hyphen, the title part, and the last
/// extension. `2020-03-16-NLP_7[ZH].md.md` has the slug `NLP_7[ZH].md` and the extension `.md`;
/// `2020-03-22-NLP_8[ZH].md .md` has the slug `NLP_8[ZH].md ` (with its space).
public struct PostFilename: Sendable, Equatable {
    /// The year as Ruby's `Time.parse` reads it: a two-digit year is 1969–2068 (`69` is 1969, `68` is 2068).
    public var year: Int
    /// The month as written (`4` in `2020-4-6`), not checked: see `JekyllDate.fromFilename`.
    public var month: Int
    /// The day as written, not checked.
    public var day: Int
    /// Jekyll's `data["slug"]`: the title part with trailing periods removed ("slugs shouldn't end with a period").
    public var slug: String
    /// The last extension with its dot, as written (`.Md`).
    public var ext: String

    public init(year: Int, month: Int, day: Int, slug: String, ext: String) {
        self.year = year
        self.month = month
        self.day = day
        self.slug = slug
        self.ext = ext
    }

    /// Jekyll's default `markdown_ext`, `"markdown,mkdown,mkdn,mkd,md"`, split on commas.
    public static let defaultMarkdownExtensions = ["markdown", "mkdown", "mkdn", "mkd", "md"]

    /// Reads a post's file name; nil when Jekyll would not read the file as a post.
    ///
    /// `fileName` is a name (`2020-4-6-TL;DR.md`) or a path: what follows its last `_posts` folder is what Jekyll
    /// calls the entry (`2020/2020-4-6-x.md` for a post in `_posts/2020/`). Jekyll's `EntryFilter` first drops
    /// entries starting with `.`, `_`, `#` or `~` (the entry or its basename), ending with `~` (backups) or with
    /// `.`. Then the entry must match `DATE_FILENAME_MATCHER`, whose `(?>.+/)*?` skips folders, so only the last
    /// component counts. Not modelled: `exclude`/`include` in `_config.yml`, and names holding a newline (Ruby's
    /// `^`/`$` match at line breaks), which are refused here.
    public static func parse(_ fileName: String) -> PostFilename? {
        guard !fileName.contains("\n") else { return nil }
        var components = fileName.split(separator: "/", omittingEmptySubsequences: false)
        if let posts = components.lastIndex(of: "_posts") { components.removeFirst(posts + 1) }
        guard let first = components.first, let last = components.last else { return nil }
        let entry = components.joined(separator: "/")
        // `special?(entry)`: `SPECIAL_LEADING_CHAR_REGEX.match?(entry) || ...match?(File.basename(entry))`
        if [first, last].contains(where: { $0.first.map { ".#_~".contains($0) } ?? false }) { return nil }
        // "Reject this entry if it is just a "dot" representation": `e.end_with?(".")`; `backup?`: `~`.
        if entry.hasSuffix("~") || entry.hasSuffix(".") { return nil }
        // Ruby's regular expressions match code points, so a combining mark after `-` does not hide it.
        let name = Array(last.unicodeScalars)
        guard let (year, yearDigits, afterYear) = digits(in: name, from: 0, count: 2...4),
            let (month, _, afterMonth) = digits(in: name, from: afterYear, count: 1...2),
            let (day, _, afterDay) = digits(in: name, from: afterMonth, count: 1...2)
        else { return nil }
        // `([^/]*)(\.[^.]+)$`: the extension runs from the last period, which must not end the name.
        guard let dot = name.lastIndex(of: "."), dot >= afterDay, dot + 1 < name.count else { return nil }
        var slug = name[afterDay..<dot]
        // `slug.gsub!(%r!\.*\z!, "")`
        while slug.last == "." { slug.removeLast() }
        return PostFilename(
            year: yearDigits == 2 ? expandTwoDigitYear(year) : year, month: month, day: day,
            slug: string(slug), ext: string(name[dot...]))
    }

    /// Whether Jekyll's Markdown converter takes a file with extension `ext` (`.md`, `.Md`; the dot is optional).
    ///
    /// Jekyll: `extname_list = markdown_ext.split(",").map! { |e| ".#{e.downcase}" }` and
    /// `matches(ext) = extname_list.include?(ext.downcase)`.
    public static func isMarkdown(ext: String, markdownExtensions: [String] = PostFilename.defaultMarkdownExtensions)
        -> Bool
    {
        let dotted = (ext.hasPrefix(".") ? ext : "." + ext).lowercased()
        return markdownExtensions.contains { "." + $0.lowercased() == dotted }
    }

    /// Ruby's `Date._parse` completion of a two-digit year: `year += year >= 69 ? 1900 : 2000`.
    static func expandTwoDigitYear(_ year: Int) -> Int {
        year >= 69 ? year + 1900 : year + 2000
    }

    /// Reads a run of ASCII digits (Ruby's `\d`) at `start` that must be `count` long and followed by a hyphen;
    /// returns the number, its length and the index after the hyphen. The expression cannot split a longer run.
    private static func digits(in text: [Unicode.Scalar], from start: Int, count: ClosedRange<Int>)
        -> (Int, Int, Int)?
    {
        var index = start
        var value = 0
        while index < text.count, ("0"..."9").contains(text[index]) {
            value = value * 10 + Int(text[index].value - 48)
            index += 1
        }
        guard count.contains(index - start), index < text.count, text[index] == "-" else { return nil }
        return (value, index - start, index + 1)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
