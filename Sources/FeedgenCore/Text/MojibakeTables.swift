import Foundation

/// The upper half (bytes 0x80–0xFF) of a single-byte encoding that mojibake goes through, both ways.
struct MojibakeTable: Sendable {
    let encoding: Mojibake.Encoding
    /// `scalars[b - 0x80]` is what byte `b` decodes to.
    let scalars: [Unicode.Scalar]
    /// The byte each upper-half character came from; more than one character may name the same byte.
    let bytes: [Unicode.Scalar: UInt8]

    init(encoding: Mojibake.Encoding, scalars: [Unicode.Scalar], alsoDecodingTo extra: [Unicode.Scalar: UInt8] = [:]) {
        precondition(scalars.count == 128, "an upper half has 128 entries")
        self.encoding = encoding
        self.scalars = scalars
        var bytes = extra
        for (index, scalar) in scalars.enumerated() { bytes[scalar] = UInt8(0x80 + index) }
        self.bytes = bytes
    }

    /// What `bytes` read as in this encoding: the damage that `Mojibake.repair` undoes.
    func decode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(contentsOf: (byte < 0x80 ? Unicode.Scalar(byte) : scalars[Int(byte) - 0x80]).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Mac OS Roman, as Apple's converters decode it (0xDB is € since Mac OS 8.5; 0xF0 is the Apple logo, U+F8FF).
    ///
    /// Written out because Foundation on Linux cannot be trusted here: with Swift 6.3.1,
    /// `String(bytes: [0x80], encoding: .macOSRoman)` returns U+00A0 instead of U+00C4 ("Ä"); its table
    /// holds the right 128 characters sorted by code point instead of in byte order.
    /// Source: Unicode's MAPPINGS/VENDORS/APPLE/ROMAN.TXT, which Python's `mac_roman` codec follows too.
    static let macRoman = MojibakeTable(
        encoding: .macRoman,
        scalars: [
            0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,  // 0x80
            0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,  // 0x88
            0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,  // 0x90
            0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,  // 0x98
            0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,  // 0xA0
            0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,  // 0xA8
            0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,  // 0xB0
            0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,  // 0xB8
            0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,  // 0xC0
            0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,  // 0xC8
            0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,  // 0xD0
            0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,  // 0xD8
            0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,  // 0xE0
            0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,  // 0xE8
            0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,  // 0xF0
            0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,  // 0xF8
        ].map { Unicode.Scalar(UInt32($0))! },
        // Older converters: 0xDB was the currency sign before the euro, 0xBD is also read as the Ohm sign.
        alsoDecodingTo: ["\u{00A4}": 0xDB, "\u{2126}": 0xBD]
    )

    /// Windows-1252 as Foundation decodes it, with Latin-1's C1 controls for the rest.
    ///
    /// Foundation leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; tools that damage text (browsers
    /// following the WHATWG Encoding Standard, ISO 8859-1 readers) turn them into U+0081 and so on, so
    /// every C1 control is taken back to the byte of the same value.
    static let windows1252: MojibakeTable = {
        let scalars = (0x80...0xFF).map { byte -> Unicode.Scalar in
            let decoded = String(bytes: [UInt8(byte)], encoding: .windowsCP1252)?.unicodeScalars
            if let decoded, decoded.count == 1, let scalar = decoded.first { return scalar }
            return Unicode.Scalar(UInt8(byte))
        }
        let controls = (0x80...0x9F).map { (Unicode.Scalar(UInt8($0)), UInt8($0)) }
        return MojibakeTable(
            encoding: .windows1252, scalars: scalars,
            alsoDecodingTo: Dictionary(controls, uniquingKeysWith: { first, _ in first }))
    }()

    /// Every table `Mojibake.repair` tries, most likely damage first.
    static let all: [MojibakeTable] = [macRoman, windows1252]
}
