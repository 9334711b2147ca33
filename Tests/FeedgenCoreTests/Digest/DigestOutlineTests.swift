import FeedgenCore
import Testing

@Suite struct DigestOutlineTests {
    @Test func sectionsAreTheShallowestHeadingsAndStoriesTheBoldLines() {
        let markdown = """
            ![](https://example.org/cover.png)

            \\\\
            ***A few updates about the newsletter***
            Some text with **bold words** inside.

            # Research and Publications 📙 #

            ***Measuring [Compositional](https://x.test/) Generalization***

            **Zoom In: `circuits`**
            ```
            # not a heading
            ***not a story***
            ```
            # Tools ⚙️
            #hashtag is not a heading
            ## Noteworthy Mentions
            """
        #expect(
            DigestOutline.parse(markdown) == [
                OutlineSection(title: nil, stories: ["A few updates about the newsletter"]),
                OutlineSection(
                    title: "Research and Publications 📙",
                    stories: ["Measuring Compositional Generalization", "Zoom In: circuits"]),
                OutlineSection(title: "Tools ⚙️", stories: ["Noteworthy Mentions"]),
            ])
    }

    @Test func deeperHeadingsAreStoriesAsTheChineseIssuesWriteThem() {
        let markdown = """
            ***一些关于NLP简报以及dair.ai的更新***
            # 1、Research and Publications 📙
            #### 1.1 Measuring Compositional Generalization
            #### 1.2 微调预训练语言模
            # 2、Creativity, Ethics, and Society 🌎
            """
        #expect(
            DigestOutline.parse(markdown) == [
                OutlineSection(title: nil, stories: ["一些关于NLP简报以及dair.ai的更新"]),
                OutlineSection(
                    title: "1、Research and Publications 📙",
                    stories: ["1.1 Measuring Compositional Generalization", "1.2 微调预训练语言模"]),
                OutlineSection(title: "2、Creativity, Ethics, and Society 🌎"),
            ])
    }

    @Test func plainTextOfInlineMarkdown() {
        #expect(
            DigestOutline.plain("***Lost in (language-specific) BERT models?***")
                == "Lost in (language-specific) BERT models?")
        #expect(
            DigestOutline.plain("snake_case and _emphasis_ and \\*stars\\*") == "snake_case and emphasis and *stars*")
        #expect(DigestOutline.plain("<b>Bold</b> ![img](x.png)[link](https://x.test) [ref][1]") == "Bold link ref")
        #expect(DigestOutline.parse("no headings\n\njust text") == [])
    }

    /// A fence closes only on a fence line of the same character, at least as long, with no info string; shell
    /// comments inside a block that a shorter or info-string fence line does not close are not headings.
    @Test func fencedCodeEndsWhereCommonMarkEndsIt() {
        let markdown = """
            # Setup
            ````markdown
            ```sh
            # install the tools
            ```
            # still inside the four-backtick block
            ````
            ***Story one***
            ~~~
            ~~~python
            # a comment after a fence line with an info string
            ~~~
            # Tools
            ```
            ~~~
            # inside backticks, a tilde line closes nothing
            ```
            **Story two**
            """
        #expect(
            DigestOutline.parse(markdown) == [
                OutlineSection(title: "Setup", stories: ["Story one"]),
                OutlineSection(title: "Tools", stories: ["Story two"]),
            ])
    }
}
