import FeedgenCore
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// `feedgen watch`: builds once, then keeps the published feeds in step with the site until SIGTERM or SIGINT.
///
/// Everything happens on one loop that takes inputs from one stream (watcher events, the state machine's
/// timer, signals, polling, pulls, watchdog pings), so a rebuild in progress always finishes before a signal is
/// acted on, and the watchdog stops pinging if the loop ever hangs. The daemon is not `Sendable`: only that loop
/// touches it; the timers, the signal and watchdog tasks, the watcher thread and pulls reach it through the
/// stream. `WatchService` runs it in a `ServiceGroup` beside the HTTP server and the WebSub queue.
///
/// It holds the output folder's lock from start to end, so a `feedgen build` into the same folder is refused.
public final class WatchDaemon {
    /// How the daemon watches, besides what it builds.
    public struct Settings: Sendable {
        public var machine: WatchStateMachine.Configuration
        /// Rescan by polling at this interval instead of using inotify.
        public var poll: Duration?
        /// Run `git pull --ff-only` in the site's repository at this interval.
        public var pull: Duration?
        /// How long one git command of a pull may run before it is killed.
        public var pullDeadline: Duration
        /// The feed definitions file, watched and read again on change or SIGHUP.
        public var definitions: URL?
        /// How the site is named in diagnostics (as given on the command line).
        public var siteLabel: String
        /// How long a WebSub notification the hub refused waits before its first retry.
        public var hubRetry: Duration = .seconds(1)
        /// What the daemon counts for `--metrics` (nothing by default).
        public var metrics: WatchMetrics = .none

        public init(
            machine: WatchStateMachine.Configuration = .init(), poll: Duration? = nil, pull: Duration? = nil,
            pullDeadline: Duration = .seconds(60), definitions: URL? = nil, siteLabel: String
        ) {
            self.machine = machine
            self.poll = poll
            self.pull = pull
            self.pullDeadline = pullDeadline
            self.definitions = definitions
            self.siteLabel = siteLabel
        }
    }

    enum Input: Sendable {
        case watch(WatchEvent)
        case timer
        case signal(Int32)
        case pollTick
        case pullTick
        case pulled(GitPuller.Outcome)
        case watchdog
        case postDue
        /// The service group shuts down gracefully (another of its services ended).
        case shutdown
    }

    var options: BuildOptions
    let settings: Settings
    let logger: Logger
    private let notify: NotifySocket?
    let reloadOptions: @Sendable () throws -> BuildOptions
    let cache = RenderCache()
    var machine: WatchStateMachine
    private let start = ContinuousClock.now
    private let queue = DispatchQueue(label: "feedgen-watch")
    private let stream: AsyncStream<Input>
    private let input: AsyncStream<Input>.Continuation
    private var sources: [any DispatchSourceProtocol] = []
    private var timer: (any DispatchSourceTimer)?
    private var pullTimer: (any DispatchSourceTimer)?
    private var watcher: InotifyWatcher?
    var snapshot: PollingSnapshot?
    private var pulling = false
    /// `--poll`, or the fallback interval once inotify failed: every watched file is polled.
    var pollInterval: Duration?
    /// Folders inotify could not watch once started (the limit on watches reached): polled every
    /// `fallbackPoll` beside inotify.
    var polledFolders: Set<String> = []
    var pollTimer: (any DispatchSourceTimer)?
    /// Fires when the next post dated in the future is due.
    private var dueTimer: (any DispatchSourceTimer)?
    private var stopping = false
    var builds = 0
    /// Whether systemd was told READY=1 (after the first build, or at once when the site is missing).
    private var announcedReady = false
    /// The output folder's lock, held while the daemon runs.
    var outputLock: FolderLock?
    /// Sends the WebSub notifications of each publish, beside the loop (a service of the same group).
    let hubQueue: HubQueue
    /// The pulls to run, one at a time, by a task beside the loop.
    private let pulls: AsyncStream<GitPuller>.Continuation
    private let pullRequests: AsyncStream<GitPuller>
    /// Told once when the daemon is ready, which starts the watchdog task.
    private let ready: AsyncStream<Void>.Continuation
    private let readiness: AsyncStream<Void>

