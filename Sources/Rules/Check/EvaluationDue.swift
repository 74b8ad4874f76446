/// Whether an objective whose time is up records how it went: an
/// evaluation or progress field (the rule's fields), given once the last
/// date of its timescale has passed, and never a heading left empty.
struct EvaluationDue {
    let today: CalendarDay

    /// Where the problem is and what it is, or nil when there is none.
    func finding(_ objective: Objective, fields: [FieldName]) -> (range: SourceRange, problem: String)? {
        let given = fields.compactMap { objective.fields[$0] }
        if let empty = given.first(where: { $0.entries.isEmpty }) {
            return (empty.label, "has an empty evaluation section: record the progress made so far")
        }
        let recorded = fields.contains { !objective.entries(of: $0).isEmpty }
        let ends = objective.entries(of: .timescale).compactMap { DateReader.span(in: $0.text)?.end }
        guard !recorded, let end = ends.max(), end < today else { return nil }
        return (objective.anchor, "was due by \(end.spelledOut), and no evaluation or progress is recorded")
    }
}
