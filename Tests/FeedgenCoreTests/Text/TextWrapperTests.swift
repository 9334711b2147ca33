import FeedgenCore
import Testing

@Suite struct TextWrapperTests {
    func texts(_ lines: [WrappedLine]) -> [String] { lines.map(\.text) }

    @Test func latinBreaksAtSpacesAndMarksSoftBreaks() {
        let lines = TextWrapper(width: 10).wrap("The  quick brown\nfox jumps")
        #expect(
            lines == [
                WrappedLine("The quick", continues: true), WrappedLine("brown fox", continues: true),
                WrappedLine("jumps"),
            ])
    }

    @Test func chineseBreaksBetweenCharactersByDisplayWidth() {
        let lines = TextWrapper(width: 8).wrap("一二三四五六七八九十")
        #expect(lines == [WrappedLine("一二三四"), WrappedLine("五六七八"), WrappedLine("九十")])
    }

    @Test func closingPunctuationNeverStartsALine() {
        #expect(texts(TextWrapper(width: 8).wrap("一二三四。五六")) == ["一二三", "四。五六"])
        #expect(texts(TextWrapper(width: 8).wrap("一二三「四五」")) == ["一二三", "「四五」"])
    }

    @Test func japaneseMixedWithLatin() {
        #expect(
            texts(TextWrapper(width: 10).wrap("NLPのニュースレター")) == ["NLPの", "ニュースレ", "ター"],
            "small kana and ー stay with the kana before")
    }

    @Test func aURLIsNeverBroken() {
        let url = "https://example.org/a/very/long/path/that/exceeds/the/width"
        #expect(texts(TextWrapper(width: 20).wrap("see \(url) ok")) == ["see", url, "ok"])
        #expect(texts(TextWrapper(width: 20).wrap("链接：\(url)")) == ["链接：", url])
        #expect(texts(TextWrapper(width: 20).wrap("(\(url)).")) == ["(\(url))."])
    }

    @Test func combiningMarksTakeNoColumn() {
        let cafe = "cafe\u{301}"
        #expect(texts(TextWrapper(width: 9).wrap("\(cafe) \(cafe) \(cafe)")) == ["\(cafe) \(cafe)", cafe])
    }

    @Test func emojiTakeTwoColumns() {
        #expect(texts(TextWrapper(width: 8).wrap("😀😀😀 😀😀")) == ["😀😀😀", "😀😀"])
        #expect(
            texts(TextWrapper(width: 8).wrap("ok 👨\u{200D}👩\u{200D}👧 ⚙\u{FE0F} go")) == [
                "ok 👨\u{200D}👩\u{200D}👧 ⚙\u{FE0F}", "go",
            ])
    }

    @Test func arabicKeepsItsLogicalOrderAndBreaksAtSpaces() {
        let lines = TextWrapper(width: 15).wrap("مرحبا بالعالم العربي الجميل")
        #expect(lines == [WrappedLine("مرحبا بالعالم", continues: true), WrappedLine("العربي الجميل")])
    }

    @Test func loneMarksStayWithTheirWord() {
        #expect(texts(TextWrapper(width: 12).wrap("Perdu parmi BERT ?")) == ["Perdu parmi", "BERT ?"])
        #expect(texts(TextWrapper(width: 12).wrap("Il a dit « bonjour » hier")) == ["Il a dit", "« bonjour »", "hier"])
        #expect(texts(TextWrapper(width: 14).wrap("de 2010 à 2020 - 2029")) == ["de 2010 à", "2020 - 2029"])
        #expect(texts(TextWrapper(width: 14).wrap("the right way [12]")) == ["the right", "way [12]"])
        #expect(texts(TextWrapper(width: 10).wrap("le\u{A0}mot\u{A0}entier")) == ["le\u{A0}mot\u{A0}ent", "ier"])
    }

    @Test func aWordWiderThanTheLineIsCut() {
        #expect(texts(TextWrapper(width: 8).wrap("abcdefghijkl xy")) == ["abcdefgh", "ijkl xy"])
    }

    @Test func indentsCountInTheWidth() {
        let lines = TextWrapper(width: 10).wrap("one two three", indent: "  - ", hangingIndent: "    ")
        #expect(texts(lines) == ["  - one", "    two", "    three"])
        #expect(texts(TextWrapper(width: 10).wrap("", indent: "  ")) == [""])
    }

    /// Whatever the text and width: no line wider than the width unless it is one URL, no trailing space,
    /// and every non-space character kept in order.
    @Test(arguments: [8, 11, 20, 33, 72])
    func invariants(width: Int) {
        let samples = [
            "The NLP Newsletter #7: Learning to Simulate, Transformers Notebooks, Med7 and more ❤\u{FE0F} 💛 💚",
            "在本期中，我们涵盖的主题包括了从如何改进测量成分泛化到计算机视觉PyTorch库到最新的物理模拟器等。",
            "NLP简報（Issue#5）：The Annotated GPT-2、CodeBERT、JAX、GANILLA等 https://dair.ai/posts/NLP%E7%AE%80%E6%8A%A5-Issue-5/",
            "هذا العدد يغطي مواضيع مثل: فهم التقطير-الذاتي (Self-Distillation)، ترجمة صورة-إلى-رسمة",
            "Ле́в Никола́евич Толсто́й wrote e\u{301}\u{301}\u{301} 한국어 텍스트는 띄어쓰기로 줄을 바꿉니다",
            "supercalifragilisticexpialidocious-and-then-some-more-letters 👩🏽\u{200D}💻👩🏽\u{200D}💻👩🏽\u{200D}💻👩🏽\u{200D}💻👩🏽\u{200D}💻",
        ]
        for sample in samples {
            let lines = TextWrapper(width: width).wrap(sample, indent: "  ", hangingIndent: "    ")
            for line in lines {
                let content = line.text.trimmingPrefix(while: { $0 == " " })
                let isLoneURL = content.hasPrefix("https://") && !content.contains(" ")
                #expect(DisplayWidth.of(line.text) <= width || isLoneURL, "\(width): '\(line.text)'")
                #expect(!line.text.hasSuffix(" "))
            }
            let kept = lines.map(\.text).joined().filter { !$0.isWhitespace }
            #expect(kept == sample.filter { !$0.isWhitespace })
        }
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring { drop(while: predicate) }
}

extension String {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[...].drop(while: predicate)
    }
}
