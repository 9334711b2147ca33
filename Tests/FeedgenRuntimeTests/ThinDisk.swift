import Foundation

/// An ext4 file system on a loop device whose image lives on a tmpfs much smaller than the file system: writes
/// succeed into the page cache and fail when flushed, so `fsync` fails for real (as on a thin-provisioned or
/// network disk). Mounted for one test and taken apart on every path.
struct ThinDisk: ~Copyable {
    let root: URL
    let mountPoint: URL
    private let backing: URL
    private let device: String

    /// Whether this machine lets the tests mount file systems and loop devices (root outside a restricted
    /// container); tried once.
    static let available: Bool = {
        guard let disk = try? ThinDisk() else { return false }
        _ = consume disk
        return true
    }()

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "feedgen-thin-\(UUID().uuidString)")
        backing = root.appending(path: "backing")
        mountPoint = root.appending(path: "disk")
        try FileManager.default.createDirectory(at: backing, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let image = backing.appending(path: "disk.img")
        var steps: [String] = []
        do {
            try Self.command("/bin/mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", backing.path)
            steps.append("tmpfs")
            try Self.command("/usr/bin/truncate", "-s", "32M", image.path)
            let device = try Self.command("/usr/sbin/losetup", "-f", "--show", image.path)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            steps.append(device)
            try Self.command("/usr/sbin/mkfs.ext4", "-q", "-E", "nodiscard", "-O", "^has_journal", device)
            try Self.command("/bin/mount", device, mountPoint.path)
            self.device = device
        } catch {
            if steps.count > 1 { _ = try? Self.command("/usr/sbin/losetup", "-d", steps[1]) }
            if !steps.isEmpty { _ = try? Self.command("/bin/umount", backing.path) }
            try? FileManager.default.removeItem(at: root)
            throw error
        }
    }

    deinit {
        // Lazily: a descriptor still open on the disk (the fault a test looks for) must not keep it mounted; the
        // loop device is detached as soon as the file system lets it go.
        _ = try? Self.command("/bin/umount", "-l", mountPoint.path)
        _ = try? Self.command("/usr/sbin/losetup", "-d", device)
        _ = try? Self.command("/bin/umount", "-l", backing.path)
        try? FileManager.default.removeItem(at: root)
    }

    struct Failed: Error {
        var message: String
    }

    /// Runs a program to its end; its standard output, or `Failed` with its standard error.
    @discardableResult
    static func command(_ path: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
