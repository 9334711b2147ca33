import Foundation
import Testing
import Yams

@testable import FeedgenCore

/// The `languages:` block of the feed definitions: defaults, partial YAML, and errors.
@Suite struct LanguageRulesTests {
    @Test func defaultLists() {
        let rules = LanguageRules.defaults
        #expect(LanguageRules.iso6391Codes.count == 183)
        #expect(Set(LanguageRules.iso6391Codes).count == 183)
        let excluded = Set(LanguageRules.iso6391Codes).subtracting(rules.bracketCodes)
        #expect(excluded == ["ml", "cv", "nn", "os", "io", "ts", "sd"])
        let suffixCodes = "ar bg ca cn da de el en es fa fr hu ja ko nl pl pt ro ru sk sv tr zh"
        #expect(rules.suffixCodes == suffixCodes.split(separator: " ").map(String.init))
        #expect(rules.aliases["ch"] == "zh")
        #expect(rules.aliases["cn"] == "zh")
        #expect(rules.markers.map(\.language) == ["zh", "es", "tr"])
        #expect(rules.scripts["Latin"] == nil)
        #expect(rules.titleScriptShare == 0)
        #expect(rules.bodyScriptShare == 0.2)
        #expect(rules.scriptMinimumRun == 2)
    }

    @Test func emptyBlockIsTheDefaults() throws {
        #expect(try YAMLDecoder().decode(LanguageRules.self, from: "{}") == .defaults)
    }

    @Test func keysLeftOutKeepTheirDefaults() throws {
        let yaml = """
            markers:
              - pattern: "Lettre d'information"
                language: FR
              - pattern: "\\\\(DE\\\\)"
                language: de_AT
                fields: [title]
                caseSensitive: true
            suffixCodes: [en, IT]
            bodyScriptShare: 0.5
            """
        let rules = try YAMLDecoder().decode(LanguageRules.self, from: yaml)
        #expect(
            rules.markers == [
                .init(pattern: "Lettre d'information", language: "fr", fields: [.file, .title], caseSensitive: false),
                .init(pattern: #"\(DE\)"#, language: "de-AT", fields: [.title], caseSensitive: true),
            ])
        #expect(rules.suffixCodes == ["en", "it"])
        #expect(rules.bodyScriptShare == 0.5)
        #expect(rules.bracketCodes == LanguageRules.defaults.bracketCodes)
        #expect(rules.aliases == LanguageRules.defaults.aliases)
        #expect(rules.scripts == LanguageRules.defaults.scripts)
        #expect(rules.titleScriptShare == 0)

        func detect(_ file: String, _ title: String) -> LanguageDecision {
            LanguageDetector.detect(
                frontMatter: nil, fileName: file, title: title, body: { "" }, siteDefault: "en", rules: rules)
        }
        #expect(
            detect("2020-01-01-x.md", "Lettre D'INFORMATION")
                == .init(language: "fr", reason: .marker("Lettre D'INFORMATION")))
        #expect(detect("2020-01-01-x.md", "News (DE)") == .init(language: "de-AT", reason: .marker("(DE)")))
        #expect(detect("2020-01-01-x.md", "News (de)").reason == .siteDefault)
        #expect(detect("2020-01-01-x(DE).md", "News").reason == .siteDefault)
        #expect(detect("2020-01-01-Do-it.md", "News") == .init(language: "it", reason: .marker("-it")))
        // The default markers are replaced, not kept.
        #expect(detect("2020-01-01-x.md", "Boletín") == .init(language: "en", reason: .siteDefault))
    }

    @Test func roundTripsThroughYAML() throws {
        let text = try YAMLEncoder().encode(LanguageRules.defaults)
        #expect(try YAMLDecoder().decode(LanguageRules.self, from: text) == .defaults)
    }

    @Test func invalidPatternIsADecodingError() {
        #expect {
            _ = try YAMLDecoder().decode(LanguageRules.self, from: "markers: [{pattern: \"[unclosed\", language: fr}]")
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.hasPrefix("invalid regular expression '[unclosed': ")
        }
    }

    @Test func invalidLanguageIsADecodingError() {
        #expect {
            _ = try YAMLDecoder().decode(LanguageRules.self, from: "markers: [{pattern: x, language: French}]")
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == "'French' is not a BCP 47 language tag"
                && context.codingPath.map(\.stringValue) == ["markers", "Index 0", "language"]
        }
    }

    @Test(arguments: [
        "scripts: {Klingon: tlh}", "scripts: {\"Han}|.\": zh}", "scripts: {Han: Chinese}", "aliases: {ch: Chinese}",
    ])
    func invalidScriptOrAliasIsADecodingError(yaml: String) {
        #expect(throws: DecodingError.self) { _ = try YAMLDecoder().decode(LanguageRules.self, from: yaml) }
    }

    @Test func invalidScriptNameIsNamed() {
        #expect(
            throws: InvalidPattern(pattern: "Klingon", reason: "not a Unicode script name (Han, Arabic, Cyrillic, ...)")
        ) {
            _ = try LanguageRules(
                markers: [], bracketCodes: [], suffixCodes: [], aliases: [:], scripts: ["Klingon": "tlh"])
        }
    }
}
