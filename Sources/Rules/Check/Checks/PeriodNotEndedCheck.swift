import EqlintText

/// `period-not-ended`: the plan's period has not ended.
struct PeriodNotEndedCheck: PlanCheck {
    static let name = "period-not-ended"
    static let firesWhen = "the plan's period ended before today"
    static let needsField = false

    /// The period, and the day it ended.
    struct Values: Sendable {
        var end: CalendarDay
        var period: DateSpan
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("date", "the day the period ended (`31 August 2024`)") { $0.end.spelledOut },
         Placeholder("period", "the plan's period") { $0.period.described }]
    }

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        guard let period = input.context.plan.period, let end = period.span.end, end < input.context.today else { return [] }
        return [CheckFinding(range: period.source.range, values: Values(end: end, period: period.span))]
    }
}
