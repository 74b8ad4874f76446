import Foundation

/// The trust's patterns a run has stopped so far, by key (`Pattern.key`),
/// added plan by plan in the run's order as each plan's findings are
/// delivered. A plan starting to be checked takes what is known then (the
/// stops of plans before it that are delivered: never those of a later
/// plan); see `PatternStops` for what that decides.
final class RunPatternStops: @unchecked Sendable {
    // `keys` is read and written only with `lock` held.
    private let lock = NSLock()
    private var keys: Set<String> = []

    /// The keys known now.
    var known: Set<String> { lock.withLock { keys } }

    /// Adds the keys of the patterns one plan stopped.
    func add(_ stopped: Set<String>) {
        guard !stopped.isEmpty else { return }
        lock.withLock { keys.formUnion(stopped) }
    }
}
