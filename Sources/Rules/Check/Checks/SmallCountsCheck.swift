import EqlintPlan

/// `small-counts`: a count below `below` next to a group of people (from a
/// vocabulary list) could identify individual pupils (see `SmallCounts`).
struct SmallCountsCheck: PlanCheck {
    static let name = "small-counts"
    static let firesWhen = "a number below `below` comes just before a group of people from the list (`3 pupils`), not a year group, age or percentage"
    static let pointsAtFoundText = true
    static let needsField = false

    static let below = CheckOption<Int>.count("below", default: 5, "counts below this are small enough to identify someone")
    static let vocabulary = CheckOption<String>.vocabulary("the vocabulary list of groups of people")
    static let options = [below.info, vocabulary.info, CheckOption<Set<String>>.groups.info]

    /// The count and the people, as written.
    struct Values: Sendable {
        var found: String
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("found", "the count and the group, as written (`3 pupils`)") { $0.found }]
    }

    let below: Int
    let people: VocabularySelection

    init(options: CheckOptions) throws(RuleFileError) {
        below = try options.value(Self.below)
        people = try options.selection(Self.vocabulary, groups: .groups)
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        let context = input.context
        return SmallCounts(below: below, people: people, vocabulary: context.vocabulary, lineBreaksAreSpaces: context.isMarkup)
            .find(in: context.source.bytes, words: context.publishedWords)
            .map { CheckFinding(range: context.source.range(of: $0), values: Values(found: context.source.text($0))) }
    }
}
