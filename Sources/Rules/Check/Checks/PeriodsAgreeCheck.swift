import EqlintText

/// `periods-agree`: the period in the title agrees with the period in the
/// front matter. A title naming one calendar year (`Equality objectives
/// 2025`) only has to fall within the period; a range must begin and end
/// in the same years as the period.
struct PeriodsAgreeCheck: PlanCheck {
    static let name = "periods-agree"
    static let firesWhen = "the title names a period other than the front matter's"
    static let needsField = false

    /// The period the title names, and the front matter's.
    struct Values: Sendable {
        var titlePeriod: String
        var period: DateSpan
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("titlePeriod", "the period the title names (`2025`, or `September 2025 to July 2028`)") { $0.titlePeriod },
         Placeholder("period", "the front matter's period (`September 2025 to August 2028`)") { $0.period.described }]
    }

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        let plan = input.context.plan
        guard plan.hasFrontMatter("period"), let period = plan.period?.span, let first = period.start, let last = period.end,
              let title = plan.title, let named = DateReader.span(in: title.text), let start = named.start, let end = named.end
        else { return [] }
        let isOneYear = start.year == end.year && start.month == 1 && end.month == 12
        // A period written backwards (`2028-08 to 2025-09`) is no range to be inside.
        let agrees = isOneYear ? first.year <= start.year && start.year <= last.year : start.year == first.year && end.year == last.year
        guard !agrees else { return [] }
        let described = isOneYear ? "\(start.year)" : named.described
        return [CheckFinding(range: title.range, values: Values(titlePeriod: described, period: period))]
    }
}
