import EqlintText

/// `recorded-when-due`: once the objective's last date has passed, the
/// field (an evaluation or progress) is given; a label for the field with
/// nothing under it is reported at any time.
struct RecordedWhenDueCheck: ObjectiveCheck {
    static let name = "recorded-when-due"
    static let firesWhen = "the objective's last timescale date has passed and `field` has no entries, or `field` is a heading left empty"
    static let needsField = true

    /// What is missing.
    enum Problem: String, Sendable {
        /// A label for the field with nothing under it.
        case emptySection
        /// The last date has passed and nothing is recorded.
        case overdue
    }

    struct Values: Sendable {
        var problem: Problem
        /// The objective's last date, when it is overdue.
        var due: CalendarDay?
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("problem", "what is missing, worded by the rule's parts",
                     parts: [Problem.emptySection.rawValue, Problem.overdue.rawValue]) { .part($0.problem.rawValue) }]
    }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Problem.emptySection.rawValue, "the field's heading or label has nothing under it"),
        MessagePart(Problem.overdue.rawValue, "the objective's last date has passed and the field is not given",
                    placeholders: [Placeholder("date", "the objective's last date (`31 July 2026`)") { $0.due?.spelledOut ?? "" }]),
    ]

    init(options: CheckOptions) {}

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>] {
        let (objective, fields) = (input.objective, input.rule.fields)
        let given = fields.compactMap { objective.fields[$0] }
        if let empty = given.first(where: { $0.entries.isEmpty }) {
            return [CheckFinding(range: empty.label, values: Values(problem: .emptySection))]
        }
        let recorded = fields.contains { !objective.entries(of: $0).isEmpty }
        let ends = objective.entries(of: .timescale).compactMap { DateReader.span(in: $0.text)?.end }
        guard !recorded, let end = ends.max(), end < input.context.today else { return [] }
        return [CheckFinding(range: objective.anchor, values: Values(problem: .overdue, due: end))]
    }
}
