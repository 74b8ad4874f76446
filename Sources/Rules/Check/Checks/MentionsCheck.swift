import EqlintPlan

/// `mentions`: the objective's own text (or, for an entry, the entry)
/// names a phrase or pattern of a vocabulary list.
struct MentionsCheck: ObjectiveCheck, EntryCheck {
    static let name = "mentions"
    static let firesWhen = "no phrase or pattern of the vocabulary list (or of the named groups) appears in the objective's own text (or in the entry)"
    static let needsField = false

    static let vocabulary = CheckOption<String>.vocabulary("the vocabulary list to look for")
    static let groups = CheckOption<Set<String>>.groups
    static let options = [vocabulary.info, groups.info]

    let selection: VocabularySelection

    init(options: CheckOptions) throws(RuleFileError) {
        selection = try options.selection(Self.vocabulary, groups: Self.groups)
    }

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<NoValues>] {
        input.context.mentions(selection, in: input.spans) ? [] : [CheckFinding(range: input.objective.anchor)]
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<NoValues>] {
        input.context.mentions(selection, in: input.entry.spans) ? [] : [CheckFinding(range: input.entry.range)]
    }
}
