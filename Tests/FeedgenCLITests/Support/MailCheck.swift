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
    var params: [String: String]
    var defects: [String]
    /// The body with format=flowed undone line by line: space-stuffing removed, soft-break spaces dropped.
    var lines: [String]
    var softBreaks: Int

    /// Parses `file` with Python's `email.parser.BytesParser`.
    static func parse(_ file: URL) throws -> ParsedMail {
        let script = """
            import email, email.parser, email.policy, json, sys
            with open(sys.argv[1], 'rb') as f:
                m = email.parser.BytesParser(policy=email.policy.default).parse(f)
            defects = [type(d).__name__ for d in m.defects]
            for k in m.keys():
                defects += [k + ':' + type(d).__name__ for d in m[k].defects]
            body = m.get_content()
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
                'params': dict(m['Content-Type'].params),
                'defects': defects,
                'lines': [l.rstrip(' ') for l in lines],
                'softBreaks': sum(1 for l in lines if l.endswith(' ')),
            }))
            """
        let result = try run(URL(filePath: "/usr/bin/env"), ["python3", "-c", script, file.path])
        guard result.status == 0 else { throw MailCheckError(message: result.stderr) }
        return try JSONDecoder().decode(ParsedMail.self, from: Data(result.stdout.utf8))
    }
}

struct MailCheckError: Error {
    var message: String
}
