import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files into the output folder atomically, and only when their bytes change.
public struct Publisher: Sendable {
    /// What happened to one file.
    public enum Outcome: String, Sendable, Equatable {
        case written
        case unchanged
    }

    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Whether a file is already published at `relativePath`.
    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: relativePath).path)
    }

    /// Publishes `bytes` at `relativePath`: written to a temporary file in the same folder, flushed, then
    /// renamed over the old one, so a reader sees the old file or the new one, never part of one.
    public func publish(_ bytes: [UInt8], to relativePath: String) throws(PublishError) -> Outcome {
        let target = root.appending(path: relativePath)
        if let current = try? Data(contentsOf: target), current.elementsEqual(bytes) { return .unchanged }
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PublishError(path: folder.path, call: "mkdir", reason: String(describing: error))
        }
        let temporary = folder.appending(path: ".\(target.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PublishError(path: temporary.path, call: "open", errno: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                let code = errno
                close(descriptor)
                unlink(temporary.path)
                throw PublishError(path: temporary.path, call: "write", errno: code)
            }
            written += count
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            unlink(temporary.path)
            throw PublishError(path: temporary.path, call: "fsync", errno: code)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw PublishError(path: target.path, call: "rename", errno: code)
        }
        return .written
    }
}

/// A file could not be published; names the system call and keeps its message.
public struct PublishError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var call: String
    public var reason: String

    init(path: String, call: String, reason: String) {
        self.path = path
        self.call = call
        self.reason = reason
    }

    init(path: String, call: String, errno code: Int32) {
        self.init(path: path, call: call, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(path): error: \(call) failed: \(reason)" }
}
