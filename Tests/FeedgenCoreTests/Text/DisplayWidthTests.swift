import FeedgenCore
import Foundation
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

/// The wide table against another implementation of `EastAsianWidth.txt`: Python's `unicodedata`.
@Suite struct DisplayWidthTableTests {
    @Test func everyAssignedCharacterAgreesWithPython() throws {
        // Python lists the code points it knows as wide (W or F), as ranges, and every assigned one.
        let script = """
            import unicodedata, sys, json
            wide, assigned = [], []
            for c in range(0x110000):
                ch = chr(c)
                if unicodedata.category(ch) in ('Cn', 'Cs', 'Co', 'Mn', 'Me', 'Mc', 'Cf', 'Cc', 'Zl', 'Zp'): continue
                assigned.append(c)
                if unicodedata.east_asian_width(ch) in 'WF': wide.append(c)
            print(json.dumps({'version': unicodedata.unidata_version, 'wide': wide, 'assigned': assigned}))
            """
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Table: Decodable {
            var version: String
            var wide: [UInt32]
            var assigned: [UInt32]
        }
        let table = try JSONDecoder().decode(Table.self, from: data)
        let wide = Set(table.wide)
        var disagreements: [String] = []
        for value in table.assigned {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Regional indicators are N in the file, but two of them make a flag: two columns each here.
            if (0x1F1E6...0x1F1FF).contains(value) { continue }
            if (DisplayWidth.of(scalar) == 2) != wide.contains(value) {
                disagreements.append(String(value, radix: 16))
            }
        }
        #expect(disagreements == [], "Unicode \(table.version)")
    }
}
