import EqlintPlan

/// `mentions`: the objective's own text (or, for an entry, the entry)
/// names a phrase or pattern of a vocabulary list. With `quote`, an
/// objective that gives that field but names none of the list is told what
/// eqlint read there (`Aim: Removing barriers`), at the field's entry.
struct MentionsCheck: ObjectiveCheck, EntryCheck {
    static let name = "mentions"
    static let firesWhen = "no phrase or pattern of the vocabulary list (or of the named groups) appears in the objective's own text (or in the entry)"
    static let needsField = false

    static let vocabulary = CheckOption<String>.vocabulary("the vocabulary list to look for")
    static let groups = CheckOption<Set<String>>.groups
    static let quote = CheckOption<String>.text(
        "quote", scopes: [.objective],
        "a field (`aim`) whose entry the finding points at and quotes (`{found}`, part `unrecognised`) when the objective gives it but names none of the list")
    static let options = [vocabulary.info, groups.info, quote.info]

    /// What is missing.
    enum Problem: String, Sendable {
        /// Nothing of the list, and no `quote` field.
        case missing
        /// The `quote` field is given, but names nothing of the list.
        case unrecognised
    }

    struct Values: Sendable {
        var problem: Problem
        /// What the `quote` field says, when it is given.
        var found: String = ""
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("problem", "what is missing, worded by the rule's parts (needed only when the message uses it)",
                     parts: [Problem.missing.rawValue, Problem.unrecognised.rawValue]) { .part($0.problem.rawValue) }]
    }

    static let parts: [MessagePart<Values>] = [
        MessagePart(Problem.missing.rawValue, "nothing of the list is named (and the `quote` field is not given)"),
        MessagePart(Problem.unrecognised.rawValue, "the `quote` field is given, but names nothing of the list", placeholders: [
            Placeholder("found", "what the field says, as eqlint read it (at most 60 characters)") { $0.found.shortened(to: 60) },
        ]),
    ]

    let selection: VocabularySelection
    let quoted: FieldName?

    init(options: CheckOptions) throws(RuleFileError) {
        selection = try options.selection(Self.vocabulary, groups: Self.groups)
        quoted = try options.given(Self.quote).map(FieldName.init(rawValue:))
    }

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>] {
        let words = input.words
        guard !input.context.mentions(selection, in: input.spans, words: { words[$0] }) else { return [] }
        if let quoted, let read = input.objective.entries(of: quoted).first(where: { !$0.text.isEmpty }) {
            return [CheckFinding(range: read.range, values: Values(problem: .unrecognised, found: read.text))]
        }
        return [CheckFinding(range: input.objective.anchor, values: Values(problem: .missing))]
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        input.context.mentions(selection, in: input.entry.spans) ? [] : [CheckFinding(range: input.entry.range, values: Values(problem: .missing))]
    }
}
