import EqlintPlan
import EqlintText

/// `numbers-unique`: no two objectives have the same number.
struct NumbersUniqueCheck: PlanCheck {
    static let name = "numbers-unique"
    static let firesWhen = "an objective has the number of an earlier one (once for each later one)"
    static let needsField = false

    /// The number, and the objective that had it first.
    struct Values: Sendable {
        var number: String
        var firstLine: Int
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("number", "the objective's number (`2`)") { $0.number },
         Placeholder("line", "the line of the earlier objective with that number") { "\($0.firstLine)" }]
    }

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        var first: [String: Objective] = [:]
        var findings: [CheckFinding<Values>] = []
        for objective in input.context.plan.objectives {
            guard let number = objective.number?.lowercased() else { continue }
            if let earlier = first[number] {
                findings.append(CheckFinding(range: objective.anchor,
                                             values: Values(number: objective.number ?? number, firstLine: earlier.anchor.start.line)))
            } else {
                first[number] = objective
            }
        }
        return findings
    }
}
