import Foundation
import Testing

/// What a person finds beside the feeds: `index.html` (screenshot and DOM by headless Chromium), each feed as a
/// page through `feed.xsl` (xsltproc), and the autodiscovery tags of `feedgen links`.
@Suite(.serialized) struct FeedPagesTests {
    /// The text of an HTML document (argv[1], or standard input), one line per text node, and each element's
    /// `lang`/`dir` as `[tag lang dir]` lines: what a reader sees and which way it runs (the isolated runs
    /// inside an item are left to `datesBesideRightToLeftTitlesAreIsolated`).
    static let visibleText = """
        import sys
        from html.parser import HTMLParser
        class Text(HTMLParser):
            skip = 0
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                if tag in ("style", "script", "title"): self.skip += 1
                if "lang" in attrs or "dir" in attrs and tag not in ("code", "a", "time", "p"):
                    print("[%s %s %s]" % (tag, attrs.get("lang", "-"), attrs.get("dir", "-")))
            def handle_endtag(self, tag):
                if tag in ("style", "script", "title"): self.skip -= 1
            def handle_data(self, data):
                if not self.skip and data.strip(): print(data.strip())
        Text().feed(open(sys.argv[1], encoding="utf-8").read() if len(sys.argv) > 1 else sys.stdin.read())
        """

    static let english =
        "A feed lets a feed reader follow this newsletter: copy one of these addresses into your reader and it shows each new issue as it is published."
    static let french =
        "Un flux permet de suivre cette lettre dans un lecteur de flux : copiez l'une de ces adresses dans votre lecteur, il affichera chaque nouveau numéro dès sa publication."
    static let arabic =
        "تتيح لك الخلاصة متابعة هذه النشرة في قارئ الخلاصات: انسخ أحد هذه العناوين إلى قارئك وسيعرض كل عدد جديد فور نشره."

    static func addresses(_ folder: String) -> [String] {
        let base = "https://letter.example.org/feeds/" + (folder.isEmpty ? "" : folder + "/")
        return ["RSS", base + "rss.xml", "Atom", base + "atom.xml", "JSON Feed", base + "feed.json"]
    }

    /// The page's text as a person reads it: every language's section with its words, addresses and items.
    static let indexText: [String] =
        [
            "[html en ltr]", "Harbour", "[section - ltr]", "Harbour", english,
            "Subscribe",
        ]
        + addresses("") + [
            "Latest issues", "[li ar -]", "ملاحظات الميناء", "2026-01-16", "ملاحظات الميناء: the text.",
            "[li fr -]", "Notes du port un", "2026-01-14", "Notes du port un: the text.",
            "[li en -]", "Harbour notes one", "2026-01-12", "Harbour notes one: the text.",
            "[section ar rtl]", "Harbour (العربية)", arabic, "اشترك",
        ] + addresses("ar") + [
            "أحدث الأعداد", "ملاحظات الميناء", "2026-01-16", "ملاحظات الميناء: the text.",
            "[section en ltr]", "Harbour (English)", "Subscribe",
        ] + addresses("en") + [
            "Latest issues", "Harbour notes one", "2026-01-12", "Harbour notes one: the text.",
            "[section fr ltr]", "Harbour (français)", french, "S'abonner",
        ] + addresses("fr") + [
            "Derniers numéros", "Notes du port un", "2026-01-14", "Notes du port un: the text.",
        ]

