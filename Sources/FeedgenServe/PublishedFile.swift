import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// One file of the served folder, opened once: its identity and, when read, its whole content.
///
/// The publisher replaces a feed by renaming a complete new file over it, so whatever this descriptor was opened
/// on stays whole while it is read: a request during a republish gets the old bytes or the new, never a mix.
final class PublishedFile {
    /// What identifies one version of a file: a renamed-in replacement has another inode or mtime.
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    private let descriptor: FileDescriptor
    let identity: Identity

    /// The file's modification time, in whole seconds since 1970 (what `Last-Modified` carries).
    var modified: Int { identity.modifiedSeconds }

    /// Opens `relative` inside `root` (a real path, without symbolic links); nil unless it is a regular file whose
    /// real location is inside `root` along a path of published names (a symbolic link leading out, or to a
    /// hidden file, is refused after opening, by the path the kernel reports for the descriptor).
    init?(root: String, relative: String) {
        // O_NOCTTY has no name in swift-system 1.8.1.
        let options: FileDescriptor.OpenOptions = [.closeOnExec, .nonBlocking, .init(rawValue: O_NOCTTY)]
        guard let descriptor = try? FileDescriptor.open(FilePath(root + "/" + relative), .readOnly, options: options)
        else { return nil }
        // fstat and readlink stay Glibc calls: swift-system 1.8.1 has neither.
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            let real = Self.path(of: descriptor), real.hasPrefix(root + "/"),
            real.dropFirst(root.count + 1).split(separator: "/", omittingEmptySubsequences: false)
                .allSatisfy({ RequestPath.isPublished(String($0)) })
        else {
            try? descriptor.close()
            return nil
        }
        self.descriptor = descriptor
        identity = Identity(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size),
            modifiedSeconds: Int(status.st_mtim.tv_sec), modifiedNanoseconds: Int(status.st_mtim.tv_nsec))
    }

    deinit { try? descriptor.close() }

    /// The whole content, read from the open descriptor (swift-system retries a read interrupted by a signal);
    /// nil when reading fails or the file ends early.
    func read() -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: identity.size)
        var done = 0
        while done < bytes.count {
            let count = try? bytes.withUnsafeMutableBytes { buffer in
                try descriptor.read(
                    fromAbsoluteOffset: Int64(done), into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
            }
            guard let count, count > 0 else { return nil }
            done += count
        }
        return bytes
    }

    /// The real path of an open descriptor, as the kernel reports it in /proc/self/fd.
    private static func path(of descriptor: FileDescriptor) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor.rawValue)", &buffer, Int(PATH_MAX))
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
