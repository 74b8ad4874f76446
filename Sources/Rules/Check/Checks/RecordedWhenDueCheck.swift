import EqlintPlan
import EqlintText

/// `recorded-when-due`: once the objective's last date has passed, the
/// field (an evaluation or progress) is given, with more in it than a date
/// (`Review: July 2025` records nothing); a label for the field with nothing
/// under it is reported at any time.
struct RecordedWhenDueCheck: ObjectiveCheck {
    static let name = "recorded-when-due"
    static let firesWhen = "the objective's last timescale date has passed and `field` has no entries but dates (`Review: July 2025`), or `field` is a heading left empty"
    static let needsField = true

    /// What is missing.
    enum Problem: String, Sendable {
        /// A label for the field with nothing under it.
        case emptySection
        /// The last date has passed and nothing is recorded.
        case overdue
    }

    struct Values: Sendable {
        var problem: Problem
        /// The objective's last date, when it is overdue.
        var due: CalendarDay?
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("problem", "what is missing, worded by the rule's parts",
                     parts: [Problem.emptySection.rawValue, Problem.overdue.rawValue]) { .part($0.problem.rawValue) }]
    }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Problem.emptySection.rawValue, "the field's heading or label has nothing under it"),
        MessagePart(Problem.overdue.rawValue, "the objective's last date has passed and the field is not given",
                    placeholders: [Placeholder("date", "the objective's last date, as `31 July 2026`") { $0.due?.spelledOut ?? "" }]),
    ]

    init(options: CheckOptions) {}

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>] {
        let (fields, context) = (input.rule.fields, input.context)
        // The fields read in place, none copied: the first given with nothing under it is reported.
        for field in fields where input.objective.fields.contains(field) && !input.objective.fields.hasEntries(field) {
            return [CheckFinding(range: input.objective.fields[field]!.label, values: Values(problem: .emptySection))]
        }
        // `**Review:** July 2025` says when progress is due, not what it was.
        guard !context.entries(of: fields)[input.index].contains(where: { Self.recordsSomething($0.text) }) else { return [] }
        // The objective's last date, its timescale entries walked in place.
        let timescales = context.entries(of: Self.timescale)[input.index]
        var last: CalendarDay?
        for index in timescales.indices {
            guard let end = context.dates.span(in: timescales[index].text)?.end else { continue }
            if last.map({ end > $0 }) ?? true { last = end }
        }
        guard let end = last, end < context.today else { return [] }
        return [CheckFinding(range: input.objective.anchor, values: Values(problem: .overdue, due: end))]
    }

    /// Words that only say when something happens: months, terms, and the
    /// words around a date or a schedule ("Next review: Summer term 2026").
    private static let whenWordList: [String] = DateReader.monthNames.flatMap { [$0.lowercased(), String($0.lowercased().prefix(3))] } + [
        "sept", "autumn", "spring", "summer", "easter", "term", "terms", "half", "review", "reviewed", "reviews", "next",
        "date", "due", "by", "in", "on", "at", "the", "of", "end", "and", "to", "from", "until", "before", "a", "an",
        "academic", "school", "year", "years", "termly", "annually", "yearly", "monthly", "weekly", "each", "every",
        "ongoing", "st", "nd", "rd", "th", "tbc", "tba", "tbd",
    ]
    private static let whenWords: Set<String> = Set(whenWordList)
    /// The same words, to find those of ASCII text without making a `String` of each.
    private static let whenDateWords: [DateWord] = whenWordList.map(DateWord.init)

    /// The timescale field, as the timescale rules ask for it: their entries are gathered once.
    private static let timescale: [FieldName] = [.timescale]

    /// Whether an entry records something: it has a word besides a date or a
    /// schedule. `July 2025` or `Next review: Summer term 2026` records no progress.
    static func recordsSomething(_ text: String) -> Bool {
        var text = text
        if let ascii = text.withUTF8({ recordsSomething(ascii: $0) }) { return ascii }
        var word = ""
        for character in text.lowercased() + " " {
            if character.isLetter {
                word.append(character)
            } else {
                if !word.isEmpty, !whenWords.contains(word) { return true }
                word = ""
            }
        }
        return false
    }

    /// `recordsSomething` of ASCII text, whose letters are `A`-`Z` and
    /// `a`-`z`, read over its bytes; nil when the text is not ASCII.
    private static func recordsSomething(ascii text: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !text.contains(where: { $0 >= 0x80 }) else { return nil }
        var index = 0
        while index < text.count {
            guard DateWord.isLetter(text[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < text.count, DateWord.isLetter(text[index]) { index += 1 }
            if !whenDateWords.contains(DateWord(letters: text, start..<index)) { return true }
        }
        return false
    }
}
