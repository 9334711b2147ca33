import Foundation
import Testing

/// What readers show beyond the items' text: the site's pictures, description and rights, Jekyll categories,
/// banners and enclosures, read back from the built feeds by Python's XML and JSON parsers.
@Suite struct RichFeedTests {
    /// A newsletter site whose theme keeps a wide `logo`, the owner's `avatar` (a bare name, in `/images/`), a
    /// `copyright`, and posts with categories by folder and front matter, a feature image, a Minimal Mistakes
    /// header image, an audio file of the site, a page named as a video, and a missing file.
    static let site: [String: String] = [
        "_config.yml": """
        title: Tide Tables
        description: Weekly notes on tides & harbours
        url: https://tides.example.org
        baseurl: /notes
        copyright: "© 2024 Tide Tables contributors"
        logo: /assets/logo-wide.png
        owner:
          name: Tide Tables
          avatar: harbour.png
        """,
        "_posts/2024-03-01-spring-tides.md": """
        ---
        title: Spring tides
        categories: [science]
        tags: [tides, science]
        image:
          thumb: spring-thumb.png
          feature: spring-wide.jpg
        audio: /audio/spring tides.mp3
        ---
        The moon pulls harder this week.
        """,
        "podcasts/_posts/2024-03-08-neap-tides.md": """
        ---
        title: Neap tides
        header:
          image: /assets/neap-banner.jpg
        video: /about/
        ---
        Quiet water.
        """,
        "_posts/2024-03-15-gone.md": """
        ---
        title: Lost recording
        enclosure: audio/gone.mp3
        ---
        The file went missing.
        """,
        "audio/spring tides.mp3": String(repeating: "ID3", count: 411) + "!",
    ]

    /// Each document's branding and each item's categories, pictures and enclosure, one line per value.
    static let extract = """
        import json, sys, xml.etree.ElementTree as ET
        out = sys.argv[1]
        A = '{http://www.w3.org/2005/Atom}'
        def show(*parts): print(' '.join(str(p) for p in parts))
        atom = ET.parse(out + '/atom.xml').getroot()
        for tag in ('subtitle', 'icon', 'logo', 'rights'):
            e = atom.find(A + tag)
            show('atom', tag, e.text if e is not None else None)
        for entry in atom.findall(A + 'entry'):
            show('atom entry', entry.find(A + 'title').text, [c.get('term') for c in entry.findall(A + 'category')],
                 [(l.get('href'), l.get('type'), l.get('length')) for l in entry.findall(A + 'link')
                  if l.get('rel') == 'enclosure'])
        channel = ET.parse(out + '/rss.xml').getroot().find('channel')
        show('rss description', channel.find('description').text)
        show('rss copyright', channel.find('copyright').text if channel.find('copyright') is not None else None)
        image = channel.find('image')
        show('rss image', [(c.tag, c.text) for c in image] if image is not None else None)
        for item in channel.findall('item'):
            show('rss item', item.find('title').text, [c.text for c in item.findall('category')],
                 [dict(e.attrib) for e in item.findall('enclosure')])
        feed = json.load(open(out + '/feed.json'))
        show('json', feed.get('description'), feed.get('icon'), feed.get('favicon'))
        for item in feed['items']:
            show('json item', item['title'], item.get('tags'), item.get('image'), item.get('banner_image'),
                 item.get('attachments'))
        """

    static func extracted(_ out: URL) async throws -> String {
        let result = try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", extract, out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func brandingCategoriesBannersAndEnclosuresReachEveryFormat() async throws {
        let site = try TemporaryDirectory(Self.site)
        let out = try TemporaryDirectory()
        let result = try await run(Paths.feedgen, ["build", "--site", site.url.path, "--out", out.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr == """
                \(site.url.path)/_posts/2024-03-15-gone.md:3: warning: no enclosure: 'audio/gone.mp3' is not a file of the site
                \(site.url.path)/podcasts/_posts/2024-03-08-neap-tides.md:5: warning: no enclosure: 'video' names '/about/', not an audio, video or document file

                """)
        let root = "https://tides.example.org/notes"
        let spring = "[('\(root)/audio/spring%20tides.mp3', 'audio/mpeg', '1234')]"
        await #expect(
            try Self.extracted(out.url) == """
                atom subtitle Weekly notes on tides & harbours
                atom icon \(root)/images/harbour.png
                atom logo \(root)/assets/logo-wide.png
                atom rights © 2024 Tide Tables contributors
                atom entry Lost recording [] []
                atom entry Neap tides ['podcasts'] []
                atom entry Spring tides ['science', 'tides'] \(spring)
                rss description Weekly notes on tides & harbours
                rss copyright © 2024 Tide Tables contributors
                rss image [('url', '\(root)/assets/logo-wide.png'), ('title', 'Tide Tables'), ('link', '\(root)/')]
                rss item Lost recording [] []
                rss item Neap tides ['podcasts'] []
                rss item Spring tides ['science', 'tides'] [{'url': '\(root)/audio/spring%20tides.mp3', 'length': '1234', 'type': 'audio/mpeg'}]
                json Weekly notes on tides & harbours \(root)/images/harbour.png \(root)/images/harbour.png
                json item Lost recording None None None None
                json item Neap tides ['podcasts'] None \(root)/assets/neap-banner.jpg None
                json item Spring tides ['science', 'tides'] \(root)/images/spring-thumb.png \(root)/images/spring-wide.jpg [{'mime_type': 'audio/mpeg', 'size_in_bytes': 1234, 'url': '\(root)/audio/spring%20tides.mp3'}]

                """)
        let check = try await feedcheck(out.url, languages: ["en"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// The shared corpus's theme keeps its picture in `owner.avatar` (a bare name, in `/images/`) and its words in
    /// `owner.bio`, and has no `description`: the feeds show both, and its posts' folders as categories.
    @Test func theCorpusShowsItsOwnersAvatarAndBio() async throws {
        let out = try TemporaryDirectory()
        let result = try await run(
            Paths.feedgen, ["build", "--site", Paths.corpus.path, "--out", out.url.path, "--limit", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let bio = "Democratizing Artificial Intelligence Research, Education, and Technologies"
        let avatar = "https://dair.ai/images/dair-ai.png"
        let lines = try await Self.extracted(out.url.appending(path: "en")).split(separator: "\n")
        #expect(
            lines.filter { !$0.hasPrefix("atom entry") && !$0.hasPrefix("rss item") && !$0.hasPrefix("json item") }
                == [
                    "atom subtitle \(bio)", "atom icon \(avatar)", "atom logo None", "atom rights None",
                    "rss description \(bio)", "rss copyright None",
                    "rss image [('url', '\(avatar)'), ('title', 'DAIR.AI (English)'), ('link', 'https://dair.ai/')]",
                    "json \(bio) \(avatar) \(avatar)",
                ])
        #expect(
            lines.filter { $0.hasPrefix("atom entry") }.allSatisfy {
                $0.contains("['posts'") || $0.contains("['projects'")
            })
    }
}
