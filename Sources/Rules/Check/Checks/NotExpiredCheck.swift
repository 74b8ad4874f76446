import EqlintText

/// `not-expired`: fewer than this many years have passed since the plan
/// was published (else approved, else since its period began).
struct NotExpiredCheck: PlanCheck {
    static let name = "not-expired"
    static let firesWhen = "`years` years have passed since the plan was published (or, with no publication date, since its period began)"
    static let needsField = false

    static let years = CheckOption<Int>.count("years", "how many years a plan's objectives last")
    static let options = [years.info]

    /// The day the plan dates from, and the limit.
    struct Values: Sendable {
        var start: CalendarDay
        var years: Int
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("date", "the day the plan dates from (`1 October 2022`)") { $0.start.spelledOut },
         Placeholder("years", "the option `years`") { "\($0.years)" }]
    }

    let years: Int

    init(options: CheckOptions) throws(RuleFileError) {
        years = try options.value(Self.years)
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        let plan = input.context.plan
        let basis = plan.published ?? plan.approved ?? plan.period
        guard let basis, let start = basis.span.start, start.adding(years: years) < input.context.today else { return [] }
        return [CheckFinding(range: basis.source.range, values: Values(start: start, years: years))]
    }
}
