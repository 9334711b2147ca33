import FeedgenCore
import Testing

@testable import FeedgenRender

/// The loader, the HTML cleaner and every writer remove the same characters, so nothing disappears unreported.
@Suite struct CharacterRuleTests {
    @Test func theHTMLCleanerAndTheXMLWriterFollowTheLoadersRule() {
        let scalars =
            (0..<0x3_0000).compactMap(Unicode.Scalar.init)
            + (0x10_FFF0...0x10_FFFF).compactMap(
                Unicode.Scalar.init)
        let disagreements = scalars.filter { scalar in
            let loader = XMLSafeText.isIllegal(scalar)
            let html = TextCharacters.isForbidden(scalar)
            let xml = XMLTextWriter.legalText("a\(Character(scalar))b") == "ab"
            return loader != html || loader != xml
        }
        #expect(disagreements.map(XMLSafeText.name) == [])
    }
}
