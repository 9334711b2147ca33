import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on a folder: a `flock` on a lock file in it, which names the process holding it.
///
/// The kernel releases a `flock` when its descriptor is closed, and so when the process ends in any way
/// (SIGKILL included): a lock is never left behind. The descriptor is close-on-exec, so a child (git,
/// sendmail) that outlives feedgen does not keep the lock.
public final class FolderLock: Sendable {
    /// The lock file.
    public let file: URL
    /// The lock file's descriptor, by its number: swift-system leaves `FileDescriptor` not `Sendable` (its
    /// pull request 112), and this class is; only `deinit` uses it.
    private let descriptorNumber: CInt

    /// Takes the lock at `file` (creating it and its folder) without waiting; `holder` (e.g. `feedgen build`)
    /// is written into it with the process id, for the message another process shows. `what` names the
    /// locked thing in that message ("the output folder").
    public static func acquire(_ file: URL, holder: String, what: String) throws(LockError) -> FolderLock {
        let folder = file.deletingLastPathComponent()
        do {
            try Publisher.makeFolders(folder)
        } catch {
            throw LockError(path: folder.path, what: what, reason: .noFolder(error))
        }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(file.path), .readWrite, options: [.create, .closeOnExec],
                permissions: FilePermissions(rawValue: 0o644))
        } catch {
            throw LockError(path: file.path, what: what, reason: .cannotCreate("open failed: \(systemReason(error))"))
        }
        // flock is not in swift-system 1.8.1: the Glibc call, on the descriptor's number.
        // A lock file emptied by a finished run, still locked: the run's descriptor lives on, for a moment, in a
        // child its process was starting (between fork and exec, before close-on-exec applies). Wait that out.
        let patience = ContinuousClock.now + .seconds(2)
        while flock(descriptor.rawValue, LOCK_EX | LOCK_NB) != 0 {
            let code = Errno(rawValue: errno)
            if code == .interrupted { continue }
            if code == .wouldBlock && holderText(descriptor) == nil && ContinuousClock.now < patience {
                usleep(10_000)
                continue
            }
            defer { try? descriptor.close() }
            guard code == .wouldBlock else {
                throw LockError(path: file.path, what: what, reason: .cannotCreate("flock failed: \(code.description)"))
            }
            throw LockError(path: file.path, what: what, reason: .held(by: holderText(descriptor)))
        }
        let text = Array("\(getpid()) \(holder)\n".utf8)
        if (try? descriptor.resize(to: 0)) != nil {
            _ = try? descriptor.writeAll(toAbsoluteOffset: 0, text)
        }
        return FolderLock(file: file, descriptor: descriptor)
    }

    private init(file: URL, descriptor: FileDescriptor) {
        self.file = file
        descriptorNumber = descriptor.rawValue
    }

    /// "process 4242 (feedgen watch)" from the lock file's text, or nil when it holds none yet.
    private static func holderText(_ descriptor: FileDescriptor) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let read = buffer.withUnsafeMutableBytes { try? descriptor.read(fromAbsoluteOffset: 0, into: $0) }
        guard let count = read, count > 0 else { return nil }
        let line = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").first ?? ""
        let parts = line.split(separator: " ", maxSplits: 1)
        guard let pid = parts.first.flatMap({ Int32($0) }) else { return nil }
        return "process \(pid)" + (parts.count > 1 ? " (\(parts[1]))" : "")
    }

    /// Empties the lock file before letting go, so a finished run leaves the folder as it found it (the same
    /// content gives the same files, the lock file included); only a killed run leaves its process named there,
    /// which the next one overwrites.
    deinit {
        let descriptor = FileDescriptor(rawValue: descriptorNumber)
        try? descriptor.resize(to: 0)
        try? descriptor.close()
    }
}

/// A folder could not be locked: another process holds the lock, or the lock file cannot be made.
public struct LockError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// Held by another process, as its lock file describes it ("process 4242 (feedgen watch)").
        case held(by: String?)
        case cannotCreate(String)
        /// The locked folder does not exist and cannot be made.
        case noFolder(PublishError)
    }

    public var path: String
    /// What the lock protects, e.g. "the output folder".
    public var what: String
    public var reason: Reason

    public var description: String {
        switch reason {
        case .held(let holder):
            "\(path): error: \(what) is in use by \(holder ?? "another process"); try again when it has finished"
        case .cannotCreate(let reason): "\(path): error: cannot lock \(what): \(reason)"
        case .noFolder(let error): error.description
        }
    }
}
