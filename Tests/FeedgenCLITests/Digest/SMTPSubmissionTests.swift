import Foundation
import Testing

/// `feedgen digest --sendmail` with msmtp as the sendmail, submitting over SMTP to a server on loopback: the
/// delivery `feedgen-digest.service` can make (no setuid or setgid helper, only IP traffic to this machine).
@Suite struct SMTPSubmissionTests {
    /// A small SMTP server (RFC 5321: EHLO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) on an
    /// ephemeral port of 127.0.0.1. It writes each message (line ends made LF) and its envelope into the folder
    /// given as its argument and reports it on standard error before answering 250.
    static let server = """
        import asyncio, os, sys
        folder, count = sys.argv[1], 0
        async def session(reader, writer):
            global count
            def reply(*lines):
                for line in lines: writer.write((line + '\\r\\n').encode('ascii'))
            reply('220 loopback ESMTP')
            sender, recipients = None, []
            while True:
                await writer.drain()
                line = await reader.readline()
                if not line: break
                command = line.decode('ascii').rstrip('\\r\\n')
                verb = command.split(' ', 1)[0].upper()
                if verb == 'EHLO': reply('250-loopback', '250 SIZE 10000000')
                elif verb == 'HELO': reply('250 loopback')
                elif command.upper().startswith('MAIL FROM:'):
                    sender, recipients = command[10:].strip(), []
                    reply('250 OK')
                elif command.upper().startswith('RCPT TO:'):
                    recipients.append(command[8:].strip())
                    reply('250 OK')
                elif verb == 'DATA' and sender and recipients:
                    reply('354 end with <CR><LF>.<CR><LF>')
                    await writer.drain()
                    lines = []
                    while (data := await reader.readline()) not in (b'.\\r\\n', b''):
                        lines.append(data[1:] if data.startswith(b'.') else data)
                    count += 1
                    with open(os.path.join(folder, f'message-{count}.eml'), 'wb') as f:
                        f.write(b''.join(lines).replace(b'\\r\\n', b'\\n'))
                    with open(os.path.join(folder, f'envelope-{count}'), 'w') as f:
                        f.write(' '.join([sender] + recipients) + '\\n')
                    print('received', count, file=sys.stderr, flush=True)
                    reply('250 OK queued as %d' % count)
                elif verb == 'RSET':
                    sender, recipients = None, []
                    reply('250 OK')
                elif verb == 'NOOP': reply('250 OK')
                elif verb == 'QUIT':
                    reply('221 bye')
                    await writer.drain()
                    break
                else: reply('503 bad sequence of commands' if verb == 'DATA' else '502 not implemented')
            writer.close()
        async def main():
            server = await asyncio.start_server(session, '127.0.0.1', 0)
            print('listening', server.sockets[0].getsockname()[1], file=sys.stderr, flush=True)
            await server.serve_forever()
        asyncio.run(main())
        """

    static let msmtp = URL(filePath: "/usr/bin/msmtp")

    @Test func msmtpSubmitsOneMessageToTheServer() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.msmtp.path), "msmtp is not installed: bash .ci/setup")
        let folder = try TemporaryDirectory()
        let received = folder.url.appending(path: "received")
        try FileManager.default.createDirectory(at: received, withIntermediateDirectories: true)
        let server = try BackgroundProcess(
            URL(filePath: "/usr/bin/env"), ["python3", "-c", Self.server, received.path])
        let listening = await server.waitForLines { $0.hasPrefix("listening ") }
        try #require(listening.count == 1, "the SMTP server did not start: \(server.lines)")
        let port = listening[0].dropFirst("listening ".count)

        // msmtp reads ~/.msmtprc (it must be private to its owner); the digest's environment points HOME here.
        let configuration = folder.url.appending(path: ".msmtprc")
        try Data("account default\nhost 127.0.0.1\nport \(port)\nfrom digest@dair.ai\ntls off\n".utf8)
            .write(to: configuration)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration.path)

        let text = try await DigestDeliveryTests.digest(["--week", "2020-W12"]).stdout
        let result = try await run(
            URL(filePath: "/usr/bin/env"),
            [
                "HOME=\(folder.url.path)", Paths.feedgen.path, "digest", "--site", Paths.corpus.path, "--week",
                "2020-W12", "--sendmail", "--sendmail-program", Self.msmtp.path,
            ] + DigestDeliveryTests.mailOptions)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "Sent the digest of March 16–22, 2020 to Lectrices & lecteurs <readers@dair.ai>, archive@dair.ai\n")
        await server.waitForLines(timeout: 5) { $0.hasPrefix("received ") }
        #expect(server.lines == ["listening \(port)", "received 1"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: received.path).sorted() == [
                "envelope-1", "message-1.eml",
            ])
        #expect(
            try String(contentsOf: received.appending(path: "envelope-1"), encoding: .utf8)
                == "<digest@dair.ai> <readers@dair.ai> <archive@dair.ai>\n")
        let message = received.appending(path: "message-1.eml")
        await DigestDeliveryTests().checkHeadersAndBody(try ParsedMail.parse(message), text: text)
        // What reached the server is the message feedgen writes, byte for byte (line ends aside).
        let email = try await DigestDeliveryTests.digest(
            ["--week", "2020-W12", "--format", "email"] + DigestDeliveryTests.mailOptions)
        #expect(try String(contentsOf: message, encoding: .utf8) == email.stdout)
    }
}
