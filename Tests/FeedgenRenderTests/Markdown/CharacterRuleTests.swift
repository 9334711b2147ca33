import FeedgenCore
import Testing

@testable import FeedgenRender

/// The loader, the HTML cleaner and every writer remove the same characters, so nothing disappears unreported,
/// and those are exactly the characters XML 1.0 forbids or asks authors to avoid.
@Suite struct CharacterRuleTests {
    /// XML 1.0 (Fifth Edition) §2.2, written out from the text rather than from the code under test: `Char`,
    /// and the characters "authors are encouraged to avoid" (DEL and C1 controls, noncharacters); U+0085,
    /// which the production allows, goes too since YAML reads it as a line break.
    static func removedBySpecification(_ value: UInt32) -> Bool {
        let isChar =
            value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x1_0000...0x10_FFFF).contains(value)
        let discouraged =
            (0x7F...0x84).contains(value) || (0x86...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value)
            || value & 0xFFFF == 0xFFFE || value & 0xFFFF == 0xFFFF
        return !isChar || discouraged || value == 0x85
    }

    @Test func theLoaderTheHTMLCleanerAndTheXMLWriterRemoveWhatXMLForbidsOrDiscourages() {
        let scalars =
            (0..<0x3_0000).compactMap(Unicode.Scalar.init)
            + (0x10_FFF0...0x10_FFFF).compactMap(
                Unicode.Scalar.init)
        let disagreements = scalars.filter { scalar in
            let expected = Self.removedBySpecification(scalar.value)
            let loader = XMLSafeText.isIllegal(scalar)
            let html = TextCharacters.isForbidden(scalar)
            let xml = XMLTextWriter.legalText("a\(Character(scalar))b") == "ab"
            return loader != expected || html != expected || xml != expected
        }
        #expect(disagreements.map(XMLSafeText.name) == [])
    }
}
