import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Publisher {
    /// Removes the temporary files a killed run left in the output folder and its subfolders: those of
    /// `publish`'s naming (`.NAME.PID.tmp`) whose process is gone. Run it while holding the folder's lock, so
    /// no other feedgen writes there. Returns the removed files, relative to `root`.
    @discardableResult
    public func removeStaleTemporaries() -> [String] {
        var removed: [String] = []
        let folders = [""] + Self.entries(root).filter { Self.isDirectory(root.appending(path: $0)) }
        for folder in folders {
            let url = folder.isEmpty ? root : root.appending(path: folder)
            for name in Self.entries(url) {
                guard let pid = Self.temporaryOwner(name), pid != getpid(), !Self.isAlive(pid) else { continue }
                if unlink(url.appending(path: name).path) == 0 {
                    removed.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
        return removed.sorted()
    }

    /// The process id in a temporary file's name `.NAME.PID.tmp`; nil for any other name.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts.dropLast().joined().isEmpty, let pid = pid_t(parts.last!), pid > 0 else {
            return nil
        }
        return pid
    }

    /// Whether a process with this id exists (`kill(pid, 0)`: EPERM means it exists but is not ours).
    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func entries(_ url: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
