import Foundation
import Testing

@testable import FeedgenCore

/// Compares scalar by scalar: `String ==` would call "é" and "e\u{301}" equal.
private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

@Suite struct MojibakeTests {
    @Test func macRomanApostropheAndCircumflex() {
        let result = Mojibake.repair("d‚Äôentra√Ænement")
        #expect(scalars(result.text) == scalars("d’entraînement"))
        #expect(
            result.repairs == [
                .init(original: "‚Äô", repaired: "’", encoding: .macRoman, utf16Offset: 1, line: 1),
                .init(original: "√Æ", repaired: "î", encoding: .macRoman, utf16Offset: 9, line: 1),
            ])
    }

    @Test func windows1252Accents() {
        let result = Mojibake.repair("cafÃ© dâ€™Ã©tÃ©")
        #expect(scalars(result.text) == scalars("café d’été"))
        #expect(
            result.repairs == [
                .init(original: "Ã©", repaired: "é", encoding: .windows1252, utf16Offset: 3, line: 1),
                .init(original: "â€™Ã©", repaired: "’é", encoding: .windows1252, utf16Offset: 7, line: 1),
                .init(original: "Ã©", repaired: "é", encoding: .windows1252, utf16Offset: 13, line: 1),
            ])
    }

    @Test func letterInTheMiddleOfAWordIsEvidenceEnough() {
        #expect(scalars(Mojibake.repair("numÃ©ro").text) == scalars("numéro"))
        #expect(scalars(Mojibake.repair("num√©ro").text) == scalars("numéro"))
    }

    @Test func loneAmbiguousPairIsLeftAlone() {
        // "Ã©" alone is probably "é", but nothing around it says so: correct text is never changed.
        #expect(Mojibake.repair("Ã©").repairs == [])
        #expect(Mojibake.repair("√†").repairs == [])
        #expect(Mojibake.repair("Ilić").repairs == [])
        // A quotation mark inside a word is no evidence either ("IRMÃ’s" is correct Portuguese and English).
        #expect(Mojibake.repair("cÅ“ur").repairs == [])
    }

    @Test(arguments: [
        ("‚ù§Ô∏è \u{F8FF}üíõ", "❤️ 💛"),
        ("â\u{9D}¤ï¸\u{8F} ðŸ’›", "❤️ 💛"),
        ("NLPÁÆÄÊä•", "NLP简报"),
        ("NLPç®€æŠ¥", "NLP简报"),
        ("ÿßŸÑÿπÿ±ÿ®Ÿäÿ©", "العربية"),
        ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
        ("–ü—Ä–∏–≤–µ—Ç", "Привет"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
        ("Ti·∫øng Vi·ªát", "Tiếng Việt"),
        ("Tiáº¿ng Viá»‡t", "Tiếng Việt"),
        ("ƒ∞stanbul‚Äôda aƒüa√ß", "İstanbul’da ağaç"),
        ("Ä°stanbulâ€™da aÄŸaÃ§", "İstanbul’da ağaç"),
        ("power Œ±, d‚ÇÇ, ¬Ω‚Ä¶", "power α, d₂, ½…"),
        ("cafeÃÅ‚Äô", "cafe\u{301}’"),  // a combining acute accent after its "e"
        ("cÅ“ur numÃ©ro", "cœur numéro"),
        ("3¬™ edi√ß√£o", "3ª edição"),
        ("‚Äî", "—"),
        ("Ôªø", "\u{FEFF}"),
    ])
    func damageIsRepaired(_ damaged: String, _ original: String) {
        #expect(scalars(Mojibake.repair(damaged).text) == scalars(original))
    }

    @Test(arguments: [
        "Correct ASCII only.",
        "São Paulo, SÃO PAULO, AMANHÃ… a IRMÃ’s",
        "Ça va ? Très bien… « été » — l’été, «échec», mot—à la fois, créée",
        "café…» et «café…» ; naïve coöperate façade Noël",
        "İstanbul’da ağaç, şeker, ılık, Ğ; Zażółć gęślą jaźń; Größe, Übermäßig",
        "¿Qué? ¡Sí! niño; Tiếng Việt; Ilić",
        "中文简报，阿拉伯语 العربية، Русский, Ελληνικά, עברית",
        "❤️ 💛 👍🏽 👨‍👩‍👧 ⭐️",
        "√2 ≈ 1.414, x√π, ∑∂∫, ‚Hallo‘ „Welt“, 5 € – 10 £, 3ª, nº 4, 20 °C, © 2020",
        "Ã", "√", "‚", "Â", "Ã ©", "√ ©",
        "\u{FEFF}BOM inside",
    ])
    func correctTextIsLeftAlone(_ text: String) {
        let result = Mojibake.repair(text)
        #expect(result.repairs == [])
        #expect(scalars(result.text) == scalars(text))
    }

    @Test func partlyDamagedTextKeepsItsCorrectPart() {
        // "’é" would read as the Armenian "Վ" and "—à" as the Cyrillic "ш": no other Armenian or
        // Cyrillic was repaired, so they stay; "é" right before damage stays too.
        let result = Mojibake.repair("l’été et d‚Äôautres, mot —à la fois, é‚Äô")
        #expect(scalars(result.text) == scalars("l’été et d’autres, mot —à la fois, é’"))
        #expect(result.repairs.map(\.original) == ["‚Äô", "‚Äô"])
    }

    @Test func offsetsCountLinesAndUTF16() {
        let result = Mojibake.repair("a\n💛 b\nd‚Äôx")
        #expect(
            result.repairs == [.init(original: "‚Äô", repaired: "’", encoding: .macRoman, utf16Offset: 8, line: 3)])
    }

    @Test func textDamagedTwiceNeedsTwoCalls() {
        let once = Mojibake.repair("dÃ¢â‚¬â„¢accord numÃƒÂ©ro")
        #expect(scalars(once.text) == scalars("dâ€™accord numÃ©ro"))
        #expect(scalars(Mojibake.repair(once.text).text) == scalars("d’accord numéro"))
    }

    /// The pre-check that spares building candidates says no only where no table reads a UTF-8 sequence:
    /// every lead character followed by every continuation character of each table passes it.
    @Test func thePreCheckLetsEveryDecodablePairThrough() {
        var missed: [String] = []
        for table in MojibakeTable.all {
            let leads = table.bytes.filter { (0xC2...0xF4).contains($0.value) }.map(\.key)
            let continuations = table.bytes.filter { (0x80...0xBF).contains($0.value) }.map(\.key)
            for lead in leads {
                for continuation in continuations {
                    let text = "a\(lead)\(continuation)b"
                    if !Mojibake.mayHoldDamage(text) { missed.append(text) }
                }
            }
        }
        #expect(missed == [])
        let skipped = MojibakeTable.all.flatMap(\.bytes.keys).filter { (0x3000..<0xF000).contains($0.value) }
        #expect(skipped == [])
        #expect(!Mojibake.mayHoldDamage("plain ASCII"))
        #expect(!Mojibake.mayHoldDamage("中文 “quoted” — Ελληνικά"))
    }

    @Test func emptyText() {
        #expect(Mojibake.repair("") == MojibakeRepair(text: "", repairs: []))
    }

    @Test func encodingNames() {
        #expect(Mojibake.Encoding.allCases.map(\.description) == ["Mac OS Roman", "Windows-1252"])
    }

    @Test func macRomanTableHasFoundationsCharacters() {
        // Foundation on Linux (Swift 6.3.1) decodes Mac OS Roman in the wrong order, and lacks "ﬂ",
        // but its characters are all in the table.
        let foundation = (0x80...0xFF).compactMap { String(bytes: [UInt8($0)], encoding: .macOSRoman) }
        #expect(Set(foundation).isSubset(of: MojibakeTable.macRoman.scalars.map { String($0) }))
        #expect(Set(MojibakeTable.macRoman.scalars).count == 128)
        #expect(MojibakeTable.macRoman.decode([0x80, 0x8E, 0xA5, 0xC9, 0xD5, 0xDB, 0xE2, 0xF0]) == "Äé•…’€‚\u{F8FF}")
    }

    @Test func windows1252TableComesFromFoundation() {
        let table = MojibakeTable.windows1252
        #expect(table.decode([0x80, 0x81, 0x82, 0x8A, 0x92, 0x9F, 0xA0, 0xE9]) == "€\u{81}‚Š’Ÿ\u{A0}é")
        #expect(table.bytes["\u{80}"] == 0x80 && table.bytes["€"] == 0x80)
        #expect(Set(table.scalars).count == 128)
    }
}
