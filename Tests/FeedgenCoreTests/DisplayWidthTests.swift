import FeedgenCore
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("中", 2), ("あ", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1), ("。", 2),
        ("e\u{301}", 1), ("\u{627}\u{64E}", 1), ("\u{200D}", 0), ("\u{200F}", 0), ("\u{AD}", 0),
        ("😀", 2), ("❤", 1), ("❤\u{FE0F}", 2), ("⚙\u{FE0F}", 2), ("👨\u{200D}👩\u{200D}👧", 2), ("🇫🇷", 2),
        ("👍🏽", 2), ("1\u{FE0F}\u{20E3}", 2), ("\u{1100}\u{1161}\u{11A8}", 2), ("𠀀", 2),
    ])
    func oneCharacter(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func stringsAddUp() {
        #expect(DisplayWidth.of("NLP简报") == 7)
        #expect(DisplayWidth.of("Cafe\u{301} ☕") == 7)
        #expect(DisplayWidth.of("مرحبا") == 5)
        #expect(DisplayWidth.of("Research 📙") == 11)
    }
}