    @Test func theIndexPageNamesEveryFeedInItsLanguage() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let text = try await python(Self.visibleText, [site.out.appending(path: "index.html").path])
        #expect(text.stdout.split(separator: "\n").map(String.init) == Self.indexText)
        let page = try String(contentsOf: site.out.appending(path: "index.html"), encoding: .utf8)
        #expect(!page.contains("<script"))
    }

    /// Reads a PNG (argv[1]): prints its width, height and how many distinct pixels it has (up to 2).
    static let pngSummary = """
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\\x89PNG\\r\\n\\x1a\\n", "not a PNG"
        chunks, at = {}, 8
        while at < len(data):
            length, kind = struct.unpack(">I4s", data[at:at + 8])
            chunks[kind] = chunks.get(kind, b"") + data[at + 8:at + 8 + length]
            at += 12 + length
        width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
        channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        size, stride = channels * depth // 8, width * channels * depth // 8
        raw, rows, previous = zlib.decompress(chunks[b"IDAT"]), [], bytearray(stride)
        for y in range(height):
            kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for x in range(stride):
                a = line[x - size] if x >= size else 0
                b, c = previous[x], previous[x - size] if x >= size else 0
                p = a + b - c
                predicted = [0, a, b, (a + b) // 2,
                             a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else b if abs(p - b) <= abs(p - c) else c][kind]
                line[x] = (line[x] + predicted) & 0xFF
            rows.append(bytes(line))
            previous = line
        pixels = set()
        for line in rows:
            for x in range(0, stride, size):
                pixels.add(line[x:x + size])
                if len(pixels) > 1: break
            if len(pixels) > 1: break
        print(width, height, len(pixels))
        """

    /// Headless Chromium renders index.html: a screenshot of the window's size that is not one flat colour, and a
    /// DOM whose text is the page's (every language's addresses, the latest items' titles and dates).
    @Test func chromiumRendersTheIndexPage() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let browser = try TemporaryDirectory()
        let screenshot = browser.url.appending(path: "index.png")
        // A profile of its own; the sandbox needs user namespaces that root in a container may lack.
        let options =
            [
                "--headless", "--disable-gpu", "--user-data-dir=\(browser.url.appending(path: "profile").path)",
                "--window-size=1024,768",
            ] + (getuid() == 0 ? ["--no-sandbox"] : [])
        let page = "file://" + site.out.appending(path: "index.html").path
        let shot = try await run(
            URL(filePath: "/usr/bin/chromium"), options + ["--screenshot=\(screenshot.path)", page])
        #expect(shot.status == 0, "\(shot.stderr)")
        let summary = try await python(Self.pngSummary, [screenshot.path])
        #expect(summary.stdout == "1024 768 2\n", "\(summary.stderr)")
        let dom = try await run(URL(filePath: "/usr/bin/chromium"), options + ["--dump-dom", page])
        #expect(dom.status == 0, "\(dom.stderr)")
        let file = browser.url.appending(path: "dom.html")
        try Data(dom.stdout.utf8).write(to: file)
        let text = try await python(Self.visibleText, [file.path])
        #expect(text.stdout.split(separator: "\n").map(String.init) == Self.indexText)
    }

    /// Every RSS and Atom document names the stylesheet, and xsltproc turns each into a page like index.html.
    @Test func theStylesheetTurnsEveryFeedIntoAPage() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        for (path, stylesheet) in [
            ("rss.xml", "feed.xsl"), ("atom.xml", "feed.xsl"), ("ar/rss.xml", "../feed.xsl"),
            ("fr/atom.xml", "../feed.xsl"),
        ] {
            let feed = try String(contentsOf: site.out.appending(path: path), encoding: .utf8)
            #expect(
                feed.split(separator: "\n").prefix(2).joined(separator: "\n")
                    == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"\(stylesheet)\"?>",
                "\(path)")
        }
        func page(_ path: String) async throws -> [String] {
            let html = try await run(
                URL(filePath: "/usr/bin/xsltproc"),
                [site.out.appending(path: "feed.xsl").path, site.out.appending(path: path).path])
            #expect(html.status == 0, "\(html.stderr)")
            let file = site.folder.url.appending(path: "page.html")
            try Data(html.stdout.utf8).write(to: file)
            return try await python(Self.visibleText, [file.path]).stdout.split(separator: "\n").map(String.init)
        }
        await #expect(
            try page("ar/rss.xml") == [
                "[html ar rtl]", "Harbour (العربية)", Self.arabic, "اشترك",
                "https://letter.example.org/feeds/ar/rss.xml",
                "أحدث الأعداد", "ملاحظات الميناء", "Fri, 16 Jan 2026 00:00:00 +0000", "ملاحظات الميناء: the text.",
            ])
        await #expect(
            try page("fr/atom.xml") == [
                "[html fr ltr]", "Harbour (français)", Self.french, "S'abonner",
                "https://letter.example.org/feeds/fr/atom.xml",
                "Derniers numéros", "Notes du port un", "2026-01-14", "Notes du port un: the text.",
            ])
        await #expect(
            try page("atom.xml") == [
                "[html - ltr]", "Harbour", Self.english, "Subscribe",
                "https://letter.example.org/feeds/atom.xml", "Latest issues", "ملاحظات الميناء", "2026-01-16",
                "ملاحظات الميناء: the text.", "Notes du port un", "2026-01-14", "Notes du port un: the text.",
                "Harbour notes one", "2026-01-12", "Harbour notes one: the text.",
            ])
    }

    /// Right to left: in index.html and in the stylesheet's page, an Arabic item's title and summary take their
    /// own direction and its date is an isolated left-to-right run, in the left-to-right all-languages section
    /// as in the Arabic one, so the date is not reordered beside the title.
    @Test func datesBesideRightToLeftTitlesAreIsolated() async throws {
        let site = try ServedSite()
        _ = try await site.build()
        let index = try String(contentsOf: site.out.appending(path: "index.html"), encoding: .utf8)
        let arabicItem =
            "<li lang=\"ar\"><a dir=\"auto\" href=\"https://letter.example.org/2026/01/16/harbour-notes-ar.html\">"
            + "ملاحظات الميناء</a> <time dir=\"ltr\" datetime=\"2026-01-16T00:00:00Z\">2026-01-16</time>"
            + "<p dir=\"auto\">ملاحظات الميناء: the text.</p></li>"
        #expect(index.contains(arabicItem), "all languages")
        #expect(index.contains(String(arabicItem.replacing("<li lang=\"ar\">", with: "<li>"))), "Arabic")
        #expect(!index.contains("<time datetime") && !index.contains("<a href"))
        for (path, date) in [("rss.xml", "Fri, 16 Jan 2026 00:00:00 +0000"), ("ar/atom.xml", "2026-01-16")] {
            let html = try await run(
                URL(filePath: "/usr/bin/xsltproc"),
                [site.out.appending(path: "feed.xsl").path, site.out.appending(path: path).path])
            #expect(html.status == 0, "\(html.stderr)")
            let page = html.stdout.replacing(/\n\s*/, with: "")
            #expect(page.contains("\">ملاحظات الميناء</a><time dir=\"ltr\""), "\(path): \(page)")
            #expect(page.contains(">\(date)</time><p dir=\"auto\">ملاحظات الميناء: the text."), "\(path)")
            #expect(
                page.contains("<a dir=\"auto\" href=\"https://letter.example.org/2026/01/16/harbour-notes-ar.html\">"),
                "\(path)")
        }
    }

    static let linkTags = """
        <link rel="alternate" type="application/rss+xml" title="Harbour" href="https://letter.example.org/feeds/rss.xml">
        <link rel="alternate" type="application/atom+xml" title="Harbour" href="https://letter.example.org/feeds/atom.xml">
        <link rel="alternate" type="application/feed+json" title="Harbour" href="https://letter.example.org/feeds/feed.json">
        <link rel="alternate" type="application/rss+xml" hreflang="ar" title="Harbour (العربية)" href="https://letter.example.org/feeds/ar/rss.xml">
        <link rel="alternate" type="application/atom+xml" hreflang="ar" title="Harbour (العربية)" href="https://letter.example.org/feeds/ar/atom.xml">
        <link rel="alternate" type="application/feed+json" hreflang="ar" title="Harbour (العربية)" href="https://letter.example.org/feeds/ar/feed.json">
        <link rel="alternate" type="application/rss+xml" hreflang="en" title="Harbour (English)" href="https://letter.example.org/feeds/en/rss.xml">
        <link rel="alternate" type="application/atom+xml" hreflang="en" title="Harbour (English)" href="https://letter.example.org/feeds/en/atom.xml">
        <link rel="alternate" type="application/feed+json" hreflang="en" title="Harbour (English)" href="https://letter.example.org/feeds/en/feed.json">
        <link rel="alternate" type="application/rss+xml" hreflang="fr" title="Harbour (français)" href="https://letter.example.org/feeds/fr/rss.xml">
        <link rel="alternate" type="application/atom+xml" hreflang="fr" title="Harbour (français)" href="https://letter.example.org/feeds/fr/atom.xml">
        <link rel="alternate" type="application/feed+json" hreflang="fr" title="Harbour (français)" href="https://letter.example.org/feeds/fr/feed.json">

        """

    @Test func linksPrintsTheAutodiscoveryTagsAndTheBuildCanWriteThem() async throws {
        let site = try ServedSite()
        let links = try await site.feedgen(["links"])
        #expect(links.status == 0, "\(links.stderr)")
        #expect(links.stdout == Self.linkTags)
        #expect(!FileManager.default.fileExists(atPath: site.out.path), "links writes nothing")
        _ = try await site.build()
        let include = site.site.appending(path: "_includes/feedgen-links.html")
        #expect(!FileManager.default.fileExists(atPath: include.path), "only when the definitions ask")
        try site.write(
            "site: site\nout: out\nbase_url: https://letter.example.org/feeds/\nlinks_include: true\n",
            to: "feedgen.yml")
        _ = try await site.build()
        #expect(try String(contentsOf: include, encoding: .utf8) == Self.linkTags)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: include.deletingLastPathComponent().path) == [
                "feedgen-links.html"
            ])
    }
}
