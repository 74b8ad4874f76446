import EqlintText

/// `dates-in-order`: the entry's dates run forwards: its end is not before its start.
struct DatesInOrderCheck: EntryCheck {
    static let name = "dates-in-order"
    static let firesWhen = "the entry's end date is before its start date"
    static let needsField = true

    /// The dates, the wrong way round.
    struct Values: Sendable {
        var start: CalendarDay
        var end: CalendarDay
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("start", "the day the entry starts (`1 September 2026`)") { $0.start.spelledOut },
         Placeholder("end", "the day the entry ends, before it starts") { $0.end.spelledOut }]
    }

    init(options: CheckOptions) {}

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        guard let span = input.context.dates.span(in: input.entry.text), let start = span.start, let end = span.end, end < start else { return [] }
        return [CheckFinding(range: input.entry.range, values: Values(start: start, end: end))]
    }
}
