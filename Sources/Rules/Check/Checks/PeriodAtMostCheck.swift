import EqlintText

/// `period-at-most`: the plan's period is at most this many years.
struct PeriodAtMostCheck: PlanCheck {
    static let name = "period-at-most"
    static let firesWhen = "the plan's period is longer than `years` years"
    static let needsField = false

    static let years = CheckOption<Int>.count("years", "the most years the plan's period may cover")
    static let options = [years.info]

    /// The limit, and the period that passes it.
    struct Values: Sendable {
        var years: Int
        var period: DateSpan
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("years", "the option `years`") { "\($0.years)" },
         Placeholder("period", "the plan's period (`September 2018 to August 2024`)") { $0.period.described }]
    }

    let years: Int

    init(options: CheckOptions) throws(RuleFileError) {
        years = try options.value(Self.years)
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        guard let period = input.context.plan.period, let length = period.span.years, length > Double(years) else { return [] }
        return [CheckFinding(range: period.source.range, values: Values(years: years, period: period.span))]
    }
}
