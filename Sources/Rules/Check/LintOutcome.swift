import EqlintPlan

/// What checking one plan produced: its findings, and the rule patterns
/// that had to be stopped (their rules are not fully checked).
public struct LintOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var stoppedPatterns: [StoppedPattern]
    /// How many objectives eqlint found in the plan.
    public var objectiveCount = 0
    /// The plan's school, period and objectives, for a report that lists them.
    public var synopsis: PlanSynopsis?
}
