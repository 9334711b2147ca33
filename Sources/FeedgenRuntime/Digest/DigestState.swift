import Foundation
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// What earlier digests sent, kept between runs so no post is skipped or sent twice.
public struct DigestState: Codable, Sendable, Equatable {
    /// The start of the first digest: older posts are never sent.
    public var floor: Date
    /// The end of the last window covered.
    public var until: Date
    /// Ids of every post sent, sorted.
    public var sent: [String]

    public init(floor: Date, until: Date, sent: [String]) {
        self.floor = floor
        self.until = until
        self.sent = sent
    }

    /// Parses the JSON text of a state file.
    public static func decode(_ data: Data) throws -> DigestState {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(DigestState.self, from: data)
    }

    /// The JSON text of a state file: sorted keys, one value a line, so it diffs well.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding dates, strings and arrays cannot fail.
        return Array(try! encoder.encode(self)) + [0x0A]
    }
}

/// The state file of one digest (a site and a language) in the state folder.
public struct DigestStateStore: Sendable {
    public var folder: URL
    public var name: String

    /// `digest-HOST-LANG.json` (`all` for every language) in `folder`.
    public init(folder: URL, host: String, language: String?) {
        self.folder = folder
        let safeHost = host.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
        self.name = "digest-\(String(safeHost))-\(language?.lowercased() ?? "all").json"
    }

    /// `$STATE_DIRECTORY` (its first folder: systemd sets it from `StateDirectory=`, colon-separated when
    /// there are several), else `$XDG_STATE_HOME/feedgen`, else `~/.local/state/feedgen`.
    public static func defaultFolder(environment: [String: String]) -> URL {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty {
            return URL(filePath: String(state), directoryHint: .isDirectory)
        }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(filePath: xdg, directoryHint: .isDirectory).appending(path: "feedgen")
        }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(filePath: home, directoryHint: .isDirectory).appending(path: ".local/state/feedgen")
    }

    public var url: URL { folder.appending(path: name) }

    /// The saved state; nil when no digest was sent yet.
    public func load() throws(DigestDeliveryError) -> DigestState? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try PostFileReader.readAll(url)
        } catch {
            throw DigestDeliveryError(path: url.path, reason: "digest state: \(error)")
        }
        do {
            return try DigestState.decode(Data(bytes))
        } catch {
            // JSONDecoder's errors name Swift types and coding paths; the user needs what to do.
            throw DigestDeliveryError(
                path: url.path, reason: "digest state: not a state file feedgen wrote (delete it to start over)")
        }
    }

    /// Locks the state (`digest-HOST-LANG.lock` beside it) for the whole run, so two digests of the same site and
    /// language never both deliver.
    public func lock() throws(LockError) -> FolderLock {
        let lockName = String(name.dropLast(".json".count)) + ".lock"
        return try FolderLock.acquire(
            folder.appending(path: lockName), holder: "feedgen digest", what: "the digest state")
    }

    /// Fails when `save` could not write here, by creating and removing the temporary file it would write: to
    /// be asked before delivering, since a digest delivered but not recorded is sent again by every run.
    public func checkWritable() throws(DigestDeliveryError) {
        let probe = folder.appending(path: ".\(name).\(getpid()).tmp")
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(probe.path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: FilePermissions(rawValue: 0o644))
        } catch {
            throw DigestDeliveryError(
                path: folder.path,
                reason: "cannot save the digest state here (open failed: \(systemReason(error))); nothing was sent")
        }
        try? descriptor.close()
        // swift-system 1.8.1 has no unlink: the Glibc call.
        unlink(probe.path)
    }

    /// Saves `state` atomically (a temporary file renamed over the old one).
    public func save(_ state: DigestState) throws(DigestDeliveryError) {
        do {
            _ = try Publisher(root: folder).publish(state.encoded(), to: name)
        } catch {
            throw DigestDeliveryError(path: error.path, reason: "\(error.call) failed: \(error.reason)")
        }
    }
}

/// A digest could not be delivered or its state kept.
public struct DigestDeliveryError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): error: \(reason)" }
}
