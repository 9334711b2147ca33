import FeedgenCore
import Foundation
import Testing

@Suite struct EmailMessageTests {
    @Test func asciiIsLeftAsItIs() {
        #expect(EmailMessage.encodedWords("Weekly digest") == "Weekly digest")
    }

    @Test func aLineBreakInASCIITextIsEncodedNotWritten() {
        // A site title is the content repository's: "Letter\nBcc: x" must not become a header of its own.
        #expect(
            EmailMessage.encodedWords("Letter\r\nBcc: v@evil.example")
                == "=?utf-8?B?" + Data("Letter\r\nBcc: v@evil.example".utf8).base64EncodedString() + "?=")
    }

    @Test func encodedWordsAreShortAndKeepWholeCharacters() throws {
        let subject = "DAIR.AI — 简报的每周摘要, النشرة الأسبوعية, résumé 📙📙📙📙"
        let encoded = EmailMessage.encodedWords(subject, lineEnding: "\n")
        var decoded: [UInt8] = []
        for word in encoded.split(separator: "\n ") {
            #expect(word.count <= 62)
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let bytes = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: bytes, encoding: .utf8) != nil, "each word holds whole characters")
            decoded += bytes
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    /// The `Date:` header is written by the same rule as feed dates: a four-digit year, even before 1000.
    @Test func dateHeaderPadsTheYearLikeFeedDates() throws {
        let date = try Date("0999-01-01T00:00:00Z", strategy: .iso8601)
        let message = EmailMessage(
            from: "a@example.org", to: ["b@example.org"], subject: "s", date: date,
            timeZone: TimeZone(identifier: "UTC")!, messageID: "m@example.org", body: [])
        let header = message.render(lineEnding: "\n").split(separator: "\n").first { $0.hasPrefix("Date: ") }
        #expect(header == "Date: Sun, 01 Jan 0999 00:00:00 +0000")
        #expect(header.map(String.init) == "Date: " + FeedDate.rfc822(date))
    }

    @Test func dates() {
        let date = try! Date("2020-03-23T07:00:00Z", strategy: Date.ISO8601FormatStyle())
        #expect(
            FeedDate.rfc5322(date, timeZone: TimeZone(identifier: "Europe/Paris")!)
                == "Mon, 23 Mar 2020 08:00:00 +0100")
        #expect(
            FeedDate.rfc5322(date, timeZone: TimeZone(identifier: "America/St_Johns")!)
                == "Mon, 23 Mar 2020 04:30:00 -0230")
    }

    @Test func aWholeMessage() {
        let message = EmailMessage(
            from: "Café Letters <news@x.test>", to: ["Readers <readers@x.test>", "a@x.test"], subject: "Digest",
            date: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!,
            messageID: "digest.1970-W01.all@x.test",
            listUnsubscribe: ["mailto:leave@x.test"],
            body: [
                WrappedLine("From the editor, a paragraph", continues: true), WrappedLine("that flows."),
                WrappedLine("  - indented"), WrappedLine("> not a quote"), WrappedLine(""),
            ])
        #expect(
            message.render(lineEnding: "\n") == """
                From: =?utf-8?B?Q2Fmw6kgTGV0dGVycw==?= <news@x.test>
                To: Readers <readers@x.test>, a@x.test
                Subject: Digest
                Date: Thu, 01 Jan 1970 00:00:00 +0000
                Message-ID: <digest.1970-W01.all@x.test>
                List-Unsubscribe: <mailto:leave@x.test>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8; format=flowed
                Content-Transfer-Encoding: 8bit

                 From the editor, a paragraph\u{20}
                that flows.
                   - indented
                 > not a quote


                """)
        #expect(
            EmailMessage(
                from: "Dr. Who <w@x.test>", to: [], subject: "", date: Date(), timeZone: .gmt, messageID: "", body: []
            )
            .render().hasPrefix("From: \"Dr. Who\" <w@x.test>\r\n"))
    }

    /// With HTML: a `multipart/alternative` of the same text part as a plain message (its bytes unchanged) and the
    /// HTML in base64, the boundary made from the message id, so the same digest gives the same bytes; a text line
    /// holding the boundary makes it longer.
    @Test func aMessageWithAnHTMLPart() {
        let html = "<p dir=\"rtl\">مرحبا &amp; <a href=\"https://x.test/1/\">one</a></p>\n"
        let message = EmailMessage(
            from: "news@x.test", to: ["a@x.test"], subject: "Digest", date: Date(timeIntervalSince1970: 0),
            timeZone: TimeZone(identifier: "UTC")!, messageID: "digest.1970-W01.all@x.test",
            body: [WrappedLine("From the editor, a paragraph", continues: true), WrappedLine("that flows.")],
            html: html)
        #expect(
            message.render(lineEnding: "\n") == """
                From: news@x.test
                To: a@x.test
                Subject: Digest
                Date: Thu, 01 Jan 1970 00:00:00 +0000
                Message-ID: <digest.1970-W01.all@x.test>
                MIME-Version: 1.0
                Content-Type: multipart/alternative;
                 boundary="=_feedgen_digest.1970-W01.all.x.test"

                --=_feedgen_digest.1970-W01.all.x.test
                Content-Type: text/plain; charset=utf-8; format=flowed
                Content-Transfer-Encoding: 8bit

                 From the editor, a paragraph\u{20}
                that flows.

                --=_feedgen_digest.1970-W01.all.x.test
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: base64

                PHAgZGlyPSJydGwiPtmF2LHYrdio2KcgJmFtcDsgPGEgaHJlZj0iaHR0cHM6Ly94LnRlc3QvMS8i
                Pm9uZTwvYT48L3A+Cg==

                --=_feedgen_digest.1970-W01.all.x.test--

                """)
        var clash = message
        clash.body = [WrappedLine("--=_feedgen_digest.1970-W01.all.x.test")]
        #expect(clash.render().contains("boundary=\"=_feedgen_digest.1970-W01.all.x.test_\"\r\n"))
    }
}
