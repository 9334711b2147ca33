import FeedgenRuntime
import Testing

/// The watch daemon's timing rules, driven by a manual clock: every event carries the time it happens at.
struct WatchStateMachineTests {
    typealias Machine = WatchStateMachine
    let configuration = Machine.Configuration(
        debounce: .milliseconds(200), staleLock: .seconds(60), siteRetry: .seconds(5))

    private func rebuild(
        _ trigger: Machine.Trigger, _ paths: Set<String> = [], rescan: Bool = false, reload: Bool = false
    ) -> Machine.Action {
        .rebuild(.init(trigger: trigger, paths: paths, rescan: rescan, reloadDefinitions: reload))
    }

    @Test func aLoneChangeIsBuiltAfterTheLoneDelay() {
        var machine = Machine(configuration: configuration)
        #expect(configuration.loneDelay == .milliseconds(10))
        #expect(
            machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(10)) == [
                .schedule(at: .milliseconds(10_010))
            ])
        #expect(machine.isPending)
        #expect(
            machine.handle(.timerFired, at: .milliseconds(10_010)) == [rebuild(.change, ["_posts/2026-01-01-a.md"])])
        #expect(!machine.isPending)
        #expect(machine.handle(.timerFired, at: .seconds(11)) == [])
        // The next lone change, a debounce later, is published at once too.
        #expect(
            machine.handle(.fileChanged("_posts/2026-01-02-b.md"), at: .seconds(12)) == [
                .schedule(at: .milliseconds(12_010))
            ])
    }

    @Test func aSecondChangeWithinTheLoneDelayMakesABurst() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(10))
        #expect(
            machine.handle(.fileChanged("_posts/2026-01-01-b.md"), at: .milliseconds(10_005)) == [
                .schedule(at: .milliseconds(10_205))
            ])
        #expect(machine.handle(.timerFired, at: .milliseconds(10_010)) == [.schedule(at: .milliseconds(10_205))])
        #expect(
            machine.handle(.timerFired, at: .milliseconds(10_205)) == [
                rebuild(.change, ["_posts/2026-01-01-a.md", "_posts/2026-01-01-b.md"])
            ])
    }

    @Test func aChangeRightAfterARebuildWaitsForTheDebounce() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(10))
        _ = machine.handle(.timerFired, at: .milliseconds(10_010))
        // 50 ms after the last change: the writes go on, so this one is debounced.
        #expect(
            machine.handle(.fileChanged("_posts/2026-01-01-b.md"), at: .milliseconds(10_050)) == [
                .schedule(at: .milliseconds(10_250))
            ])
    }

    @Test func aGitPullOfHundredsOfFilesGivesOneRebuild() {
        var machine = Machine(configuration: configuration)
        var rebuilds: [Machine.Action] = []
        var timer: Duration?
        func fire(until now: Duration) {
            while let due = timer, due <= now {
                timer = nil
                for action in machine.handle(.timerFired, at: due) {
                    if case .rebuild = action { rebuilds.append(action) }
                    if case .schedule(let at) = action { timer = at }
                }
            }
        }
        func handle(_ event: Machine.Event, at now: Duration) {
            fire(until: now)
            for action in machine.handle(event, at: now) {
                if case .schedule(let at) = action { timer = at }
            }
        }
        // git takes its index lock, then writes 300 files 20 ms apart (slower than the lone delay).
        handle(.indexLock(present: true), at: .seconds(1))
        var paths: Set<String> = []
        for index in 0..<300 {
            let path = "_posts/2026-01-01-post-\(index).md"
            paths.insert(path)
            handle(.fileChanged(path), at: .seconds(1) + .milliseconds(20 * index))
        }
        handle(.indexLock(present: false), at: .seconds(7))
        fire(until: .seconds(8))
        #expect(rebuilds == [rebuild(.change, paths)])
    }

    @Test func aBurstOfTwoHundredFilesGivesOneRebuildAfterItEnds() {
        var machine = Machine(configuration: configuration)
        var paths: Set<String> = []
        var rebuilds = 0
        // A checkout writing a file every 5 ms; the timer fires whenever it was last set to.
        var timer: Duration?
        for index in 0..<200 {
            let now = Duration.milliseconds(5 * index)
            if let due = timer, due <= now {
                for action in machine.handle(.timerFired, at: due) {
                    if case .rebuild = action { rebuilds += 1 }
                    if case .schedule(let at) = action { timer = at }
                }
            }
            let path = "_posts/2026-01-01-post-\(index).md"
            paths.insert(path)
            // The first is lone until the second, 5 ms later, makes it a burst.
            let wait = Duration.milliseconds(index == 0 ? 10 : 200)
            #expect(machine.handle(.fileChanged(path), at: now) == [.schedule(at: now + wait)])
            timer = now + wait
        }
        #expect(rebuilds == 0)
        #expect(timer == .milliseconds(995 + 200))
        #expect(machine.handle(.timerFired, at: .milliseconds(1195)) == [rebuild(.change, paths)])
    }

    @Test func anEarlyTimerIsMovedToTheEndOfTheQuietPeriod() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(1))
        _ = machine.handle(.fileChanged("_posts/2026-01-01-b.md"), at: .milliseconds(1100))
        #expect(machine.handle(.timerFired, at: .milliseconds(1200)) == [.schedule(at: .milliseconds(1300))])
        #expect(
            machine.handle(.timerFired, at: .milliseconds(1300)) == [
                rebuild(.change, ["_posts/2026-01-01-a.md", "_posts/2026-01-01-b.md"])
            ])
    }

    @Test func nothingIsBuiltWhileGitHoldsItsIndexLock() {
        var machine = Machine(configuration: configuration)
        #expect(machine.handle(.indexLock(present: true), at: .seconds(1)) == [])
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(2))
        // Quiet, but git is still writing: wait for the lock (or until it is stale).
        #expect(machine.handle(.timerFired, at: .milliseconds(2200)) == [.schedule(at: .seconds(61))])
        #expect(machine.handle(.indexLock(present: false), at: .seconds(3)) == [.schedule(at: .milliseconds(3200))])
        #expect(machine.handle(.timerFired, at: .milliseconds(3200)) == [rebuild(.change, ["_posts/2026-01-01-a.md"])])
    }

    @Test func aLockThatGoesAwayWithNothingChangedSchedulesNothing() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.indexLock(present: true), at: .seconds(1))
        #expect(machine.handle(.indexLock(present: false), at: .seconds(2)) == [])
    }

    @Test func aStaleLockIsReportedAndTheBuildGoesAhead() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.indexLock(present: true), at: .seconds(1))
        _ = machine.handle(.fileChanged("_config.yml"), at: .seconds(2))
        #expect(machine.handle(.timerFired, at: .milliseconds(2200)) == [.schedule(at: .seconds(61))])
        #expect(
            machine.handle(.timerFired, at: .seconds(61)) == [
                .log(.warning, ".git/index.lock has existed for 60.0 seconds: building anyway"),
                rebuild(.config),
            ])
    }

    @Test func anOverflowAsksForARescan() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(1))
        #expect(
            machine.handle(.overflow, at: .seconds(2)) == [
                .log(.warning, "inotify queue overflowed: rescanning every file"), .schedule(at: .milliseconds(2200)),
            ])
        #expect(
            machine.handle(.timerFired, at: .milliseconds(2200)) == [
                rebuild(.overflow, ["_posts/2026-01-01-a.md"], rescan: true)
            ])
    }

    @Test func aMissingSiteIsRetriedAndRebuiltWhenItIsBack() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(1))
        #expect(
            machine.handle(.siteMissing, at: .seconds(2)) == [
                .log(.error, "the site folder is gone; keeping the last good feeds and retrying"),
                .schedule(at: .seconds(7)),
            ])
        #expect(machine.handle(.siteMissing, at: .seconds(3)) == [])
        #expect(machine.handle(.fileChanged("_config.yml"), at: .seconds(4)) == [])
        #expect(machine.handle(.timerFired, at: .seconds(7)) == [.schedule(at: .seconds(12)), .checkSite])
        #expect(machine.handle(.timerFired, at: .seconds(12)) == [.schedule(at: .seconds(17)), .checkSite])
        #expect(
            machine.handle(.siteFound, at: .seconds(13)) == [
                .log(.info, "the site folder is back"), .schedule(at: .milliseconds(13_200)),
            ])
        #expect(
            machine.handle(.timerFired, at: .milliseconds(13_200)) == [
                rebuild(.site, ["_posts/2026-01-01-a.md"], rescan: true)
            ])
    }

    @Test func aDuePostIsBuiltAfterTheDebounce() {
        var machine = Machine(configuration: configuration)
        #expect(machine.handle(.postDue, at: .seconds(5)) == [.schedule(at: .milliseconds(5200))])
        #expect(machine.handle(.timerFired, at: .milliseconds(5200)) == [rebuild(.due)])
    }

    @Test func theMostImportantTriggerNamesTheRebuild() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.fileChanged("news/_posts/2026-01-01-a.md"), at: .seconds(1))
        _ = machine.handle(.fileChanged("_data/authors.yml"), at: .seconds(1))
        #expect(
            machine.handle(.timerFired, at: .milliseconds(1200)) == [
                rebuild(.config, ["news/_posts/2026-01-01-a.md"])
            ])
        _ = machine.handle(.reload, at: .seconds(2))
        _ = machine.handle(.fileChanged("_posts/2026-01-02-b.md"), at: .seconds(2))
        #expect(
            machine.handle(.timerFired, at: .milliseconds(2200)) == [
                rebuild(.reload, ["_posts/2026-01-02-b.md"], reload: true)
            ])
    }

    @Test func theFirstBuildWaitsForGitsIndexLock() {
        var machine = Machine(configuration: configuration)
        _ = machine.handle(.indexLock(present: true), at: .zero)
        #expect(machine.handle(.start, at: .zero) == [.schedule(at: .zero)])
        #expect(
            machine.handle(.timerFired, at: .zero) == [
                .log(.info, ".git/index.lock exists: waiting for git to finish before the first build"),
                .schedule(at: .seconds(60)),
            ])
        // A change while waiting is part of the first build, which is still the start.
        _ = machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: .seconds(1))
        #expect(machine.handle(.timerFired, at: .milliseconds(1200)) == [.schedule(at: .seconds(60))])
        #expect(machine.handle(.indexLock(present: false), at: .seconds(2)) == [.schedule(at: .milliseconds(2200))])
        #expect(
            machine.handle(.timerFired, at: .milliseconds(2200)) == [rebuild(.start, ["_posts/2026-01-01-a.md"])])
    }

    @Test func aFileRewrittenMoreOftenThanTheDebounceIsBuiltAfterTheMaximumWait() {
        #expect(configuration.maxWait == .seconds(2))
        var machine = Machine(configuration: configuration)
        var timer: Duration?
        var rebuiltAt: [Duration] = []
        // Rewritten every 150 ms for 5 s; the debounce (200 ms) alone would never end.
        for step in 0...33 {
            let now = Duration.milliseconds(150 * step)
            while let due = timer, due <= now {
                timer = nil
                for action in machine.handle(.timerFired, at: due) {
                    if case .rebuild = action { rebuiltAt.append(due) }
                    if case .schedule(let at) = action { timer = at }
                }
            }
            for action in machine.handle(.fileChanged("_posts/2026-01-01-a.md"), at: now) {
                if case .schedule(let at) = action { timer = at }
            }
        }
        // The first write is lone and built at once; the rewrites after it are a burst, built 2 s after its start.
        #expect(rebuiltAt == [.milliseconds(10), .milliseconds(2150), .milliseconds(4250)])
    }
}
