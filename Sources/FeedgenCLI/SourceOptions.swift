import ArgumentParser
import FeedgenCore
import FeedgenRuntime
import Foundation

/// `--config` and `--site`, written once for every command: where the site and its feed definitions are.
public struct SiteOptions: ParsableArguments {
    @Option(help: "The feed definitions file (default: feeds/feedgen.yml when --site is not given).")
    public var config: String?

    @Option(help: "The Jekyll site: the folder holding _config.yml.")
    public var site: String?

    public init() {}
}

/// What `build` and `watch` write: where, how many items, which posts, and the feeds' public URL.
public struct OutputOptions: ParsableArguments {
    @Option(help: "Where to write the feeds (default: the definitions' 'out', else SITE/_feeds).")
    public var out: String?

    @Option(help: "Items per feed, newest first; 0 means all (default: the definitions' 'limit', else 20).")
    public var limit: Int?

    @Flag(help: "Include posts dated in the future, as 'jekyll build --future' does.")
    public var future = false

    @Option(name: .customLong("base-url"), help: "Public URL of the output folder (default: {url}{baseurl}/feeds/).")
    public var baseURL: String?

    public init() {}

    public func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more, got \(limit)") }
        if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--base-url must be an absolute http(s) URL, got '\(baseURL)'")
        }
    }
}

/// The command line's choices of site and output as a plain value: what a command resolves, and what the
/// watch daemon's reload captures and resolves again.
public struct SourceSettings: Sendable, Equatable {
    public var config: String?
    public var site: String?
    public var out: String?
    public var limit: Int?
    public var future = false
    public var baseURL: String?

    public init(
        _ site: SiteOptions, out: String? = nil, limit: Int? = nil, future: Bool = false, baseURL: String? = nil
    ) {
        self.config = site.config
        self.site = site.site
        self.out = out
        self.limit = limit
        self.future = future
        self.baseURL = baseURL
    }
}

/// The options every command that builds feeds shares: where the site is, where feeds go, and what they hold.
public struct SourceOptions: ParsableArguments {
    @OptionGroup public var location: SiteOptions
    @OptionGroup public var output: OutputOptions

    public init() {}

    public var config: String? { location.config }
    public var site: String? { location.site }
    public var out: String? { output.out }
    public var limit: Int? { output.limit }
    public var future: Bool { output.future }
    public var baseURL: String? { output.baseURL }

    /// The options as a plain value.
    public var settings: SourceSettings {
        SourceSettings(location, out: out, limit: limit, future: future, baseURL: baseURL)
    }

    /// Reads the definitions file (if any) and fills in the defaults (see `SourceSettings.resolve`).
    public func resolve(now: Date = Date(), reporting: Bool = true) throws -> Resolved {
        try settings.resolve(now: now, reporting: reporting)
    }

    /// Options resolved against the definitions file, with the labels used to print paths.
    public struct Resolved {
        public var options: BuildOptions
        public var siteLabel: String
        public var outLabel: String

        /// The diagnostic with its site-relative path shown from where the user ran feedgen.
        public func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
            var shown = diagnostic
            shown.location.path = displayed(path: diagnostic.location.path)
            return shown
        }

        /// A site-relative path, or an absolute one under the site or output folder, as the user named them.
        public func displayed(path: String) -> String {
            guard path.hasPrefix("/") else { return (siteLabel == "." ? "" : siteLabel + "/") + path }
            for (root, label) in [(options.out.path, outLabel), (options.site.path, siteLabel)]
            where path == root || path.hasPrefix(root + "/") {
                return label + path.dropFirst(root.count)
            }
            let here = FileManager.default.currentDirectoryPath + "/"
            return !outLabel.hasPrefix("/") && path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
        }

