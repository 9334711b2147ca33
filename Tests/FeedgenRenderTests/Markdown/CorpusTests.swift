import FeedgenCore
import Foundation
import Testing

@testable import FeedgenRender

/// Renders every post of the real dair.ai site and checks the output for kramdown and Liquid residue.
@Suite struct CorpusTests {
    @Test func everyPostRendersClean() throws {
        let posts = try Fixture.corpusPosts()
        #expect(posts.count == 95)
        let dump = ProcessInfo.processInfo.environment["FEEDGEN_RENDER_DUMP"]
        for post in posts {
            let slug = (post.path as NSString).lastPathComponent
            let context = Fixture.context(
                path: post.path, bodyLine: post.bodyLine, postURL: "https://dair.ai/posts/\(slug)/")
            let rendered = try PostRenderer.render(markdown: post.body, context: context)
            let html = rendered.html
            if let dump {
                let file = URL(fileURLWithPath: dump).appendingPathComponent(slug + ".html")
                try html.write(to: file, atomically: true, encoding: .utf8)
            }
            var problems: [String] = []
            if html.contains("<p>\\</p>") { problems.append("<p>\\</p>") }
            if html.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "\\" }) {
                problems.append("a line that is only \\")
            }
            for residue in ["{%", "{{", "{:", "***"] {
                if let range = html.range(of: residue) {
                    let start =
                        html.index(range.lowerBound, offsetBy: -40, limitedBy: html.startIndex) ?? html.startIndex
                    problems.append("\(residue) in …" + String(html[start..<range.upperBound]))
                }
            }
            let relative = try relativeURLs(in: html)
            if !relative.isEmpty { problems.append("relative URLs \(relative)") }
            if html.isEmpty { problems.append("empty") }
            #expect(problems.isEmpty, "\(post.path): \(problems)")
        }
    }

    /// Every href/src/srcset/poster/cite value of `html` that is not an absolute URL, read with libxml2.
    private func relativeURLs(in html: String) throws -> [String] {
        var found: [String] = []
        for attribute in try HTMLFragment(html: html).attributes() {
            if ["href", "src", "poster", "cite"].contains(attribute.name) {
                if !isAbsolute(attribute.value) { found.append(attribute.value) }
            } else if attribute.name == "srcset" {
                for candidate in attribute.value.split(separator: ",") {
                    let url = String(candidate.split(separator: " ").first ?? "")
                    if !isAbsolute(url) { found.append(url) }
                }
            }
        }
        return found
    }

    private func isAbsolute(_ url: String) -> Bool {
        guard let scheme = URLResolver.scheme(of: url) else { return false }
        return scheme == "mailto" || url.dropFirst(scheme.count + 1).hasPrefix("//")
    }
}
