import FeedgenCore
import Foundation
import Logging

extension WatchDaemon {
    /// Runs one rebuild and logs it: problems in changed posts, kept feeds, then one line with the counts.
    ///
    /// The site stays the one being watched when the definitions are read again.
    func rebuild(_ rebuild: WatchStateMachine.Rebuild) async {
        defer { announceReady() }
        if rebuild.reloadDefinitions {
            do {
                let site = options.site
                options = try reloadOptions()
                options.site = site
                logger.info("reloaded the feed definitions")
            } catch {
                logger.error("cannot reload the feed definitions: \(error); keeping the previous ones")
            }
        }
        if rebuild.rescan { cache.forgetSignatures() }
        cache.invalidate(rebuild.paths)
        var options = self.options
        options.now = Date()
        let began = ContinuousClock.now
        let report: BuildReport
        do {
            report = try await Builder().build(options, cache: cache, lock: outputLock)
        } catch {
            if case .site(.missingSite) = error {
                await send(.siteMissing)
            } else {
                logger.error("\(error.description); keeping the last good feeds")
                notifySystemd("STATUS=\(error.description)")
            }
            return
        }
        let elapsed = ContinuousClock.now - began
        if let hub = options.definitions.hub, !report.changedURLs.isEmpty {
            hubQueue.enqueue(
                report.changedURLs,
                through: HubNotifier(hub: hub, logger: logger, firstDelay: settings.hubRetry, metrics: settings.metrics)
            )
        }
        scheduleNextDuePost(report.nextFuturePost)
        builds += 1
        let changed = Set(cache.changedPaths)
        for diagnostic in report.diagnostics {
            let path = diagnostic.location.path
            guard
                builds == 1 || changed.contains(path) || report.listingProblems.contains(path)
                    || !path.split(separator: "/").contains("_posts")
            else {
                continue
            }
            var shown = diagnostic
            if !path.hasPrefix("/") { shown.location.path = settings.siteLabel + "/" + path }
            logger.log(level: diagnostic.severity == .error ? .error : .warning, "\(shown.description)")
            settings.metrics.logged(diagnostic)
        }
        for kept in report.kept {
            let missing = kept.missing.map { settings.siteLabel + "/" + $0 }.joined(separator: ", ")
            logger.warning("kept the published \(kept.scope.label) feed: it would lack \(missing)")
        }
        let rewritten = report.feeds.filter { $0.files.contains { $0.outcome == .written } }.count
        // Counted before the line is logged, so a scrape that follows the line sees the rebuild.
        settings.metrics.rebuilt(
            trigger: rebuild.trigger, duration: elapsed, postsRead: cache.readCount, postsRendered: cache.renderCount,
            feedsRewritten: rewritten)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        logger.info(
            "rebuild",
            metadata: [
                "trigger": "\(rebuild.trigger.rawValue)", "posts.changed": "\(cache.changeCount)",
                "feeds.rewritten": "\(rewritten)", "ms": "\(milliseconds)",
            ])
        let feeds = report.feeds.filter { $0.items > 0 }.count
        notifySystemd(
            "STATUS=\(feeds) feeds from \(report.postsRead) post files (last rebuild: \(rebuild.trigger.rawValue))")
    }

    /// Logs what a `--pull` did.
    func log(_ outcome: GitPuller.Outcome) {
        switch outcome {
        case .pulled(let commits):
            for commit in commits {
                logger.info("pulled \(commit.hash) \(commit.subject)")
            }
        case .busy:
            logger.info("git pull skipped: .git/index.lock exists (git is busy); retrying")
        case .localChanges:
            logger.warning("git pull skipped: tracked files have local changes (git status); retrying")
        case .failed(let message, let restored):
            let state = restored ? "the work tree was reset to its commit" : "the checkout is unchanged"
            logger.error("git pull failed: \(message); \(state); retrying")
        }
    }
}
