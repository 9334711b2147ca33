import Foundation

/// Finds which newsletter issue a post is, so translations of one issue can be linked.
public enum IssueDetector {
    /// The post's issue, or nil for a standalone article.
    ///
    /// The series is the post's first tag (empty when it has none), so `NLP Research Highlights — Issue #1`
    /// (`nlp_highlights`) is not linked with `NLP Newsletter #1` (`nlp_newsletter`). The number is the front
    /// matter's `issue` when it is positive, else the first rule that matches the title, then the file name,
    /// then the image (see `IssueRules`).
    /// - Parameter fileName: the post's file name or path, with its date prefix and extensions.
    /// - Parameter image: the front matter's image (or its `thumb`), a name, path or URL.
    public static func issue(
        frontMatterIssue: Int?, title: String, fileName: String, image: String?, tags: [String], rules: IssueRules
    ) -> IssueKey? {
        let series = tags.first?.trimmingCharacters(in: .whitespaces) ?? ""
        if let frontMatterIssue, frontMatterIssue > 0 {
            return IssueKey(series: series, number: frontMatterIssue)
        }
        let imageName = image.map { image in
            let path = image.split(separator: "?", maxSplits: 1).first.map(String.init) ?? image
            return path.split(separator: "/").last.map(String.init) ?? path
        }
        let fields: [(IssueRules.Rule.Field, String?)] = [
            (.title, title), (.file, PostFileStem.of(fileName)), (.image, imageName),
        ]
        for case (let field, let text?) in fields {
            for (rule, pattern) in rules.compiled where rule.fields.contains(field) {
                guard let digits = pattern.firstMatch(in: text)?.groups.first ?? nil else { continue }
                // ICU's `\d` is any decimal digit (`٥`, `５`), which `Int(_:)` would refuse.
                let number = digits.unicodeScalars.reduce(0) { $0 * 10 + Int($1.properties.numericValue ?? 0) }
                if number > 0 { return IssueKey(series: series, number: number) }
            }
        }
        return nil
    }
}
