import FeedgenRuntime
import Foundation
import Testing

@Suite struct SiteReaderTests {
    @Test func findsEveryPostsFolderLikeJekyll() throws {
        let folder = try TemporaryDirectory([
            "_config.yml": "url: https://x.test\nexclude: [vendor, old]\n",
            "_posts/2020-01-01-a.md": "",
            "_posts/2020/2020-01-02-b.md": "",
            "_posts/.2020-01-03-hidden.md": "",
            "_posts/2020-01-04-backup.md~": "",
            "posts/_posts/2020-01-05-c.md": "",
            "projects/deep/_posts/2020-01-06-d.md": "",
            "_drafts/2020-01-07-draft.md": "",
            "_site/posts/_posts/2020-01-08-built.md": "",
            "vendor/_posts/2020-01-09-gem.md": "",
            "old/_posts/2020-01-10-old.md": "",
        ])
        let site = try SiteReader.read(root: folder.url)
        #expect(
            site.postPaths == [
                "_posts/2020-01-01-a.md", "_posts/2020/2020-01-02-b.md", "posts/_posts/2020-01-05-c.md",
                "projects/deep/_posts/2020-01-06-d.md",
            ])
        #expect(site.authorsYAML == nil)
    }

    @Test func aMissingSiteIsReported() {
        #expect(throws: SiteReadError.missingSite("/nonexistent/site")) {
            try SiteReader.read(root: URL(filePath: "/nonexistent/site"))
        }
    }
}
