/// Text after `Mojibake.repair`, with every change it made.
public struct MojibakeRepair: Sendable, Equatable {
    /// One run of damaged characters and what it was put back to.
    public struct Replacement: Sendable, Equatable {
        /// The damaged characters as found, e.g. `‚Äô`.
        public var original: String
        /// What they were before the damage, e.g. `’`.
        public var repaired: String
        /// The encoding the UTF-8 bytes were wrongly read as.
        public var encoding: Mojibake.Encoding
        /// Offset of `original` in the input text, in UTF-16 code units (as editors and `NSRange` count).
        public var utf16Offset: Int
        /// 1-based line of `original` in the input text, counting LF only (`SourceText` normalises CR).
        public var line: Int

        public init(original: String, repaired: String, encoding: Mojibake.Encoding, utf16Offset: Int, line: Int) {
            self.original = original
            self.repaired = repaired
            self.encoding = encoding
            self.utf16Offset = utf16Offset
            self.line = line
        }
    }

    public var text: String
    /// In text order; empty when the text was left as it was.
    public var repairs: [Replacement]

    public init(text: String, repairs: [Replacement]) {
        self.text = text
        self.repairs = repairs
    }
}
