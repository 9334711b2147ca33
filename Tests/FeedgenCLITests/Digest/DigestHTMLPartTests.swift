import Foundation
import Testing

/// The digest mail's `text/html` part: read by Python's `email` package and rendered by headless Chromium.
@Suite struct DigestHTMLPartTests {
    /// What the HTML part holds and what Chromium shows of it.
    struct HTMLPart: Decodable {
        var charset: String
        var transferEncoding: String
        var htmlLanguage: String
        var htmlDirection: String
        /// Every element name used.
        var tags: [String]
        /// `src`, `srcset`, `background` and `poster` values, and `url(` in styles: what would load something.
        var resources: [String]
        var hrefs: [String]
        /// The hrefs of the "read on the site" links.
        var readOnSite: [String]
        /// `innerText` of the rendered body, and each issue's `lang` with its computed direction.
        var renderedText: String
        var directions: [[String]]
    }

    static let script = """
        import email, email.policy, html.parser, json, os, subprocess, sys, tempfile
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
        part = m.get_body(preferencelist=('html',))
        page = part.get_content()
        class Scan(html.parser.HTMLParser):
            tags, resources, hrefs, read, root, link = set(), [], [], [], {}, None
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                self.tags.add(tag)
                if tag == 'html': self.root = a
                self.resources += [v for k, v in attrs if k in ('src', 'srcset', 'background', 'poster')]
                self.resources += [v for k, v in attrs if k == 'style' and 'url(' in v]
                if 'href' in a: self.hrefs.append(a['href']); self.link = a['href']
            def handle_data(self, data):
                if self.link and data == sys.argv[2]: self.read.append(self.link)
            def handle_endtag(self, tag):
                if tag == 'a': self.link = None
        scan = Scan()
        scan.feed(page)
        folder = tempfile.mkdtemp()
        open(os.path.join(folder, 'mail.html'), 'w').write(page)
        open(os.path.join(folder, 'show.html'), 'w').write('''<!DOCTYPE html><iframe id="f" src="mail.html"></iframe>
        <script>document.getElementById('f').onload = function () {
          var d = this.contentDocument, out = document.createElement('pre'); out.id = 'out';
          out.textContent = JSON.stringify({text: d.body.innerText, dirs: Array.from(d.querySelectorAll('div[dir]'))
            .map(function (e) { return [e.lang, getComputedStyle(e).direction]; })});
          document.body.appendChild(out); };</script>''')
        dom = subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files',
            '--virtual-time-budget=10000', '--dump-dom', 'file://' + folder + '/show.html'],
            capture_output=True, text=True, timeout=120).stdout
        class Out(html.parser.HTMLParser):
            inside, text = False, ''
            def handle_starttag(self, tag, attrs): self.inside = self.inside or dict(attrs).get('id') == 'out'
            def handle_data(self, data):
                if self.inside: self.text += data
        out = Out(); out.feed(dom)
        shown = json.loads(out.text)
        print(json.dumps({'charset': part.get_content_charset(), 'transferEncoding': part['Content-Transfer-Encoding'],
            'htmlLanguage': scan.root.get('lang'), 'htmlDirection': scan.root.get('dir'), 'tags': sorted(scan.tags),
            'resources': scan.resources, 'hrefs': scan.hrefs, 'readOnSite': scan.read,
            'renderedText': shown['text'], 'directions': shown['dirs']}))
        """

    static func htmlPart(_ arguments: [String], readOnSite: String = "Read on the site") async throws -> (
        HTMLPart, String
    ) {
        let options = ["--from", "digest@dair.ai", "--to", "readers@dair.ai", "--now", "2020-03-23T08:00:00+01:00"]
        let text = try await run(Paths.feedgen, ["digest", "--site", Paths.corpus.path] + arguments).stdout
        let mail = try await run(
            Paths.feedgen, ["digest", "--site", Paths.corpus.path, "--format", "email"] + arguments + options)
        #expect(mail.status == 0, "\(mail.stderr)")
        let folder = try TemporaryDirectory(["message.eml": mail.stdout])
        let result = try await run(
            URL(filePath: "/usr/bin/env"),
            ["python3", "-c", script, folder.url.appending(path: "message.eml").path, readOnSite])
        #expect(result.status == 0, "\(result.stderr)")
        return (try JSONDecoder().decode(HTMLPart.self, from: Data(result.stdout.utf8)), text)
    }

    /// The words of the plain text (without its reference numbers, reference lines, rules and bullets) appear in
    /// the rendered HTML in the same order.
    static func sameWords(plain: String, rendered: String) -> Bool {
        let words = plain.split(separator: "\n").filter {
            !$0.hasPrefix("[") && !$0.hasPrefix("https://") && !$0.allSatisfy { $0 == "=" || $0 == "-" }
        }.joined(separator: " ").replacing(#/ \[\d+\]/#, with: "").split(separator: " ").filter { $0 != "-" }
        var shown = rendered.split(whereSeparator: \.isWhitespace)[...]
        for word in words {
            guard let found = shown.firstIndex(of: word) else { return false }
            shown = shown[shown.index(after: found)...]
        }
        return true
    }

    @Test func theHTMLPartShowsTheSameDigestWithLinksAndNothingRemote() async throws {
        let (part, text) = try await Self.htmlPart(["--week", "2020-W12"])
        #expect(part.charset == "utf-8")
        #expect(part.transferEncoding == "base64")
        #expect(part.htmlLanguage == "en")
        #expect(part.htmlDirection == "ltr")
        #expect(part.resources == [])
        #expect(
            part.tags == [
                "a", "body", "code", "div", "h1", "h2", "h3", "head", "hr", "html", "li", "meta", "p",
                "span", "strong", "title", "ul",
            ])
        #expect(
            part.readOnSite == [
                "https://dair.ai/posts/NLP_Newsletter_NLP_7/", "https://dair.ai/posts/NLP_Newsletter_8/",
            ])
        // Every link of the plain text, inline in the HTML.
        let references = text.split(separator: "\n").compactMap {
            $0.firstMatch(of: #/https://\S+/#).map { String($0.0) }
        }
        #expect(Set(part.hrefs) == Set(references))
        #expect(Self.sameWords(plain: text, rendered: part.renderedText), "\(part.renderedText)")
        #expect(part.directions.allSatisfy { $0[1] == "ltr" })
    }

    @Test func anArabicIssueRunsRightToLeftAndTheFrenchDigestSpeaksFrench() async throws {
        let (arabic, arabicText) = try await Self.htmlPart(["--week", "2020-W09", "--lang", "ar"])
        #expect(arabic.directions == [["ar", "rtl"]])
        #expect(Self.sameWords(plain: arabicText, rendered: arabic.renderedText), "\(arabic.renderedText)")
        let (french, frenchText) = try await Self.htmlPart(
            ["--week", "2020-W12", "--lang", "fr"], readOnSite: "Lire sur le site")
        #expect(french.htmlLanguage == "fr")
        #expect(french.readOnSite == ["https://dair.ai/posts/NLP_Newsletter_-7_-FR/"])
        #expect(Self.sameWords(plain: frenchText, rendered: french.renderedText), "\(french.renderedText)")
    }
}
