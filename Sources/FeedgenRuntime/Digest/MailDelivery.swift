import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Delivers a finished mail message: into a Maildir, or through `sendmail`.
public enum MailDelivery {
    /// Writes `message` into the Maildir at `root` as the Maildir convention asks: the file is written in
    /// `tmp/` under a unique name, flushed, then renamed into `new/`, so a mail reader never sees part of it.
    /// Creates `tmp`, `new` and `cur` when missing. Returns the delivered file.
    public static func deliver(
        _ message: [UInt8], toMaildir root: URL, now: Date
    ) throws(DigestDeliveryError) -> URL {
        for folder in ["tmp", "new", "cur"] {
            do {
                try FileManager.default.createDirectory(
                    at: root.appending(path: folder), withIntermediateDirectories: true)
            } catch {
                throw DigestDeliveryError(path: root.appending(path: folder).path, reason: "mkdir failed: \(error)")
            }
        }
        let name = uniqueName(now: now)
        do {
            _ = try Publisher(root: root.appending(path: "tmp")).publish(message, to: name)
        } catch {
            throw DigestDeliveryError(path: error.path, reason: "\(error.call) failed: \(error.reason)")
        }
        let from = root.appending(path: "tmp/" + name)
        let target = root.appending(path: "new/" + name)
        // swift-system 1.8.1 has no rename nor unlink: the Glibc calls.
        guard rename(from.path, target.path) == 0 else {
            let code = Errno(rawValue: errno)
            unlink(from.path)
            throw DigestDeliveryError(path: target.path, reason: "rename failed: \(code.description)")
        }
        return target
    }

    /// `SECONDS.MMICROSECONDSPPIDRRANDOM.HOST`, the unique name the Maildir specification describes;
    /// `/` and `:` in the host name are written as `\057` and `\072`, as it asks.
    static func uniqueName(now: Date) -> String {
        let seconds = Int(now.timeIntervalSince1970)
        let micro = Int((now.timeIntervalSince1970 - Double(seconds)) * 1_000_000)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "\\057")
            .replacingOccurrences(of: ":", with: "\\072")
        return "\(seconds).M\(micro)P\(getpid())R\(random).\(host)"
    }

    /// Pipes `message` to `program -t -oi`: `-t` takes the recipients from the headers, `-oi` keeps a line
    /// holding only `.` from ending the message. A sendmail still running after `deadline` is killed.
    public static func sendmail(
        _ message: [UInt8], program: String = "/usr/sbin/sendmail", deadline: Duration = .seconds(60)
    ) async throws(DigestDeliveryError) {
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess(URL(filePath: program), ["-t", "-oi"], deadline: deadline).run(
                input: message)
        } catch {
            throw DigestDeliveryError(path: program, reason: error.reason)
        }
        let said = String(decoding: result.error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.ending.isSuccess else {
            throw DigestDeliveryError(
                path: program, reason: "sendmail \(result.ending)" + (said.isEmpty ? "" : ": \(said)"))
        }
        if let failure = result.inputFailure {
            throw DigestDeliveryError(path: program, reason: "cannot write the message: \(failure)")
        }
    }
}
