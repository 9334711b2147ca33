import Foundation

/// A mail message as Python's `email` package reads it (policy `default`: RFC 5322 and RFC 2047 decoding).
struct ParsedMail: Decodable, Equatable {
    var from: [[String]]
    var to: [[String]]
    var subject: String
    var date: String
    var messageID: String
    var listUnsubscribe: String?
    var contentType: String
    /// The content types of the parts of a multipart message; empty for a single part.
    var partTypes: [String]
    /// The Content-Type parameters of the plain-text part (the message itself when it is not multipart).
    var params: [String: String]
    var defects: [String]
    /// The body with format=flowed undone line by line: space-stuffing removed, soft-break spaces dropped.
    var lines: [String]
    var softBreaks: Int

    /// Parses `file` with Python's `email.parser.BytesParser`.
    static func parse(_ file: URL) async throws -> ParsedMail {
        let script = """
            import email, email.parser, email.policy, json, sys
            with open(sys.argv[1], 'rb') as f:
                m = email.parser.BytesParser(policy=email.policy.default).parse(f)
            parts = [m] + (list(m.iter_parts()) if m.is_multipart() else [])
            defects = [type(d).__name__ for p in parts for d in p.defects]
            for p in parts:
                for k in p.keys():
                    defects += [k + ':' + type(d).__name__ for d in p[k].defects]
            plain = m.get_body(preferencelist=('plain',))
            body = plain.get_content()
            raw = body.split('\\n')
            if raw and raw[-1] == '': raw.pop()
            lines = [l[1:] if l.startswith(' ') else l for l in raw]
            print(json.dumps({
                'from': [[a.display_name, a.addr_spec] for a in m['From'].addresses],
                'to': [[a.display_name, a.addr_spec] for a in m['To'].addresses],
                'subject': str(m['Subject']),
                'date': m['Date'].datetime.isoformat(),
                'messageID': str(m['Message-ID']),
                'listUnsubscribe': str(m['List-Unsubscribe']) if m['List-Unsubscribe'] else None,
                'contentType': m.get_content_type(),
                'partTypes': [p.get_content_type() for p in parts[1:]],
                'params': dict(plain['Content-Type'].params),
                'defects': defects,
                'lines': [l.rstrip(' ') for l in lines],
                'softBreaks': sum(1 for l in lines if l.endswith(' ')),
            }))
            """
        let result = try await run(URL(filePath: "/usr/bin/env"), ["python3", "-c", script, file.path])
        guard result.status == 0 else { throw MailCheckError(message: result.stderr) }
        return try JSONDecoder().decode(ParsedMail.self, from: Data(result.stdout.utf8))
    }
}

struct MailCheckError: Error {
    var message: String
}
