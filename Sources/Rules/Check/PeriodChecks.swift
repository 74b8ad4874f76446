/// The checks on dates: the plan's period, and the dates of timescales
/// measured against it.
struct PeriodChecks {
    let plan: Plan
    let today: CalendarDay

    /// A plan-wide date finding, or nil when the plan passes (or the check is not about dates).
    func finding(_ check: Check, anchor: SourceRange) -> Finding? {
        switch check {
        case .periodAtMost(let limit):
            guard let period = plan.period, let years = period.span.years, years > Double(limit) else { return nil }
            return Finding(range: period.source.range, values: ["years": "\(limit)", "period": Self.describe(period.span)])
        case .periodNotEnded:
            guard let period = plan.period, let end = period.span.end, end < today else { return nil }
            return Finding(range: period.source.range, values: ["date": end.spelledOut, "period": Self.describe(period.span)])
        case .notExpired(let limit):
            let basis = plan.published ?? plan.approved ?? plan.period
            guard let basis, let start = basis.span.start, start.adding(years: limit) < today else { return nil }
            return Finding(range: basis.source.range, values: ["date": start.spelledOut, "years": "\(limit)"])
        case .periodsAgree:
            return titleDisagreement()
        default:
            return nil
        }
    }

    /// Message values when an entry's dates are at fault, or nil.
    func problem(_ check: Check, entry: TextValue) -> [String: String]? {
        guard let span = DateReader.span(in: entry.text) else { return nil }
        switch check {
        case .datesInOrder:
            guard let start = span.start, let end = span.end, end < start else { return nil }
            return ["date": end.spelledOut, "problem": "it ends (\(end.spelledOut)) before it starts (\(start.spelledOut))"]
        case .withinPeriod:
            // A month's grace either side: "to September 2024" for a period ending in August.
            guard let period = plan.period?.span, let first = period.start?.adding(months: -1), let last = period.end?.adding(months: 1)
            else { return nil }
            if let start = span.start, start < first {
                return ["period": Self.describe(period), "problem": "it starts on \(start.spelledOut), before the plan's period begins"]
            }
            if let end = span.end, end > last {
                return ["period": Self.describe(period), "problem": "it ends on \(end.spelledOut), after the plan's period ends"]
            }
            return nil
        default:
            return nil
        }
    }

    /// When the front matter gives the period and the title names another.
    /// A title naming one calendar year (`Equality objectives 2025`) only
    /// has to fall within the period; a range must begin and end in the
    /// same years as the period.
    private func titleDisagreement() -> Finding? {
        guard plan.hasFrontMatter("period"), let period = plan.period?.span, let first = period.start, let last = period.end,
              let title = plan.title, let named = DateReader.span(in: title.text), let start = named.start, let end = named.end
        else { return nil }
        let isOneYear = start.year == end.year && start.month == 1 && end.month == 12
        // A period written backwards (`2028-08 to 2025-09`) is no range to be inside.
        let agrees = isOneYear ? first.year <= start.year && start.year <= last.year : start.year == first.year && end.year == last.year
        guard !agrees else { return nil }
        let described = isOneYear ? "\(start.year)" : Self.describe(named)
        return Finding(range: title.range, values: ["text": described, "period": Self.describe(period)])
    }

    /// `September 2025 to July 2026`
    static func describe(_ span: DateSpan) -> String {
        guard let start = span.start, let end = span.end else { return "" }
        return "\(DateReader.monthNames[start.month - 1]) \(start.year) to \(DateReader.monthNames[end.month - 1]) \(end.year)"
    }
}