    /// A daemon that builds with `options`; `reloadOptions` reads the definitions again (SIGHUP).
    public init(
        options: BuildOptions, settings: Settings, logger: Logger, notify: NotifySocket?, hubQueue: HubQueue,
        reloadOptions: @escaping @Sendable () throws -> BuildOptions
    ) {
        self.options = options
        self.settings = settings
        self.logger = logger
        self.notify = notify
        self.hubQueue = hubQueue
        self.reloadOptions = reloadOptions
        (readiness, ready) = AsyncStream<Void>.makeStream()
        (pullRequests, pulls) = AsyncStream<GitPuller>.makeStream()
        machine = WatchStateMachine(configuration: settings.machine)
        pollInterval = settings.poll
        (stream, input) = AsyncStream<Input>.makeStream()
    }

    var now: Duration { ContinuousClock.now - start }
    var gitDirectory: URL? { WatchScope.gitDirectory(of: options.site) }

    /// Runs until SIGTERM, SIGINT, a graceful shutdown of its service group or cancellation; returns the exit
    /// status. `starting` runs before the first build and may refuse (false: return at once), so that
    /// `watch --serve` builds only once its server listens.
    public func run(after starting: @Sendable () async -> Bool = { true }) async -> Int32 {
        do {
            outputLock = try Builder.lockOutput(options.out, holder: "feedgen watch")
        } catch {
            logger.error("\(error)")
            return 1
        }
        // The daemon traps SIGTERM and SIGINT itself rather than through the group's `gracefulShutdownSignals`:
        // its log line names the signal, which a graceful shutdown does not carry. The sequence ignores their
        // default action as soon as it is made, before the first build.
        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint, .sighup)
        guard await starting() else { return 0 }
        await withDiscardingTaskGroup { tasks in
            tasks.addTask { [input] in
                for await signal in signals { input.yield(.signal(signal.rawValue)) }
            }
            tasks.addTask { [input, pullRequests] in
                for await puller in pullRequests { input.yield(.pulled(await puller.pull())) }
            }
            if let interval = notify?.watchdogInterval {
                // Pings go through the loop, so they stop if the loop hangs, and systemd restarts the daemon.
                tasks.addTask { [input, readiness] in
                    for await _ in readiness { break }
                    while (try? await Task.sleep(for: interval)) != nil { input.yield(.watchdog) }
                }
            }
            await withGracefulShutdownHandler {
                await loop()
            } onGracefulShutdown: { [input] in
                input.yield(.shutdown)
            }
            pulls.finish()
            tasks.cancelAll()
        }
        notifySystemd("STOPPING=1")
        watcher?.stop()
        for source in sources { source.cancel() }
        logger.info("stopped")
        return 0
    }

    /// Builds, then takes the inputs one at a time until told to stop.
    private func loop() async {
        timer = makeTimer { .timer }
        dueTimer = makeTimer { .postDue }
        let watching = await startWatching()
        if let lock = gitDirectory?.appending(path: "index.lock"), FileManager.default.fileExists(atPath: lock.path) {
            await send(.indexLock(present: true))
        }
        // The first build goes through the state machine, so it waits for git's index.lock like any other.
        await send(.start)
        if !watching { announceReady() }
        startPolling()
        if let pull = settings.pull {
            let pullTimer = makeTimer { .pullTick }
            pullTimer.schedule(deadline: .now() + pull.timeInterval)
            self.pullTimer = pullTimer
        }
        for await next in stream {
            await handle(next)
            if stopping && !pulling { break }
        }
    }

    private func handle(_ next: Input) async {
        switch next {
        case .watch(.unwatched(let folder, let error)):
            await startPolling(folder, because: error)
        case .watch(let event):
            if let event = machineEvent(for: event) { await send(event) }
        case .timer:
            await send(.timerFired)
        case .signal(SIGHUP):
            logger.info("SIGHUP: reloading the feed definitions")
            await send(.reload)
        case .signal(let number):
            logger.info(
                "\(number == SIGINT ? "SIGINT" : "SIGTERM"): stopping\(pulling ? " after the git pull in progress" : "")"
            )
            stopping = true
        case .shutdown:
            logger.info("stopping\(pulling ? " after the git pull in progress" : "")")
            stopping = true
        case .pollTick:
            guard pollInterval != nil || !polledFolders.isEmpty else { return }
            let newer = takeSnapshot()
            let events = snapshot.map { $0.events(to: newer) } ?? []
            snapshot = newer
            for event in events {
                if let event = machineEvent(for: event) { await send(event) }
            }
        case .pullTick:
            guard !pulling, !stopping else { return }
            pulling = true
            pulls.yield(GitPuller(repository: options.site, deadline: settings.pullDeadline))
        case .pulled(let outcome):
            pulling = false
            log(outcome)
            if let pull = settings.pull, !stopping { pullTimer?.schedule(deadline: .now() + pull.timeInterval) }
        case .watchdog:
            notifySystemd("WATCHDOG=1")
        case .postDue:
            await send(.postDue)
        }
    }

    private func machineEvent(for event: WatchEvent) -> WatchStateMachine.Event? {
        switch event {
        case .unwatched:
            return nil  // handled by `startPolling(_:because:)`
        case .changed(let path): return .fileChanged(path)
        case .definitionsChanged: return .reload
        case .indexLock(let present): return .indexLock(present: present)
        case .overflow: return .overflow
        case .siteGone:
            watcher?.stop()
            watcher = nil
            polledFolders = []
            return .siteMissing
        }
    }

    /// Hands an event to the state machine and performs the actions it returns.
    func send(_ event: WatchStateMachine.Event) async {
        for action in machine.handle(event, at: now) {
            switch action {
            case .schedule(let at):
                timer?.schedule(deadline: .now() + max(0, (at - now).timeInterval))
            case .checkSite:
                if WatchScope.isDirectory(options.site), await startWatching() {
                    await send(.siteFound)
                }
            case .log(let level, let message):
                logger.log(level: level.loggerLevel, "\(message)", metadata: ["site": "\(settings.siteLabel)"])
                if level == .error { notifySystemd("STATUS=\(message)") }
            case .rebuild(let rebuild):
                await self.rebuild(rebuild)
            }
        }
    }

    /// Starts inotify (or takes the first polling snapshot); false when the site cannot be watched.
    @discardableResult
    private func startWatching() async -> Bool {
        if pollInterval != nil {
            snapshot = PollingSnapshot.take(
                site: options.site, definitions: settings.definitions, gitDirectory: gitDirectory)
            if snapshot?.siteExists == true { return true }
        } else {
            do {
                let watcher = try InotifyWatcher(
                    site: options.site, definitions: settings.definitions, gitDirectory: gitDirectory
                ) { [input] event in input.yield(.watch(event)) }
                watcher.start()
                self.watcher = watcher
                return true
            } catch {
                if WatchScope.isDirectory(options.site) {
                    // Typically the limit on watches (fs.inotify.max_user_watches): polling still works.
                    pollInterval = Self.fallbackPoll
                    logger.error("\(error); polling every \(Self.fallbackPoll.spoken) instead")
                    startPolling()
                    return await startWatching()
                }
            }
        }
        await send(.siteMissing)
        return false
    }

    /// Tells systemd the daemon is ready (once), and starts answering its watchdog.
    func announceReady() {
        guard !announcedReady else { return }
        announcedReady = true
        notifySystemd("READY=1")
        ready.yield()
        ready.finish()
    }

    func notifySystemd(_ message: String) {
        guard let notify else { return }
        do {
            try notify.send(message)
        } catch {
            logger.warning("\(error)")
        }
    }

    private func makeTimer(_ event: @escaping @Sendable () -> Input) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [input] in input.yield(event()) }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        sources.append(timer)
        return timer
    }

    func repeating(every interval: Duration, _ event: @escaping @Sendable () -> Input)
        -> any DispatchSourceTimer
    {
        let timer = makeTimer(event)
        timer.schedule(deadline: .now() + interval.timeInterval, repeating: interval.timeInterval)
        return timer
    }

    /// Sets the timer for the next post dated in the future (a wall-clock date: it must follow clock changes).
    func scheduleNextDuePost(_ date: Date?) {
        guard let date else { return dueTimer?.schedule(wallDeadline: .distantFuture) ?? () }
        let seconds = date.timeIntervalSince1970
        let wall = timespec(tv_sec: Int(seconds.rounded(.down)), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        dueTimer?.schedule(wallDeadline: DispatchWallTime(timespec: wall))
    }

}

extension Duration {
    /// Seconds as a `TimeInterval`, for Dispatch.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

extension WatchStateMachine.LogLevel {
    var loggerLevel: Logger.Level {
        switch self {
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }
}
