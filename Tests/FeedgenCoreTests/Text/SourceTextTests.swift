import Testing

@testable import FeedgenCore

@Suite struct SourceTextTests {
    @Test func plainUTF8IsDecodedAsIs() throws {
        let result = try SourceText.decode(Array("café ❤️\n".utf8))
        #expect(result.text == "café ❤️\n")
        #expect(result.hadBOM == false)
    }

    @Test func leadingBOMIsDroppedAndReported() throws {
        let result = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("---\ntitle: x\n".utf8))
        #expect(Array(result.text.utf8) == Array("---\ntitle: x\n".utf8))
        #expect(result.hadBOM == true)
    }

    @Test func bomElsewhereIsKept() throws {
        let result = try SourceText.decode(Array("a".utf8) + [0xEF, 0xBB, 0xBF])
        #expect(Array(result.text.unicodeScalars) == ["a", "\u{FEFF}"])
        #expect(result.hadBOM == false)
    }

    @Test func crlfAndLoneCRBecomeLF() throws {
        let bytes: [UInt8] = Array("one\r\ntwo\rthree\n\r\nfour\r".utf8)
        let result = try SourceText.decode(bytes)
        #expect(Array(result.text.utf8) == Array("one\ntwo\nthree\n\nfour\n".utf8))
    }

    @Test func bomAndCRLFTogether() throws {
        let result = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("é\r\n".utf8))
        #expect(Array(result.text.utf8) == Array("é\n".utf8))
        #expect(result.hadBOM == true)
    }

    @Test func emptyInput() throws {
        let result = try SourceText.decode([])
        #expect(result.text == "")
        #expect(result.hadBOM == false)
    }

    @Test func latin1ByteIsAnErrorWithOffsetAndLine() {
        // "ab", CRLF, "cd", LF, "e", then "é" saved as Latin-1.
        let bytes: [UInt8] = [0x61, 0x62, 0x0D, 0x0A, 0x63, 0x64, 0x0A, 0x65, 0xE9, 0x66]
        #expect(throws: SourceDecodingError(offset: 8, line: 3, bytes: [0xE9])) {
            try SourceText.decode(bytes)
        }
    }

    @Test func loneCRCountsAsALineEnd() {
        let bytes: [UInt8] = [0x61, 0x0D, 0x62, 0x0D, 0x0D, 0xFF]
        #expect(throws: SourceDecodingError(offset: 5, line: 4, bytes: [0xFF])) {
            try SourceText.decode(bytes)
        }
    }

    @Test func offsetCountsTheBOM() {
        #expect(throws: SourceDecodingError(offset: 4, line: 1, bytes: [0x80])) {
            try SourceText.decode([0xEF, 0xBB, 0xBF, 0x61, 0x80])
        }
    }

    @Test func truncatedSequenceAtTheEnd() {
        #expect(throws: SourceDecodingError(offset: 2, line: 2, bytes: [0xE2, 0x80])) {
            try SourceText.decode([0x78, 0x0A, 0xE2, 0x80])
        }
    }

    @Test func overlongAndSurrogateEncodingsAreRejected() {
        // C0 AF is an overlong "/"; ED A0 80 would be the surrogate U+D800.
        #expect(throws: SourceDecodingError(offset: 0, line: 1, bytes: [0xC0])) {
            try SourceText.decode([0xC0, 0xAF])
        }
        #expect(throws: SourceDecodingError(offset: 1, line: 1, bytes: [0xED])) {
            try SourceText.decode([0x20, 0xED, 0xA0, 0x80])
        }
    }

    @Test func onlyTheFirstInvalidSequenceIsReported() {
        #expect(throws: SourceDecodingError(offset: 3, line: 1, bytes: [0xF0, 0x9F, 0x98])) {
            try SourceText.decode([0xC3, 0xA9, 0x20, 0xF0, 0x9F, 0x98, 0x20, 0xFF])
        }
    }

    @Test func errorDescription() {
        let error = SourceDecodingError(offset: 8, line: 3, bytes: [0xE2, 0x80])
        #expect(error.description == "invalid UTF-8 at line 3 (byte offset 8): 0xE2 0x80; save the file as UTF-8")
    }
}
