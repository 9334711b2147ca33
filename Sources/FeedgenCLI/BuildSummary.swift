import FeedgenCore
import FeedgenRuntime

/// The table `feedgen build` prints: one line per feed, then the totals.
struct BuildSummary {
    var report: BuildReport
    var siteLabel: String
    var outLabel: String

    var text: String {
        var lines: [String] = []
        let feeds = report.feeds.filter { $0.items > 0 }
        let languages = feeds.filter { if case .language = $0.scope { true } else { false } }.count
        lines.append("Built \(feeds.count) feeds (\(languages) languages) from \(siteLabel) into \(outLabel)")
        let names = report.feeds.map { feed in
            switch feed.scope {
            case .all: "(all)"
            case .language(let tag): tag
            case .slice(let slice): slice.directory
            }
        }
        // The first column is as wide as its longest name (a slice's folder: `fr/collections/talks`) and a space.
        let width = max(10, (names.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        lines.append(pad("language", width) + pad("posts", 7, right: true) + pad("items", 7, right: true) + "  files")
        for (feed, name) in zip(report.feeds, names) {
            lines.append(
                pad(name, width) + pad("\(feed.posts)", 7, right: true) + pad("\(feed.items)", 7, right: true) + "  "
                    + outcomes(feed.files))
        }
        for file in report.opml + report.extras { lines.append("\(file.path): \(file.outcome.rawValue)") }
        let files = report.feeds.flatMap(\.files) + report.opml + report.extras
        let counts = BuildReport.FileOutcome.allCases.compactMap { outcome -> String? in
            let count = files.filter { $0.outcome == outcome }.count
            return count == 0 && outcome != .written ? nil : "\(count) \(outcome.rawValue)"
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        var posts = "\(report.postsRead) post files"
        var aside: [String] = []
        if report.postsFailed > 0 { aside.append("\(report.postsFailed) left out") }
        if report.postsUnpublished > 0 { aside.append("\(report.postsUnpublished) unpublished") }
        if report.postsInFuture > 0 { aside.append("\(report.postsInFuture) in the future") }
        if !aside.isEmpty { posts += " (" + aside.joined(separator: ", ") + ")" }
        lines.append("\(posts); files: \(counts.joined(separator: ", ")); \(errors) errors, \(warnings) warnings")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `written` when all three files share an outcome, else each file's.
    /// What happened to a feed's files: its current documents (`3 written`, or each one's outcome when they differ),
    /// then its archive pages, counted by outcome (`archive: 3 unchanged, 3 removed`).
    private func outcomes(_ files: [BuildReport.FileResult]) -> String {
        let current = files.filter { !$0.path.contains("archive/") }
        let pages = files.filter { $0.path.contains("archive/") }
        let distinct = Set(current.map(\.outcome))
        var text =
            if distinct.count == 1, let only = distinct.first {
                "\(current.count) \(only.rawValue)"
            } else {
                current.map { "\($0.path.split(separator: "/").last ?? ""): \($0.outcome.rawValue)" }.joined(
                    separator: ", ")
            }
        if !pages.isEmpty {
            text += "; archive: "
            text += BuildReport.FileOutcome.allCases.compactMap { outcome in
                let count = pages.filter { $0.outcome == outcome }.count
                return count == 0 ? nil : "\(count) \(outcome.rawValue)"
            }.joined(separator: ", ")
        }
        return text
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? padding + text : text + padding
    }
}
