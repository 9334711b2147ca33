import Foundation

/// Lays a digest out as an HTML document for the mail's `text/html` part: the same content as `DigestText`, with
/// links inline instead of numbered references, and a "read on the site" link under each issue.
///
/// Mail clients drop `<style>` blocks and block remote resources, so the document has inline `style` attributes
/// only, no picture, font or stylesheet to fetch; every `href` is a post's own URL. Each issue is in an element
/// with its language and direction (`dir="rtl"` for Arabic), and the document with the digest's.
public struct DigestHTML: Sendable {
    public var layout: DigestText

    public init(layout: DigestText) {
        self.layout = layout
    }

    private static let bodyStyle =
        "margin:0 auto;max-width:40em;padding:1em;font-family:sans-serif;font-size:16px;line-height:1.5;color:#222"
    private static let mutedStyle = "color:#666;font-size:14px"
    private static let ruleStyle = "border:0;border-top:1px solid #ccc;margin:1.5em 0"

    /// The whole document; `contents` holds the summary and outline of the plan's `postsShownInFull`.
    public func document(_ plan: DigestPlan, contents: [String: DigestContent]) -> String {
        let labels = layout.labels
        let language = labels.language ?? "en"
        var html = "<!DOCTYPE html>\n"
        html += "<html lang=\"\(esc(language))\" dir=\"\(TextDirection(languageTag: language).rawValue)\">\n"
        html += "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
        html += "<title>\(esc(layout.subject(plan.window)))</title>\n</head>\n"
        html += "<body style=\"\(Self.bodyStyle)\">\n"
        html += "<h1 style=\"font-size:24px;margin:0\">\(esc(layout.siteTitle)) — \(esc(labels.digest))</h1>\n"
        html += "<p style=\"\(Self.mutedStyle);margin:0\">\(esc(layout.dates(plan.window)))</p>\n"
        if plan.isEmpty { html += "<p>\(esc(labels.nothingPublished))</p>\n" }
        for entry in plan.entries {
            let post = entry.post
            html += "<hr style=\"\(Self.ruleStyle)\">\n"
            html += "<div\(languageAttributes(post.language))>\n"
            html += "<h2 style=\"font-size:20px;margin:0 0 .25em\">\(link(post, style: "color:#1a0dab"))</h2>\n"
            var byline = labels.day(layout.day(post.date, plan.window.timeZone))
            if !post.authors.isEmpty { byline += " · " + post.authors.map(\.name).joined(separator: ", ") }
            html += "<p style=\"\(Self.mutedStyle);margin:0\">\(esc(byline))</p>\n"
            let content = contents[post.id]
            if let summary = content?.summary, !summary.isEmpty { html += "<p>\(esc(summary))</p>\n" }
            if let outline = content?.outline, !outline.isEmpty {
                let heading = post.issue == nil ? labels.contents : labels.inThisIssue
                html += "<h3 style=\"font-size:16px;margin:1em 0 .25em\">\(esc(heading))</h3>\n"
                html += outlineList(outline)
            }
            html += "<p><a href=\"\(esc(post.url))\" style=\"color:#1a0dab;font-weight:bold\">"
            html += "\(esc(labels.readOnSite))</a></p>\n</div>\n"
            if !entry.translations.isEmpty {
                html += "<h3 style=\"font-size:16px;margin:1em 0 .25em\">\(esc(labels.translations))</h3>\n"
                html += translationList(entry.translations)
            }
        }
        if !plan.lateTranslations.isEmpty {
            html += "<hr style=\"\(Self.ruleStyle)\">\n"
            html += "<h2 style=\"font-size:20px;margin:0 0 .25em\">\(esc(labels.newTranslations))</h2>\n"
            for group in plan.lateTranslations {
                let issue = group.issue
                html += "<p\(languageAttributes(issue.language))>\(link(issue, style: "color:#1a0dab")) "
                html +=
                    "<span style=\"\(Self.mutedStyle)\">(\(esc(labels.day(layout.day(issue.date, plan.window.timeZone)))))"
                html += "</span></p>\n"
                html += translationList(group.translations)
            }
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// The sections and their stories as nested lists.
    private func outlineList(_ outline: [OutlineSection]) -> String {
        var html = "<ul style=\"margin:0;padding-inline-start:1.5em\">\n"
        for section in outline {
            let stories = section.stories.map { "<li>\(esc($0))</li>\n" }.joined()
            if let title = section.title {
                html += "<li><strong>\(esc(title))</strong>"
                html += stories.isEmpty ? "</li>\n" : "\n<ul style=\"margin:0\">\n\(stories)</ul></li>\n"
            } else {
                html += stories
            }
        }
        return html + "</ul>\n"
    }

    /// One line per translation: its language tag, then its title linked to its page, in its own direction.
    private func translationList(_ posts: [Post]) -> String {
        var html = "<ul style=\"margin:0;padding-inline-start:1.5em;list-style:none\">\n"
        for post in posts {
            html += "<li><code style=\"\(Self.mutedStyle)\">\(esc(post.language))</code> "
            html += "<span\(languageAttributes(post.language))>\(link(post, style: "color:#1a0dab"))</span></li>\n"
        }
        return html + "</ul>\n"
    }

    private func link(_ post: Post, style: String) -> String {
        "<a href=\"\(esc(post.url))\" style=\"\(style)\">\(esc(post.title))</a>"
    }

    /// ` lang="ar" dir="rtl"`: the language of a post's text, and its direction.
    private func languageAttributes(_ language: String) -> String {
        " lang=\"\(esc(language))\" dir=\"\(TextDirection(languageTag: language).rawValue)\""
    }

    private func esc(_ text: String) -> String { HTMLEscape.escape(text) }
}
