import EqlintText

/// `within-period`: the entry's dates fall within the plan's period, with a
/// month's grace either side ("to September 2024" for a period ending in August).
struct WithinPeriodCheck: EntryCheck {
    static let name = "within-period"
    static let firesWhen = "the entry's dates start more than a month before the plan's period or end more than a month after it"
    static let needsField = true

    /// Which end of the period the entry falls outside.
    enum Problem: String, Sendable {
        case startsBefore
        case endsAfter
    }

    /// The plan's period, and the entry's date outside it.
    struct Values: Sendable {
        var period: DateSpan
        var problem: Problem
        var date: CalendarDay
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("period", "the plan's period (`September 2025 to August 2028`)") { $0.period.described },
         Placeholder("problem", "which end of the period the entry falls outside, worded by the rule's parts",
                     parts: [Problem.startsBefore.rawValue, Problem.endsAfter.rawValue]) { .part($0.problem.rawValue) }]
    }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Problem.startsBefore.rawValue, "the entry starts before the plan's period begins",
                    placeholders: [Placeholder("date", "the day the entry starts") { $0.date.spelledOut }]),
        MessagePart(Problem.endsAfter.rawValue, "the entry ends after the plan's period ends",
                    placeholders: [Placeholder("date", "the day the entry ends") { $0.date.spelledOut }]),
    ]

    init(options: CheckOptions) {}

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        guard let span = input.context.dates.span(in: input.entry.text), let period = input.context.plan.period?.span,
              let first = period.start?.adding(months: -1), let last = period.end?.adding(months: 1) else { return [] }
        if let start = span.start, start < first {
            return [CheckFinding(range: input.entry.range, values: Values(period: period, problem: .startsBefore, date: start))]
        }
        if let end = span.end, end > last {
            return [CheckFinding(range: input.entry.range, values: Values(period: period, problem: .endsAfter, date: end))]
        }
        return []
    }
}
