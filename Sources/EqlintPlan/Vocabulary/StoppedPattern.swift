import EqlintText
import Foundation

/// A rule's regular expression that eqlint stopped because one match took
/// longer than its time limit (see `Pattern.timeLimit(forLength:)`). The
/// pattern is not run again on that plan, nor on the plans after it in the
/// run (see `PatternStops`), so its rule is not fully checked: the run ends
/// with exit status 2 and this error, naming the rule, where the pattern is
/// written, and the text it was stopped on.
public struct StoppedPattern: Hashable, Sendable, CustomStringConvertible {
    /// The rule that was checking with it.
    public var ruleID: String
    public var pattern: String
    /// Where the pattern is written: a rule, vocabulary or configuration file.
    public var origin: RuleOrigin?
    /// The plan and the place in it the pattern was matching.
    public var path: String
    public var location: SourceLocation
    /// The time limit it ran past, in seconds.
    public var seconds: Double

    public var description: String {
        let place = origin.map { "\($0.path):\($0.location): " } ?? ""
        let limit = String(format: "%.1f", seconds)
        return "\(place)rule '\(ruleID)': the pattern '\(pattern)' took more than \(limit) seconds on \(path):\(location) "
            + "and was stopped, so the rule is not fully checked; rewrite the pattern so it cannot backtrack so much "
            + "(no repeat inside a repeat, no alternatives that match the same text)"
    }

    /// Identifies the pattern, wherever it was stopped.
    public var key: String { "\(origin.map { "\($0.path):\($0.location)" } ?? "")\u{0}\(pattern)" }
}
