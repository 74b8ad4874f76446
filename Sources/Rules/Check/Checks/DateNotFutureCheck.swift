import EqlintPlan
import EqlintText

/// `date-not-future`: a date the plan gives of itself (its `field`: its
/// publication, its approval) has begun by today.
struct DateNotFutureCheck: PlanCheck {
    static let name = "date-not-future"
    static let firesWhen = "the plan's date `field` (`published`, `approved`) begins after today"
    static let needsField = true

    struct Values: Sendable {
        var date: DatedText
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("date", "the first day the date covers (`1 October 2027`)") { $0.date.span.start?.spelledOut ?? "" }]
    }

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        for field in input.rule.fields {
            guard let date = input.context.plan.date(field.rawValue), let start = date.span.start,
                  start > input.context.today else { continue }
            return [CheckFinding(range: date.source.range, values: Values(date: date))]
        }
        return []
    }
}
