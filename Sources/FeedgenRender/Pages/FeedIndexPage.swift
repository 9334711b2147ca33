import FeedgenCore
import Foundation

/// The HTML page beside the feeds (`index.html` in the output folder): what a feed is, and for every feed its
/// subscribe addresses as plain, selectable text and its latest items with dates and summaries.
///
/// No script and no external resource: it reads the same in any browser, a text browser, or a screenshot.
/// Each feed's section carries its language and direction (`lang`, `dir="rtl"` for Arabic and the like).
public enum FeedIndexPage {
    /// How many of a feed's newest items the page lists.
    public static let latestCount = 5

    /// The page's UTF-8 bytes. `feeds` come in the order of the OPML list (all languages first); only their
    /// first `latestCount` items are shown. `language` is the site's, for the page's own `lang`.
    public static func write(title: String, language: String, feeds: [Feed]) -> [UInt8] {
        var html = """
            <!DOCTYPE html>
            <html lang="\(HTMLEscape.escape(language))" dir="\(TextDirection(languageTag: language).rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscape.escape(title))</title>
            <style>\(style)</style>

            """
        for feed in feeds {
            for (type, url) in FeedLinks.formats(of: feed.urls) {
                html += "<link rel=\"alternate\" type=\"\(type)\" title=\"\(HTMLEscape.escape(feed.title))\" "
                html += "href=\"\(HTMLEscape.escape(url))\">\n"
            }
        }
        html += "</head>\n<body>\n<h1>\(HTMLEscape.escape(title))</h1>\n"
        var explained: Set<String> = []
        for feed in feeds {
            html += section(for: feed, explaining: explained.insert(whatIsAFeed(feed.language)).inserted)
        }
        html += "</body>\n</html>\n"
        return Array(html.utf8)
    }

    private static func whatIsAFeed(_ language: String) -> String { FeedPageLabels.of(language).whatIsAFeed }

    /// One feed: its title, what a feed is (once per wording), its three addresses, its latest items.
    private static func section(for feed: Feed, explaining: Bool) -> String {
        let labels = FeedPageLabels.of(feed.language)
        let tag = feed.language == "mul" ? "" : " lang=\"\(HTMLEscape.escape(feed.language))\""
        var html = "<section\(tag) dir=\"\(TextDirection(languageTag: feed.language).rawValue)\">\n"
        html += "<h2>\(HTMLEscape.escape(feed.title))</h2>\n"
        if explaining { html += "<p>\(HTMLEscape.escape(labels.whatIsAFeed))</p>\n" }
        html += "<h3>\(HTMLEscape.escape(labels.subscribe))</h3>\n<dl>\n"
        for (name, url) in [("RSS", feed.urls.rss), ("Atom", feed.urls.atom), ("JSON Feed", feed.urls.json)] {
            // Plain text, not a link: a reader wants the address copied, and a click would show raw XML.
            html += "<dt>\(name)</dt><dd><code dir=\"ltr\">\(HTMLEscape.escape(url))</code></dd>\n"
        }
        html += "</dl>\n<h3>\(HTMLEscape.escape(labels.latest))</h3>\n<ul>\n"
        for item in feed.items.prefix(latestCount) {
            let lang = item.language == feed.language ? "" : " lang=\"\(HTMLEscape.escape(item.language))\""
            // Each run isolated from its neighbours, so an Arabic title does not pull the date beside it into
            // right-to-left order (`16-01-2026`): the title and summary take their own text's direction
            // (`dir="auto"`: an item's language may differ from the section's), the date is left to right.
            html += "<li\(lang)><a dir=\"auto\" href=\"\(HTMLEscape.escape(item.url))\">"
            html += "\(HTMLEscape.escape(item.title))</a> "
            html += "<time dir=\"ltr\" datetime=\"\(FeedDate.rfc3339(item.published))\">\(day(item.published))</time>"
            if !item.summary.isEmpty { html += "<p dir=\"auto\">\(HTMLEscape.escape(item.summary))</p>" }
            html += "</li>\n"
        }
        html += "</ul>\n</section>\n"
        return html
    }

    /// `2026-03-09`: a date every language reads.
    static func day(_ date: Date) -> String { String(FeedDate.rfc3339(date).prefix(10)) }

    static let style =
        "body{font-family:sans-serif;max-width:46em;margin:auto;padding:1em;line-height:1.5}"
        + "code{user-select:all;word-break:break-all;background:#f4f4f4;padding:0 .2em}"
        + "section{border-top:1px solid #ccc;margin-top:1.5em}li{margin-bottom:.6em}li p{margin:.2em 0}"
        + "time{color:#555;margin-inline-start:.5em}"
}
