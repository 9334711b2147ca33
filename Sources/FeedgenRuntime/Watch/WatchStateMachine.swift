/// Decides when `feedgen watch` rebuilds: takes events with the time they happened, returns what to do.
///
/// It holds no clock and does no I/O, so its tests drive time by hand. Time is the monotonic time since the
/// daemon started. The caller keeps one timer: every `.schedule(at:)` replaces the previous one, and when it
/// fires the caller sends `.timerFired`.
///
/// The rules: a lone change (nothing waiting, no change in the last `debounce`, git not writing) is built
/// `loneDelay` after it, so a new post is published at once; a second change within that delay makes it a
/// burst, and a burst is collected until no change has arrived for `debounce` (a checkout touching hundreds of
/// files gives one rebuild), but never longer than `maxWait` after the first of them (a file rewritten more
/// often than `debounce` must not hold the feeds back forever); while `.git/index.lock` exists git is still
/// writing the work tree, so nothing is built, the first build included (unless the lock is older than
/// `staleLock`: git leaves it behind when it crashes); a lost event
/// (inotify queue overflow) asks for a rescan of every file; a site folder that disappears is retried every
/// `siteRetry` while the published feeds stay as they are.
public struct WatchStateMachine: Sendable {
    /// The delays the machine works with.
    public struct Configuration: Sendable, Equatable {
        public var debounce: Duration
        /// How long a lone change waits for a second one before it is built: 10 ms (at most `debounce`)
        /// unless given, enough for an editor's write-then-rename or a `git add` right after.
        public var loneDelay: Duration
        /// The longest a change waits for quiet: ten times `debounce` unless given.
        public var maxWait: Duration
        public var staleLock: Duration
        public var siteRetry: Duration

        public init(
            debounce: Duration = .milliseconds(200), loneDelay: Duration? = nil, maxWait: Duration? = nil,
            staleLock: Duration = .seconds(60), siteRetry: Duration = .seconds(5)
        ) {
            self.debounce = debounce
            self.loneDelay = min(loneDelay ?? .milliseconds(10), debounce)
            self.maxWait = maxWait ?? debounce * 10
            self.staleLock = staleLock
            self.siteRetry = siteRetry
        }
    }

    /// Something that happened.
    public enum Event: Sendable, Equatable {
        /// The daemon has started: the first build is due (after the lock, like any other).
        case start
        /// A post, `_config.yml` or a `_data` file (path relative to the site) was written, renamed or deleted.
        case fileChanged(String)
        /// The feed definitions file changed, or SIGHUP asked to reload it.
        case reload
        /// `.git/index.lock` appeared (`true`) or went away (`false`).
        case indexLock(present: Bool)
        /// The timer last scheduled has fired.
        case timerFired
        /// The kernel dropped events: every file must be looked at again.
        case overflow
        /// The site folder is gone (unmounted, moved, deleted).
        case siteMissing
        /// The site folder is there again.
        case siteFound
        /// The date of a post that was in the future has come.
        case postDue
    }

    /// Why a rebuild runs, as the log shows it.
    public enum Trigger: String, Sendable, Comparable, CaseIterable {
        // `start` comes last: whatever else happened before it, the first build is the start.
        case due, change, config, overflow, site, reload, start

        public static func < (lhs: Trigger, rhs: Trigger) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One rebuild and what it must look at again.
    public struct Rebuild: Sendable, Equatable {
        /// The most important reason, for the log.
        public var trigger: Trigger
        /// Posts known to have changed: read again even if their size and time look the same.
        public var paths: Set<String>
        /// Every post file must be read and hashed again (events were lost, or the site came back).
        public var rescan: Bool
        /// The feed definitions must be read again first.
        public var reloadDefinitions: Bool

        public init(trigger: Trigger, paths: Set<String> = [], rescan: Bool = false, reloadDefinitions: Bool = false) {
            self.trigger = trigger
            self.paths = paths
            self.rescan = rescan
            self.reloadDefinitions = reloadDefinitions
        }
    }

    /// What the caller must do.
    public enum Action: Sendable, Equatable {
        /// Set the timer to fire at this time (replacing any earlier one).
        case schedule(at: Duration)
        case rebuild(Rebuild)
        /// Look whether the site folder exists again, and send `.siteFound` if it does.
        case checkSite
        case log(LogLevel, String)
    }

    /// How important a log line is.
    public enum LogLevel: String, Sendable {
        case info, warning, error
    }

