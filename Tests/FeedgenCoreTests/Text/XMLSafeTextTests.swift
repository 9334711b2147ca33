import Testing

@testable import FeedgenCore

@Suite struct XMLSafeTextTests {
    @Test func legalTextIsUnchanged() {
        let text = "Tab\there\nCR\r ok — é 中文 ❤️ \u{A0}\u{D7FF}\u{E000}\u{FFFD}\u{10FFFD}"
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

    /// One rule for every writer: C1 controls (U+0085 included) and every noncharacter go, as in the HTML.
    @Test func delC1ControlsAndNoncharactersAreRemoved() {
        let noncharacters = [0xFDD0, 0xFDEF, 0x1_FFFE, 0x10_FFFF].map { String(Unicode.Scalar(UInt32($0))!) }
        let result = XMLSafeText.clean(
            "a\u{7F}b\u{80}c\u{85}d\u{9F}e\(noncharacters[0])f\(noncharacters[1])g\(noncharacters[2])h\(noncharacters[3])"
        )
        #expect(result.text == "abcdefgh")
        #expect(result.removed == 8)
    }

    @Test func everyC0ControlIsClassified() {
        let illegal = (0..<0x20).filter { XMLSafeText.isIllegal(Unicode.Scalar(UInt8($0))) }
        #expect(illegal == Array(0..<0x09) + [0x0B, 0x0C] + Array(0x0E..<0x20))
    }

    /// The byte scan that spares decoding is the scalar rule itself: checked on every scalar, alone and between
    /// other text (so a scalar cut short at the end of the bytes is not looked past).
    @Test func theByteScanFindsExactlyTheRemovedScalars() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(scalar)
            if XMLSafeText.mayHoldIllegal(alone) != XMLSafeText.isIllegal(scalar)
                || XMLSafeText.mayHoldIllegal("é\(alone)中") != XMLSafeText.isIllegal(scalar)
            {
                mismatches.append(value)
            }
        }
        #expect(mismatches == [])
    }

    @Test func emptyString() {
        let result = XMLSafeText.clean("")
        #expect(result.text == "")
        #expect(result.removed == 0)
    }
}
