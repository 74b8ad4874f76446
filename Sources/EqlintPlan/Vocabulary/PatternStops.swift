import Foundation

/// Which of a trust's patterns are stopped, for one plan's reading and
/// checking: the record `Pattern.match(_:stops:)` consults and writes.
///
/// A pattern whose match runs past its time limit is stopped: it is not run
/// again for the rest of the plan, and it is reported once per rule (the
/// run ends with exit status 2). A run passes on what earlier plans
/// stopped (`stoppedEarlier`): a pattern stopped while checking plan N is
/// skipped for every plan after N in the run's order, and for no plan
/// before it. So which plans lose a rule's findings depends on the order of
/// the plans, never on which thread got there first (`CheckRun` checks a
/// plan again in the rare case that it ran a pattern an earlier plan, still
/// being checked on another thread, went on to stop).
///
/// Made and used by one plan's check, on one thread; it is locked all the
/// same, as a vocabulary bound to it (`Vocabulary.stopping(in:)`) is a
/// `Sendable` value.
public final class PatternStops: @unchecked Sendable {
    // Every stored `var` is read and written only with `lock` held.
    private let lock = NSLock()
    /// The plan being checked, as stop reports name it.
    public let path: String
    /// The keys (`Pattern.key`) of patterns stopped on earlier plans of the run: never run here.
    public let stoppedEarlier: Set<String>
    private var stoppedHere: Set<String> = []
    private var ran: Set<String> = []
    private var reports: [StoppedPattern] = []
    private var reported: Set<String> = []

    /// - Parameters:
    ///   - path: the plan's path, for the stop reports.
    ///   - stoppedEarlier: the keys of patterns earlier plans of the run stopped.
    public init(path: String, stoppedEarlier: Set<String> = []) {
        self.path = path
        self.stoppedEarlier = stoppedEarlier
    }

    /// Whether a time-limited pattern may run now: false when it is stopped
    /// (here or on an earlier plan). A pattern let run is noted as run.
    func mayRun(_ pattern: Pattern) -> Bool {
        let key = pattern.key
        return lock.withLock {
            if stoppedEarlier.contains(key) || stoppedHere.contains(key) { return false }
            ran.insert(key)
            return true
        }
    }

    /// Records that a match of the pattern ran past its time limit.
    func stop(_ pattern: Pattern) {
        let key = pattern.key
        lock.withLock { _ = stoppedHere.insert(key) }
    }

    /// Reports a rule's pattern found stopped on `text` (the first time for
    /// each pattern; later times add nothing).
    package func record(_ pattern: Pattern, ruleID: String, text: TextValue) {
        let stop = StoppedPattern(ruleID: ruleID, pattern: pattern.source, origin: pattern.origin, path: path,
                                  location: text.range.start, seconds: Pattern.timeLimit(forLength: text.text.utf16.count))
        lock.withLock {
            if reported.insert(stop.key).inserted { reports.append(stop) }
        }
    }

    /// The stops reported by rules, in the order they were found.
    public var all: [StoppedPattern] { lock.withLock { reports } }

    /// The keys of the patterns stopped on this plan.
    public var keysStoppedHere: Set<String> { lock.withLock { stoppedHere } }

    /// The keys of the time-limited patterns run on this plan (not skipped).
    public var keysRun: Set<String> { lock.withLock { ran } }
}
