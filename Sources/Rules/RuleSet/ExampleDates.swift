import EqlintText

/// Dates a rule's `help` may use in its examples, worked out from the day
/// the plans are checked on, so advice never suggests a date already past:
/// `{today}` (`2026-12-02`), `{today-long}` (`2 December 2026`), and
/// `{year}` to `{year3}`: the year the school year now under way began
/// (from August, the one about to begin) and the three after it. A help
/// of "period: {year}-09 to {year3}-08" reads "period: 2026-09 to 2029-08".
enum ExampleDates {
    /// Each placeholder's name and what it holds, for the rule loader and the docs.
    static let placeholders: [(name: String, meaning: String)] = [
        ("today", "the day checked on, `2026-12-02`"),
        ("today-long", "the same day in words, `2 December 2026`"),
        ("year", "the year the school year under way began (from August, the year about to begin)"),
        ("year1", "the year after `{year}`"),
        ("year2", "two years after `{year}`"),
        ("year3", "three years after `{year}`"),
    ]

    static var names: [String] { placeholders.map(\.name) }

    /// The placeholders' values on a day.
    static func values(on day: CalendarDay) -> [String: String] {
        let year = day.month >= 8 ? day.year : day.year - 1
        return [
            "today": isoText(day), "today-long": day.spelledOut,
            "year": "\(year)", "year1": "\(year + 1)", "year2": "\(year + 2)", "year3": "\(year + 3)",
        ]
    }
}

extension ExampleDates {
    /// The day as `CalendarDay.description` writes it, `2026-12-02`, without
    /// Foundation's `String(format:)`, which cost about 0.9 million instructions a run.
    static func isoText(_ day: CalendarDay) -> String {
        guard (0...9999).contains(day.year), (0...99).contains(day.month), (0...99).contains(day.day) else { return day.description }
        func digits(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: width - text.utf8.count) + text
        }
        return digits(day.year, 4) + "-" + digits(day.month, 2) + "-" + digits(day.day, 2)
    }
}

extension RuleSet {
    /// The rule set with every rule's help showing example dates for a day.
    func withExampleDates(on day: CalendarDay) -> RuleSet {
        var copy = self
        let dates = ExampleDates.values(on: day)
        for index in copy.rules.indices {
            guard let template = copy.rules[index].helpTemplate,
                  template.placeholderNames.contains(where: { dates[$0] != nil }) else { continue }
            let help = template.filling(dates)
            copy.rules[index].help = help
            copy.rules[index].helpTemplate = RuleMessages.helpTemplate(help)
        }
        return copy
    }
}
