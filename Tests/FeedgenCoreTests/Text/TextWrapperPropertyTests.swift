import FeedgenCore
import Foundation
import PropertyBased
import Testing

/// The wrapping invariants for any text made of words of every script the digest meets, at any width.
struct TextWrapperPropertyTests {
    private static let words = [
        "The", "NLP", "Newsletter", "#7:", "Transformers,", "supercalifragilisticexpialidocious-and-more",
        "在本期中，我们涵盖的主题包括了", "计算机视觉PyTorch库", "简報（Issue#5）：", "هذا", "العدد", "(Self-Distillation)،",
        "Ле́в", "Толсто́й", "e\u{301}\u{301}", "한국어", "텍스트는", "❤\u{FE0F}", "👩🏽\u{200D}💻👩🏽\u{200D}💻",
        "https://dair.ai/posts/NLP%E7%AE%80%E6%8A%A5-Issue-5/", "“quoted”", "-", "?", "[3]",
    ]

    /// No line wider than the width unless it is one URL (with the marks glued to it), no trailing space,
    /// every non-space character kept in order.
    @Test func wrappedLinesFitTheWidth() async {
        await check()
    }

    /// Found by this property test with "-" in its pool, shrunk to this input: the line before a lone "-"
    /// kept a trailing space when the glued word was cut between characters.
    @Test func aLoneHyphenAfterFullWidthPunctuation() {
        let lines = TextWrapper(width: 18).wrap("简報（Issue#5）： -", indent: "  ", hangingIndent: "    ")
        #expect(
            lines == [
                WrappedLine("  简報"), WrappedLine("    （Issue#5）：", continues: true), WrappedLine("    -"),
            ])
    }

    private func check() async {
        let texts = Gen<String?>.element(of: Self.words).array(of: 0...40).map {
            $0.compactMap { $0 }.joined(separator: " ")
        }
        await propertyCheck(input: texts, Gen.int(in: 8...100)) { text, width in
            let lines = TextWrapper(width: width).wrap(text, indent: "  ", hangingIndent: "    ")
            for line in lines {
                let content = line.text.trimmingPrefix(while: { $0 == " " })
                let words = content.split(separator: " ")
                let isLoneURL =
                    content.hasPrefix("https://")
                    && words.dropFirst().allSatisfy { ["-", "?", "[3]"].contains($0) }
                #expect(DisplayWidth.of(line.text) <= width || isLoneURL, "\(width): '\(line.text)'")
                #expect(!line.text.hasSuffix(" "))
            }
            #expect(lines.map(\.text).joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
        }
    }
}
