import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs programs as the unprivileged user `nobody`, so permission faults are real: the tests run as root,
/// which no `chmod` stops.
enum Unprivileged {
    /// `nobody`'s user and group ids, or nil when the system has no such user.
    static let ids: (uid: uid_t, gid: gid_t)? = {
        guard let entry = getpwnam("nobody") else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }()

    /// Why permission tests cannot run here, or nil when they can.
    static var unavailable: String? {
        if ids == nil { return "no user 'nobody' to run feedgen unprivileged" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return "no /usr/bin/setpriv" }
        return nil
    }

    /// Runs `feedgen` with `arguments` in `directory` as `nobody`.
    static func feedgen(_ arguments: [String], in directory: URL) async throws -> ProcessResult {
        guard let ids else { throw CocoaError(.featureUnsupported) }
        return try await run(
            URL(filePath: "/usr/bin/setpriv"),
            ["--reuid=\(ids.uid)", "--regid=\(ids.gid)", "--clear-groups", Paths.feedgen.path] + arguments,
            in: directory)
    }

    /// Gives `url` to `nobody`, so an unprivileged feedgen can write there.
    static func give(_ url: URL) throws {
        guard let ids, chown(url.path, ids.uid, ids.gid) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}

/// A small tmpfs mounted for one test, to fill a disk for real; unmounted on every path.
struct SmallDisk: ~Copyable {
    let url: URL

    /// Mounts a tmpfs of `size` (as `mount -o size=` takes it) at `url`, which must exist.
    /// - Throws: `Refused` with mount's message when mounting is not allowed here (no root, a container).
    init(at url: URL, size: String) throws {
        let result = try runBlocking(
            URL(filePath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path])
        guard result.status == 0 else { throw Refused(message: result.stderr) }
        self.url = url
    }

    struct Refused: Error {
        var message: String
    }

    /// Whether this machine lets the tests mount a tmpfs (root outside a restricted container); tried once.
    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appending(path: "feedgen-mount-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil,
            let disk = try? SmallDisk(at: probe, size: "64k")
        else { return false }
        _ = consume disk
        return true
    }()

    deinit {
        _ = try? runBlocking(URL(filePath: "/bin/umount"), ["-l", url.path])
    }
}
