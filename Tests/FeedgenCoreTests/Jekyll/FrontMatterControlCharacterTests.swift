import Testing

@testable import FeedgenCore

/// A control character pasted into front matter is removed with a warning, and the post is read.
@Suite struct FrontMatterControlCharacterTests {
    @Test func controlCharactersAreRemovedBeforeParsingWithTheirLine() throws {
        let text = "---\nlayout: post\ntitle: \"Review\u{0B} of \u{01} papers\"\nexcerpt: A\u{85}B\u{FFFF}\n---\nBody\n"
        let frontMatter = try FrontMatter.parse(text)
        #expect(frontMatter.string("title") == "Review of  papers")
        #expect(frontMatter.string("excerpt") == "AB")
        #expect(
            frontMatter.warnings == [
                FrontMatterWarning(line: 3, message: "removed character(s) feeds cannot carry: U+000B, U+0001"),
                FrontMatterWarning(line: 4, message: "removed character(s) feeds cannot carry: U+0085, U+FFFF"),
            ])
        #expect(frontMatter.bodyLine == 6)
    }
}
