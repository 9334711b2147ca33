import Testing

@testable import FeedgenCore

@Suite struct XMLSafeTextTests {
    @Test func legalTextIsUnchanged() {
        let text = "Tab\there\nCR\r ok — é 中文 ❤️ \u{85}\u{D7FF}\u{E000}\u{FFFD}\u{10FFFF}"
        let result = XMLSafeText.clean(text)
        #expect(Array(result.text.unicodeScalars) == Array(text.unicodeScalars))
        #expect(result.removed == 0)
    }

    @Test func c0ControlsExceptTabLFCRAreRemoved() {
        let result = XMLSafeText.clean("a\u{0}b\u{8}c\u{B}d\u{C}e\u{E}f\u{1B}[0mg\u{1F}\t\n\r")
        #expect(result.text == "abcdef[0mg\t\n\r")
        #expect(result.removed == 7)
    }

    @Test func nonCharactersFFFEAndFFFFAreRemoved() {
        let result = XMLSafeText.clean("\u{FFFE}x\u{FFFF}\u{FFFD}")
        #expect(Array(result.text.unicodeScalars) == ["x", "\u{FFFD}"])
        #expect(result.removed == 2)
    }

    @Test func everyC0ControlIsClassified() {
        let illegal = (0..<0x20).filter { XMLSafeText.isIllegal(Unicode.Scalar(UInt8($0))) }
        #expect(illegal == Array(0..<0x09) + [0x0B, 0x0C] + Array(0x0E..<0x20))
    }

    @Test func emptyString() {
        let result = XMLSafeText.clean("")
        #expect(result.text == "")
        #expect(result.removed == 0)
    }
}
