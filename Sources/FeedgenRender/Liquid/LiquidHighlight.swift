import FeedgenCore

/// Jekyll's `{% highlight LANG %}` as HTML, without Rouge's colour spans.
///
/// Jekyll writes `<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">…</code></pre></figure>`
/// with the code escaped and its trailing newline removed. With `linenos` Rouge puts the numbers in a table
/// column beside the code; a feed reader shows such a table badly, so here each line starts with its number
/// instead, in the same single `<pre><code>` block.
enum LiquidHighlight {
    static func html(code: String, language: String, lineNumbers: Bool) -> String {
        let language = String(language.lowercased().prefix { $0.isLetter || $0.isNumber || "_+-#.".contains($0) })
        var text = code
        while text.first == "\n" || text.first == "\r" { text.removeFirst() }
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        if lineNumbers {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let width = String(lines.count).count
            text = lines.enumerated().map { index, line in
                let number = String(index + 1)
                return String(repeating: " ", count: width - number.count) + number + " " + line
            }.joined(separator: "\n")
        }
        return "<figure class=\"highlight\"><pre><code class=\"language-\(language)\" data-lang=\"\(language)\">"
            + HTMLEscape.escape(text) + "</code></pre></figure>"
    }
}
