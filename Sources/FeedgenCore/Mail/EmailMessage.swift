import Foundation

/// A mail message (RFC 5322) whose body is UTF-8 `format=flowed` text (RFC 3676), alone or, with an HTML version
/// of the same content, as the first part of a `multipart/alternative` (RFC 2046 §5.1.4).
public struct EmailMessage: Sendable {
    /// `Name <address>` or a bare address.
    public var from: String
    /// Each `Name <address>` or a bare address.
    public var to: [String]
    public var subject: String
    public var date: Date
    /// The zone the `Date:` header is written in.
    public var timeZone: TimeZone
    /// Without angle brackets, e.g. `digest.2020-W12.all@dair.ai`.
    public var messageID: String
    /// URIs for `List-Unsubscribe` (RFC 2369), e.g. `mailto:leave@example.org`, `https://...`; none: no header.
    public var listUnsubscribe: [String]
    public var body: [WrappedLine]
    /// The same content as an HTML document, or nil for a plain-text message.
    public var html: String?

    public init(
        from: String, to: [String], subject: String, date: Date, timeZone: TimeZone, messageID: String,
        listUnsubscribe: [String] = [], body: [WrappedLine], html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.listUnsubscribe = listUnsubscribe
        self.body = body
        self.html = html
    }

    /// The whole message. Mail on the wire ends lines with CRLF; Maildir files and `sendmail` input use
    /// the local convention, LF, and the mail system converts.
    public func render(lineEnding: String = "\r\n") -> String {
        var headers: [String] = []
        headers.append(Self.fold("From: " + Self.address(from, lineEnding: lineEnding), lineEnding))
        headers.append(
            Self.fold("To: " + to.map { Self.address($0, lineEnding: lineEnding) }.joined(separator: ", "), lineEnding))
        headers.append(Self.fold("Subject: " + Self.encodedWords(subject, lineEnding: lineEnding), lineEnding))
        headers.append("Date: " + FeedDate.rfc5322(date, timeZone: timeZone))
        headers.append("Message-ID: <\(messageID)>")
        if !listUnsubscribe.isEmpty {
            headers.append(
                Self.fold("List-Unsubscribe: " + listUnsubscribe.map { "<\($0)>" }.joined(separator: ", "), lineEnding))
        }
        headers.append("MIME-Version: 1.0")
        let textHeaders = ["Content-Type: text/plain; charset=utf-8; format=flowed", "Content-Transfer-Encoding: 8bit"]
        let bodyLines = body.map(Self.flowed)
        guard let html else {
            return (headers + textHeaders + [""] + bodyLines).joined(separator: lineEnding) + lineEnding
        }
        // The plain text first: "the last part is the best representation" (RFC 2046 §5.1.4), so clients that
        // show HTML show it, and the others the text. The HTML goes as base64, which keeps its lines short
        // whatever it holds (8bit allows at most 998 octets a line); the boundary is made from the message id, so
        // the same digest gives the same bytes, and cannot occur in base64 (`_`) nor, checked, in the text.
        let name = messageID.prefix(50).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "." }
        var boundary = "=_feedgen_" + String(name)
        while bodyLines.contains(where: { $0.contains(boundary) }) { boundary += "_" }
        headers.append("Content-Type: multipart/alternative;" + lineEnding + " boundary=\"\(boundary)\"")
        let encoded = Data(html.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        let htmlLines = encoded.split(separator: "\n").map(String.init)
        let lines =
            headers + ["", "--" + boundary] + textHeaders + [""] + bodyLines + ["", "--" + boundary]
            + ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""] + htmlLines
            + ["", "--" + boundary + "--"]
        return lines.joined(separator: lineEnding) + lineEnding
    }

    /// One body line in `format=flowed`: a trailing space where the paragraph goes on (a soft break), and
    /// "space-stuffing" of lines that start with a space, `>` or `From ` (RFC 3676 §4.4), which a reader
    /// would otherwise take for flowed indentation, a quote, or an mbox separator.
    static func flowed(_ line: WrappedLine) -> String {
        var text = line.text
        if text.hasPrefix(" ") || text.hasPrefix(">") || text.hasPrefix("From ") { text = " " + text }
        return line.continues ? text + " " : text
    }

    /// An address with its display name encoded (RFC 2047 §5(3)) or quoted when it needs to be.
    static func address(_ text: String, lineEnding: String = "\r\n") -> String {
        guard let match = text.wholeMatch(of: #/\s*(.*?)\s*<([^<>]+)>\s*/#) else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        let name = String(match.1).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let address = String(match.2)
        if name.isEmpty { return "<\(address)>" }
        if !name.allSatisfy(\.isASCII) { return encodedWords(name, lineEnding: lineEnding) + " <\(address)>" }
        let atext = name.allSatisfy { $0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0) }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return atext ? "\(name) <\(address)>" : "\"\(escaped)\" <\(address)>"
    }

    /// `text` as RFC 2047 `B` encoded-words when it is not ASCII, each at most 75 characters and never
    /// splitting a UTF-8 sequence (§5: "each 'encoded-word' MUST represent an integral number of
    /// characters"), separated by folding white space; printable ASCII text is returned as it is.
    public static func encodedWords(_ text: String, lineEnding: String = "\r\n") -> String {
        // Printable ASCII only: a control character (a line break) is encoded too, so it cannot end the header.
        if text.unicodeScalars.allSatisfy({ (0x20..<0x7F).contains($0.value) }) { return text }
        // Words of at most 36 bytes (48 base64 characters, 60 in all) keep `Subject: ` and a word under 76
        // columns, the length RFC 2047 §2 sets for a line that holds encoded-words.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 36 {
                words.append(encoded(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encoded(chunk)) }
        return words.joined(separator: lineEnding + " ")

        func encoded(_ bytes: [UInt8]) -> String { "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?=" }
    }

    /// Folds a header longer than 78 characters at its spaces (RFC 5322 §2.2.3); encoded-words are
    /// already folded.
    static func fold(_ header: String, _ lineEnding: String) -> String {
        if header.contains(lineEnding) || header.count <= 78 { return header }
        var lines: [String] = []
        var current = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: lineEnding)
    }
}
