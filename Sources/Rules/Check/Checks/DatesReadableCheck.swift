import EqlintText

/// `dates-readable`: every date the plan gives of itself (front matter,
/// `Published: ...`) can be read; for an entry, every date in it.
struct DatesReadableCheck: PlanCheck, EntryCheck {
    static let name = "dates-readable"
    static let firesWhen = "a date the plan gives of itself (front matter, `Published: ...`) cannot be read; for an entry, a date in it "
        + "cannot be read"
    static let pointsAtFoundText = true
    static let needsField = false

    /// The date as written, and (for the plan's own) what it is.
    struct Values: Sendable {
        var key: String = ""
        var date: String
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        switch scope {
        case .plan:
            return [Placeholder("field", "which of the plan's dates it is (`period`, `published`, `approved`, `review`)") { $0.key },
                    Placeholder("text", "the date as written (at most 60 characters)") { $0.date }]
        default:
            return [Placeholder("found", "the date as written in the entry") { $0.date }]
        }
    }

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        input.context.plan.unreadableDates.map {
            CheckFinding(range: $0.value.range, values: Values(key: $0.key, date: $0.value.text.shortened(to: 60)))
        }
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        guard case .unreadable(let date) = input.context.dates.reading(of: input.entry.text) else { return [] }
        return [CheckFinding(range: input.entry.range, values: Values(date: date))]
    }
}
