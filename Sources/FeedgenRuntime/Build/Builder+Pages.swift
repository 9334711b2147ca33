import FeedgenCore
import FeedgenRender
import Foundation

extension Builder {
    /// What a feed in `scope` says about fetching it: the definitions' polling interval and hub, and the
    /// stylesheet in the output folder, relative to the feed's own folder (`archive/N/` below it for a page).
    static func serving(of scope: FeedScope, archivePage: Bool = false, definitions: FeedDefinitions) -> FeedServing {
        let depth = (scope.directory.isEmpty ? 0 : scope.directory.split(separator: "/").count) + (archivePage ? 2 : 0)
        return FeedServing(
            pollMinutes: definitions.pollMinutes, hubs: definitions.hub.map { [$0] } ?? [],
            stylesheet: String(repeating: "../", count: depth) + FeedStylesheet.fileName)
    }

    /// Publishes what goes beside the feeds once they are written: `index.html` and `feed.xsl` in the output
    /// folder, and (when the definitions ask) the autodiscovery tags as the site's `_includes/feedgen-links.html`.
    /// A page that cannot be written is a diagnostic; the feeds stay published.
    func publishPages(
        title: String, language: String, feeds: [Feed], outlines: [OPMLOutline], options: BuildOptions,
        into report: inout BuildReport
    ) {
        report.links = FeedLinks.html(outlines)
        guard !options.dryRun, !outlines.isEmpty else { return }
        let output = Publisher(root: options.out, precompress: true)
        var pages: [(Publisher, String, [UInt8])] = [
            (output, FeedStylesheet.fileName, FeedStylesheet.write()),
            (output, "index.html", FeedIndexPage.write(title: title, language: language, feeds: feeds)),
        ]
        if options.definitions.linksInclude {
            // The site's own folder: no `.gz` copy there, Jekyll would publish it.
            pages.append(
                (
                    Publisher(root: options.site, precompress: false), "_includes/feedgen-links.html",
                    Array(report.links.utf8)
                ))
        }
        for (publisher, path, bytes) in pages {
            do {
                let outcome = try publisher.publish(bytes, to: path)
                report.pages.append(.init(path: path, outcome: outcome == .written ? .written : .unchanged))
            } catch {
                report.diagnostics.append(error.diagnostic)
                report.pages.append(.init(path: path, outcome: .failed))
            }
        }
    }
}
