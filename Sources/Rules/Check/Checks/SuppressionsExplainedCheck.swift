import EqlintPlan

/// `suppressions-explained`: every `eqlint-disable` comment gives a reason after `--`.
struct SuppressionsExplainedCheck: SuppressionCheck {
    static let name = "suppressions-explained"
    static let firesWhen = "a plan's `eqlint-disable` comment gives no reason after `--`"
    static let needsField = false

    /// The comment.
    struct Values: Sendable {
        var comment: TextValue
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("text", "the comment (at most 60 characters)") { $0.comment.text.shortened(to: 60) }]
    }

    init(options: CheckOptions) {}

    func suppressionFindings(_ input: SuppressionInput) -> [CheckFinding<Values>] {
        input.suppressions.unexplained.map { CheckFinding(range: $0.range, values: Values(comment: $0)) }
    }
}