    public let configuration: Configuration
    private var pending: Rebuild?
    private var quietAt: Duration = .zero
    /// When the waiting rebuild was first asked for: it is built no later than `maxWait` after.
    private var firstAt: Duration = .zero
    private var lockSince: Duration?
    /// When a file last changed: a change within `debounce` of the one before is part of a burst.
    private var lastChangeAt: Duration?
    private var siteMissing = false
    /// Whether the first build was held by the lock already (said once).
    private var startHeld = false

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether a rebuild is waiting for quiet, for the lock, or for the site.
    public var isPending: Bool { pending != nil }

    /// Handles one event that happened at `now`.
    public mutating func handle(_ event: Event, at now: Duration) -> [Action] {
        switch event {
        case .start:
            note(.start, at: now)
            quietAt = now
            return [.schedule(at: quietAt)]
        case .fileChanged(let path):
            let isPost = path.split(separator: "/").contains("_posts")
            let lone =
                pending == nil && lockSince == nil && lastChangeAt.map { now - $0 >= configuration.debounce } ?? true
            lastChangeAt = now
            note(isPost ? .change : .config, path: isPost ? path : nil, at: now)
            if lone { quietAt = now + configuration.loneDelay }
            return siteMissing ? [] : [.schedule(at: quietAt)]
        case .reload:
            note(.reload, at: now)
            pending?.reloadDefinitions = true
            return siteMissing ? [] : [.schedule(at: quietAt)]
        case .postDue:
            note(.due, at: now)
            return siteMissing ? [] : [.schedule(at: quietAt)]
        case .overflow:
            note(.overflow, at: now)
            pending?.rescan = true
            return [.log(.warning, "inotify queue overflowed: rescanning every file"), .schedule(at: quietAt)]
        case .indexLock(present: true):
            if lockSince == nil { lockSince = now }
            return []
        case .indexLock(present: false):
            lockSince = nil
            guard pending != nil else { return [] }
            quietAt = max(quietAt, now + configuration.debounce)
            return [.schedule(at: quietAt)]
        case .siteMissing:
            guard !siteMissing else { return [] }
            siteMissing = true
            return [
                .log(.error, "the site folder is gone; keeping the last good feeds and retrying"),
                .schedule(at: now + configuration.siteRetry),
            ]
        case .siteFound:
            guard siteMissing else { return [] }
            siteMissing = false
            // The wait for quiet starts again: the time without the site does not count.
            firstAt = now
            note(.site, at: now)
            pending?.rescan = true
            return [.log(.info, "the site folder is back"), .schedule(at: quietAt)]
        case .timerFired:
            return timerFired(at: now)
        }
    }

    private mutating func timerFired(at now: Duration) -> [Action] {
        // The retry is scheduled first: if the check finds the site, `.siteFound` schedules the rebuild after it.
        if siteMissing { return [.schedule(at: now + configuration.siteRetry), .checkSite] }
        guard let rebuild = pending else { return [] }
        if now < quietAt { return [.schedule(at: quietAt)] }
        var actions: [Action] = []
        if let lockSince {
            let stale = lockSince + configuration.staleLock
            if now < stale {
                guard rebuild.trigger == .start, !startHeld else { return [.schedule(at: stale)] }
                // Said once, for the first build: the daemon would otherwise start and stay silent.
                startHeld = true
                return [
                    .log(.info, ".git/index.lock exists: waiting for git to finish before the first build"),
                    .schedule(at: stale),
                ]
            }
            actions.append(
                .log(.warning, ".git/index.lock has existed for \(configuration.staleLock): building anyway"))
            self.lockSince = nil
        }
        pending = nil
        return actions + [.rebuild(rebuild)]
    }

    /// Adds a reason (and a changed post) to the waiting rebuild and restarts the quiet period, which ends
    /// `maxWait` after the first reason at the latest.
    private mutating func note(_ trigger: Trigger, path: String? = nil, at now: Duration) {
        if pending == nil { firstAt = now }
        var rebuild = pending ?? Rebuild(trigger: trigger, paths: [], rescan: false, reloadDefinitions: false)
        rebuild.trigger = max(rebuild.trigger, trigger)
        if let path { rebuild.paths.insert(path) }
        pending = rebuild
        quietAt = min(now + configuration.debounce, max(firstAt + configuration.maxWait, now))
    }
}
