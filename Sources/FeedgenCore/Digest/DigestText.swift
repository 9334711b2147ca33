import Foundation

/// Lays a digest out as plain text for mail: wrapped to a width, links as numbered references.
///
/// ```
/// DAIR.AI — weekly digest
/// March 16–22, 2020
///
/// ====...
///
/// NLP Newsletter #7 [EN]: ... [1]
/// March 16, 2020 · Billy Rick
///
/// In this issue, we cover ...
///
/// In this issue:
///   Research and Publications 📙
///     - Measuring Compositional Generalization
///
/// Translations:
///   pt-BR  NLP Newsletter [PT-BR] #7: ... [2]
///
/// [1] https://dair.ai/posts/NLP_Newsletter_NLP_7/
/// [2] https://...
/// ```
public struct DigestText: Sendable {
    public var siteTitle: String
    public var labels: DigestLabels
    public var width: Int

    public init(siteTitle: String, labels: DigestLabels, width: Int = 72) {
        self.siteTitle = siteTitle
        self.labels = labels
        self.width = width
    }

    /// `DAIR.AI — weekly digest, March 16–22, 2020`: the mail's subject.
    public func subject(_ window: DigestWindow) -> String {
        "\(siteTitle) — \(labels.digest), \(dates(window))"
    }

    /// The dates of the window in the labels' language.
    public func dates(_ window: DigestWindow) -> String {
        let days = window.days
        return labels.days(from: days.first, to: days.last)
    }

    /// The digest's lines; `contents` holds the summary and outline of the plan's `postsShownInFull`.
    public func lines(_ plan: DigestPlan, contents: [String: DigestContent]) -> [WrappedLine] {
        let wrapper = TextWrapper(width: width)
        var lines: [WrappedLine] = []
        lines += wrapper.wrap("\(siteTitle) — \(labels.digest)")
        lines += wrapper.wrap(dates(plan.window))
        let rule = String(repeating: "=", count: wrapper.width)
        let separator = String(repeating: "-", count: wrapper.width)
        lines += [WrappedLine(""), WrappedLine(rule)]
        var number = 0
        func reference(_ url: String, into references: inout [WrappedLine]) -> String {
            number += 1
            let label = "[\(number)]"
            if DisplayWidth.of(label) + 1 + DisplayWidth.of(url) <= wrapper.width {
                references.append(WrappedLine(label + " " + url))
            } else {
                references += [WrappedLine(label), WrappedLine(url)]
            }
            return label
        }
        if plan.isEmpty {
            lines.append(WrappedLine(""))
            lines += wrapper.wrap(labels.nothingPublished)
        }
        for entry in plan.entries {
            var references: [WrappedLine] = []
            let post = entry.post
            lines.append(WrappedLine(""))
            lines += wrapper.wrap(post.title + " " + reference(post.url, into: &references))
            var byline = labels.day(day(post.date, plan.window.timeZone))
            if !post.authors.isEmpty { byline += " · " + post.authors.map(\.name).joined(separator: ", ") }
            lines += wrapper.wrap(byline)
            let content = contents[post.id]
            if let summary = content?.summary, !summary.isEmpty {
                lines.append(WrappedLine(""))
                lines += wrapper.wrap(summary)
            }
            if let outline = content?.outline, !outline.isEmpty {
                lines += [WrappedLine(""), WrappedLine(post.issue == nil ? labels.contents : labels.inThisIssue)]
                for section in outline {
                    var storyIndent = "  "
                    if let title = section.title {
                        lines += wrapper.wrap(title, indent: "  ", hangingIndent: "    ")
                        storyIndent = "    "
                    }
                    for story in section.stories {
                        lines += wrapper.wrap(story, indent: storyIndent + "- ", hangingIndent: storyIndent + "  ")
                    }
                }
            }
            if !entry.translations.isEmpty {
                lines += [WrappedLine(""), WrappedLine(labels.translations)]
                lines += translationLines(entry.translations, wrapper: wrapper) { reference($0, into: &references) }
            }
            lines.append(WrappedLine(""))
            lines += references
            lines += [WrappedLine(""), WrappedLine(separator)]
        }
        if !plan.lateTranslations.isEmpty {
            lines += [WrappedLine("")]
            lines += wrapper.wrap(labels.newTranslations)
            for group in plan.lateTranslations {
                var references: [WrappedLine] = []
                lines.append(WrappedLine(""))
                let issue = group.issue
                lines += wrapper.wrap(
                    issue.title + " (" + labels.day(day(issue.date, plan.window.timeZone)) + ") "
                        + reference(issue.url, into: &references))
                lines += translationLines(group.translations, wrapper: wrapper) { reference($0, into: &references) }
                lines.append(WrappedLine(""))
                lines += references
            }
            lines += [WrappedLine(""), WrappedLine(separator)]
        }
        return lines
    }

    private func translationLines(
        _ posts: [Post], wrapper: TextWrapper, reference: (String) -> String
    ) -> [WrappedLine] {
        let column = posts.map { DisplayWidth.of($0.language) }.max() ?? 0
        return posts.flatMap { post in
            let tag = post.language + String(repeating: " ", count: column - DisplayWidth.of(post.language))
            return wrapper.wrap(
                post.title + " " + reference(post.url), indent: "  \(tag)  ",
                hangingIndent: String(repeating: " ", count: column + 4))
        }
    }

    /// The calendar day of `date` in `timeZone`.
    func day(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day], from: date)
    }
}
