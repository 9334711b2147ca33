import FeedgenRuntime
import Foundation
import Testing

/// Which names the watcher ignores, which files and folders it watches, and what polling reports.
struct WatchScopeTests {
    @Test(arguments: [
        ".2026-01-01-a.md.swp", ".2026-01-01-a.md.swx", "2026-01-01-a.md~", ".#2026-01-01-a.md", "4913", "5036",
        "#2026-01-01-a.md#", ".2026-01-01-a.md.tmp",
    ])
    func editorTemporaryFilesAreIgnored(name: String) {
        #expect(WatchScope.isTemporary(name))
        #expect(!WatchScope.isWatchedFile("_posts/" + name))
    }

    @Test func watchedFilesAreThoseABuildReads() {
        #expect(WatchScope.isWatchedFile("_posts/2026-01-01-a.md"))
        #expect(WatchScope.isWatchedFile("news/_posts/2026/2026-01-01-a.md"))
        #expect(WatchScope.isWatchedFile("_config.yml"))
        #expect(WatchScope.isWatchedFile("_data/authors.yml"))
        #expect(!WatchScope.isWatchedFile("4914"))
        #expect(!WatchScope.isWatchedFile("index.md"))
        #expect(!WatchScope.isWatchedFile("news/_config.yml"))
        #expect(!WatchScope.isWatchedFile("_drafts/2026-01-01-a.md"))
        #expect(!WatchScope.isWatchedFile("_site/_posts/2026-01-01-a.md"))
        #expect(!WatchScope.isWatchedFile(".git/_posts/2026-01-01-a.md"))
    }

    @Test func watchedFoldersAreThoseJekyllReads() throws {
        let site = try TemporaryDirectory([
            "_config.yml": "url: https://example.org\n", "_posts/2026-01-01-a.md": "", "news/_posts/2026/x.md": "",
            "_data/authors.yml": "", "_drafts/d.md": "", "_site/feeds/rss.xml": "", ".git/HEAD": "", "images/a.png": "",
        ])
        #expect(
            WatchScope.directories(under: site.url) == [
                "", "_data", "_posts", "images", "news", "news/_posts", "news/_posts/2026",
            ])
        #expect(WatchScope.files(in: "", under: site.url) == ["_config.yml"])
        #expect(WatchScope.gitDirectory(of: site.url.appending(path: "news")) == site.url.appending(path: ".git"))
    }

    @Test func translatedPostsOfTheMultipleLanguagesPluginAreWatched() throws {
        let config = "url: https://example.org\nplugins: [jekyll-multiple-languages-plugin]\nlanguages: [en, fr]\n"
        let folders = PostFolders(configYAML: config)
        #expect(WatchScope.isWatchedFile("_i18n/fr/_posts/2026-01-01-a.md", folders: folders))
        #expect(WatchScope.isWatchedFile("_i18n/fr/_posts/2026/2026-01-01-a.md", folders: folders))
        #expect(WatchScope.isWatchedFile("news/_posts/2026-01-01-a.md", folders: folders))
        // The plugin's posts replace the site's own `_posts`; other languages, `_site` and `_drafts` stay out.
        #expect(!WatchScope.isWatchedFile("_posts/2026-01-01-a.md", folders: folders))
        #expect(!WatchScope.isWatchedFile("_i18n/de/_posts/2026-01-01-a.md", folders: folders))
        #expect(!WatchScope.isWatchedFile("_i18n/fr.yml", folders: folders))
        #expect(!WatchScope.isWatchedFile("_i18n/fr/_drafts/2026-01-01-a.md", folders: folders))
        #expect(!WatchScope.isWatchedFile("_i18n/fr/_posts/_x/2026-01-01-a.md", folders: folders))
        #expect(!WatchScope.isWatchedFile("_site/_posts/2026-01-01-a.md", folders: folders))
        #expect(!WatchScope.isWatchedFile("_drafts/2026-01-01-a.md", folders: folders))
        // Without the plugin, `_i18n` is a folder Jekyll never walks.
        #expect(!WatchScope.isWatchedFile("_i18n/fr/_posts/2026-01-01-a.md"))

        let site = try TemporaryDirectory([
            "_config.yml": config, "_i18n/fr/_posts/2026/x.md": "", "_i18n/fr.yml": "", "_i18n/de/_posts/x.md": "",
            "_i18n/fr/_drafts/d.md": "", "_site/_i18n/fr/_posts/x.md": "", "_drafts/d.md": "", "news/_posts/x.md": "",
        ])
        #expect(
            WatchScope.directories(under: site.url, folders: WatchScope.postFolders(site: site.url)) == [
                "", "_i18n", "_i18n/fr", "_i18n/fr/_posts", "_i18n/fr/_posts/2026", "news", "news/_posts",
            ])
    }

    @Test func pollingReportsWhatChanged() throws {
        let site = try TemporaryDirectory([
            "_config.yml": "url: https://example.org\n", "_posts/2026-01-01-a.md": "a", "_posts/2026-01-02-b.md": "b",
            ".git/HEAD": "", "feedgen.yml": "limit: 3\n",
        ])
        let git = site.url.appending(path: ".git")
        let definitions = site.url.appending(path: "feedgen.yml")
        let first = PollingSnapshot.take(site: site.url, definitions: definitions, gitDirectory: git)
        #expect(first.events(to: first) == [])
        try site.write("changed", to: "_posts/2026-01-01-a.md")
        try FileManager.default.removeItem(at: site.url.appending(path: "_posts/2026-01-02-b.md"))
        try site.write("c", to: "_posts/.2026-01-03-c.md.swp")
        try site.write("limit: 4\n", to: "feedgen.yml")
        try site.write("", to: ".git/index.lock")
        let second = PollingSnapshot.take(site: site.url, definitions: definitions, gitDirectory: git)
        #expect(
            first.events(to: second) == [
                .indexLock(present: true), .definitionsChanged, .changed("_posts/2026-01-01-a.md"),
                .changed("_posts/2026-01-02-b.md"),
            ])
        let gone = PollingSnapshot.take(
            site: site.url.appending(path: "missing"), definitions: definitions, gitDirectory: git)
        #expect(second.events(to: gone) == [.siteGone])
    }
}
