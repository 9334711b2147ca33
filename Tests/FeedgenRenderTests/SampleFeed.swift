import FeedgenCore
import Foundation

/// A small two-language feed whose text exercises escaping: `&`, `<`, `]]>`, an emoji, Arabic and a control
/// character in the title, and HTML content holding `]]>`.
enum SampleFeed {
    static let bell = "\u{07}"
    /// The English title as given, with a BEL control character that XML cannot hold.
    static let englishTitle = "Q&A: 1 < 2 ]]> 🎉\(bell) done"
    /// What every format must carry instead: the same text without the control character.
    static let englishTitleWritten = "Q&A: 1 < 2 ]]> 🎉 done"
    static let arabicTitle = "النشرة الإخبارية: العدد ٧"
    static let englishHTML = """
        <p>Compare <code>a[b[0]]&gt;c</code> with ]]&gt; and ]]> in text &amp; <a href="https://example.org/x?a=1&amp;b=2">a link</a>.</p>
        <p>Emoji 🎉 and Arabic <span dir="rtl">مرحبا</span>.</p>
        """
    static let arabicHTML = "<p dir=\"rtl\">مرحبا بكم في النشرة. ]]></p>"

    static func date(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static let owner = Author(name: "DAIR.AI", uri: "https://dair.ai/")
    static let elvis = Author(name: "Elvis Saravia", uri: "https://example.org/elvis", email: "elvis@example.org")

    static let english = FeedItem(
        id: "tag:dair.ai,2020-03-16:/posts/NLP_Newsletter_7/",
        url: "https://dair.ai/posts/NLP_Newsletter_7/",
        title: englishTitle,
        summary: "Plain summary: 1 < 2 & 3 > 2.",
        contentHTML: englishHTML,
        published: date("2020-03-16T00:00:00Z"),
        updated: date("2020-03-18T10:30:00Z"),
        authors: [elvis],
        tags: ["NLP", "Newsletter"],
        image: "https://dair.ai/img/cover.png",
        language: "en",
        translations: [
            Translation(language: "ar", url: "https://dair.ai/posts/NLP_Newsletter_7_ar/", title: arabicTitle)
        ]
    )

    static let arabic = FeedItem(
        id: "tag:dair.ai,2020-03-15:/posts/NLP_Newsletter_7_ar/",
        url: "https://dair.ai/posts/NLP_Newsletter_7_ar/",
        title: arabicTitle,
        summary: "",
        contentHTML: arabicHTML,
        published: date("2020-03-15T08:00:00Z"),
        updated: date("2020-03-15T08:00:00Z"),
        authors: [],
        tags: [],
        image: nil,
        language: "ar",
        translations: [
            Translation(language: "en", url: "https://dair.ai/posts/NLP_Newsletter_7/", title: englishTitle)
        ]
    )

    static let feed = Feed(
        id: "tag:dair.ai,2020:feeds/all",
        title: "DAIR.AI — all languages",
        description: "NLP News & notes, in every language.",
        homePageURL: "https://dair.ai/",
        language: "mul",
        updated: date("2020-03-18T10:30:00Z"),
        authors: [owner],
        urls: FeedURLs(
            rss: "https://dair.ai/feeds/all/rss.xml",
            atom: "https://dair.ai/feeds/all/atom.xml",
            json: "https://dair.ai/feeds/all/feed.json"
        ),
        items: [english, arabic]
    )

    static let generator = "feedgen 0.1"
}
