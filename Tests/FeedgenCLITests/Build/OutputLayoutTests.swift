import Foundation
import Testing

/// Where feeds go when no output folder is named.
@Suite struct OutputLayoutTests {
    /// Without `--out` or `out:`, feeds go to `SITE/_feeds`: Jekyll empties its destination `SITE/_site` at every
    /// build (unless `keep_files` names a folder), while a folder starting with `_` is neither published nor
    /// deleted by it.
    @Test func theDefaultOutputFolderIsOutsideJekyllsDestination() async throws {
        let folder = try TemporaryDirectory([
            "site/_config.yml": "title: Lamp Post\nurl: https://lamp.example.org\ntimezone: UTC\n",
            "site/_posts/2021-03-04-lamp-repaired.md": "---\ntitle: The lamp is repaired\n---\nIt shines again.\n",
        ])
        let result = try await run(Paths.feedgen, ["build", "--site", "site"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 2 feeds (1 languages) from site into site/_feeds\n"), "\(result.stdout)")
        for file in ["rss.xml", "atom.xml", "feed.json", "en/atom.xml", "feeds.opml"] {
            #expect(FileManager.default.fileExists(atPath: folder.url.appending(path: "site/_feeds/" + file).path))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: "site/_site").path))
    }
}