        /// A build error's message, its paths shown as the user named them.
        public func displayed(_ error: BuildError) -> String {
            switch error {
            case .site(.unreadable(let path, let reason, let hint)):
                return SiteReadError.unreadable(displayed(path: path), reason, hint: hint).description
            case .config(let failure):
                let location = FileLocation(path: displayed(path: failure.file.rawValue), line: failure.line)
                return "\(location): error: \(failure)"
            case .publish(let failure):
                var shown = failure
                shown.path = displayed(path: failure.path)
                return shown.description
            case .locked(var failure):
                if case .noFolder(var cause) = failure.reason {
                    cause.path = displayed(path: cause.path)
                    return cause.description
                }
                failure.path = displayed(path: failure.path)
                return failure.description
            default:
                return error.description
            }
        }
    }

    /// `feeds/../public/feeds` as `public/feeds`: a path relative to the definitions file, shown from the
    /// current folder (`NSString.standardizingPath` leaves `..` in relative paths).
    static func collapsed(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Reads and parses a definitions file.
    /// - Throws: `DefinitionsFileError`, one line `FILE:LINE: error: ...`.
    static func readDefinitions(_ path: String) throws(DefinitionsFileError) -> FeedDefinitions {
        let text: String
        do {
            text = try SourceText.decode(PostFileReader.readAll(URL(filePath: path))).text
        } catch {
            throw DefinitionsFileError(description: "\(path): error: \(error)")
        }
        do {
            return try FeedDefinitions.parse(text)
        } catch {
            throw DefinitionsFileError(
                description: "\(FileLocation(path: path, line: error.line)): error: \(error)")
        }
    }

    /// Reads a definitions file for a command: a broken file is printed as `FILE:LINE: error: ...` and ends
    /// the command with exit status 1 (the options were right, the file is not).
    static func readDefinitionsReporting(_ path: String) throws -> FeedDefinitions {
        do {
            return try readDefinitions(path)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
    }
}

extension SourceSettings {
    /// Reads the definitions file (if any) and fills in the defaults.
    /// - Parameter reporting: print a broken definitions file and exit 1 (a command), rather than throw
    ///   `DefinitionsFileError` (the watch daemon's reload, which logs it).
    public func resolve(now: Date = Date(), reporting: Bool = true) throws -> SourceOptions.Resolved {
        let fileManager = FileManager.default
        let cwd = URL(filePath: fileManager.currentDirectoryPath, directoryHint: .isDirectory)
        var definitions = FeedDefinitions()
        var definitionsFolder = cwd
        var definitionsLabel = ""
        let configPath = config ?? (site == nil ? "feeds/feedgen.yml" : nil)
        if let configPath {
            guard fileManager.fileExists(atPath: configPath) else {
                if config == nil {
                    throw ValidationError("no --site given, and no feeds/feedgen.yml in this folder")
                }
                throw ValidationError("no such definitions file: \(configPath)")
            }
            definitions =
                try reporting
                ? SourceOptions.readDefinitionsReporting(configPath) : SourceOptions.readDefinitions(configPath)
            definitionsFolder = URL(filePath: configPath, relativeTo: cwd).deletingLastPathComponent()
            definitionsLabel = (configPath as NSString).deletingLastPathComponent
        }
        func label(_ path: String) -> String {
            path.hasPrefix("/") || definitionsLabel.isEmpty ? path : definitionsLabel + "/" + path
        }
        let siteLabel: String
        let siteURL: URL
        if let site {
            siteLabel = site
            siteURL = URL(filePath: site, directoryHint: .isDirectory, relativeTo: cwd)
        } else if let site = definitions.site {
            siteLabel = SourceOptions.collapsed(label(site))
            siteURL = URL(filePath: site, directoryHint: .isDirectory, relativeTo: definitionsFolder)
        } else {
            throw ValidationError("no site: give --site DIR or 'site:' in \(configPath ?? "the definitions file")")
        }
        let outLabel: String
        let outURL: URL
        if let out {
            outLabel = out
            outURL = URL(filePath: out, directoryHint: .isDirectory, relativeTo: cwd)
        } else if let out = definitions.out {
            outLabel = SourceOptions.collapsed(label(out))
            outURL = URL(filePath: out, directoryHint: .isDirectory, relativeTo: definitionsFolder)
        } else {
            // Not `SITE/_site/feeds`: the next `jekyll build` empties its destination (unless `keep_files` names
            // the folder). Jekyll neither publishes nor deletes a folder whose name starts with `_`.
            outLabel = (siteLabel as NSString).appendingPathComponent("_feeds")
            outURL = siteURL.appending(path: "_feeds", directoryHint: .isDirectory)
        }
        let options = BuildOptions(
            site: siteURL.standardizedFileURL, out: outURL.standardizedFileURL, definitions: definitions,
            limit: limit, future: future, baseURL: baseURL, now: now)
        return SourceOptions.Resolved(options: options, siteLabel: siteLabel, outLabel: outLabel)
    }
}

/// Prints a line on standard error.
/// A definitions file that cannot be read or parsed: one line, `FILE:LINE: error: ...`.
public struct DefinitionsFileError: Error, CustomStringConvertible {
    public var description: String
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
