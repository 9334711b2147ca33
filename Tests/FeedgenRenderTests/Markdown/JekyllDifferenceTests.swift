import Testing

@testable import FeedgenRender

/// The kinds of difference that `Fixtures/compare-with-jekyll.py` found between real Jekyll (kramdown) and
/// feedgen on the corpus, one small post each, with feedgen's exact HTML. Each test names the post it
/// comes from and says whether feedgen follows the site or deliberately differs.
@Suite struct JekyllDifferenceTests {
    /// Follows the site: `---` then a `\\` spacer is a rule, not a paragraph showing "—" (NLP简报 Issue#5).
    @Test func ruleBeforeSpacerStaysARule() throws {
        let markdown = "您可以在此处找到随附的Google Colab[39]。\n\n---\n\\\\\n**本文参考资料**\n"
        let expected = """
            <p>您可以在此处找到随附的Google Colab[39]。</p>
            <hr>
            <p><strong>本文参考资料</strong></p>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    /// Deliberate: kramdown makes any line holding `|` a table, even in a list item (NLP简报 Flax).
    @Test func pipeInListItemStaysText() throws {
        let markdown = "- 荷兰语 Dutch BERT（RobBERT[1]| BERTje[2]）\n- 德语 German BERT[3]\n"
        let expected = """
            <ul>
            <li>荷兰语 Dutch BERT（RobBERT[1]| BERTje[2]）</li>
            <li>德语 German BERT[3]</li>
            </ul>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    /// CommonMark's flanking rule does not open `**` between a letter and CJK punctuation; kramdown does, and
    /// so does feedgen, for pairs touching CJK text (NLP简报 Tokenizers).
    @Test func boldAfterCJKLetterIsBoldAsOnTheSite() throws {
        let markdown = "欢迎来到船新栏目**「NLP 简报」**，本新闻简报的目的\n"
        #expect(try Fixture.html(markdown) == "<p>欢迎来到船新栏目<strong>「NLP 简报」</strong>，本新闻简报的目的</p>")
    }

    /// Pairs CommonMark already reads, pairs in Latin text, and lines with code spans are left to cmark.
    @Test func otherBoldIsLeftToCommonMark() throws {
        #expect(try Fixture.html("中文**粗体**中文\n") == "<p>中文<strong>粗体</strong>中文</p>")
        #expect(try Fixture.html("word**(x)**word\n") == "<p>word**(x)**word</p>")
        #expect(try Fixture.html("`栏目**「x」**` 栏目**「y」**\n") == "<p><code>栏目**「x」**</code> 栏目**「y」**</p>")
    }

    /// Known gap: an `_` glued between an emoji and a letter cannot open emphasis in CommonMark
    /// (Detecting Sarcasm); kramdown makes the sentence italic.
    @Test func underscoreAfterEmojiStaysLiteral() throws {
        let markdown = "👋_Wait! Here is more if you want to read similar research:_ [More](https://a.org/x)\n"
        let expected =
            "<p>👋_Wait! Here is more if you want to read similar research:_ <a href=\"https://a.org/x\">More</a></p>"
        #expect(try Fixture.html(markdown) == expected)
    }

    /// Deliberate: a `*` glued after a word and before a comma is a closing mark only in CommonMark;
    /// kramdown pairs it with a later one and italicises the whole sentence (NLP Newsletter #9 [FR]).
    @Test func starAfterWordDoesNotOpenEmphasis() throws {
        let markdown = "des architectures d'auto-attention*, les auteurs ont pu entraîner à la tâche*.\n"
        let expected = "<p>des architectures d’auto-attention*, les auteurs ont pu entraîner à la tâche*.</p>"
        #expect(try Fixture.html(markdown) == expected)
    }

    /// Deliberate: kramdown leaves these emphasis marks as text, CommonMark pairs them (NLP Newsletter 9 [TR],
    /// 11 tr, #1 [FR], 12 en, 14 en, NLP 7).
    @Test func emphasisKramdownLeftAsText() throws {
        let markdown = """
            Bu rehbere (*dair.ai*'da yer alan) bakın.

            Bültene *abone olun*.

            - [**Yannic Kilcher**](https://www.youtube.com/c/yannickilcher) ****— a YouTube channel
            """
        let expected = """
            <p>Bu rehbere (<em>dair.ai</em>’da yer alan) bakın.</p>
            <p>Bültene <em>abone olun</em>.</p>
            <ul>
            <li><a href="https://www.youtube.com/c/yannickilcher"><strong>Yannic Kilcher</strong></a> — a YouTube channel</li>
            </ul>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    /// Deliberate: kramdown turns `<<` and `>>` into guillemets; cmark's smart punctuation does not
    /// (NLP Year in Review).
    @Test func angleQuotesStayAngleQuotes() throws {
        let markdown = ">> [PDF version](https://github.com/omarsar/nlp_highlights) <<\n"
        let expected = """
            <blockquote>
            <blockquote>
            <p><a href="https://github.com/omarsar/nlp_highlights">PDF version</a> &lt;&lt;</p>
            </blockquote>
            </blockquote>
            """
        #expect(try Fixture.html(markdown) == expected)
    }

    /// Deliberate: kramdown takes `((url))` as a relative link to "(url)", broken on the site; CommonMark
    /// reads the inner URL (NLP Newsletter [PT-BR] 10, 9 [TR]).
    @Test func doubleParenthesisLinkReachesTheURL() throws {
        let markdown = "([última edição em PT-BR]((https://github.com/dair-ai/nlp_newsletter))).\n"
        let expected = "<p>(<a href=\"https://github.com/dair-ai/nlp_newsletter\">última edição em PT-BR</a>).</p>"
        #expect(try Fixture.html(markdown) == expected)
    }
}
