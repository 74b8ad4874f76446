import EqlintPlan

/// `acronyms-defined`: every acronym in the file is known (a vocabulary
/// list), in the Glossary, or spelt out where it is first used (see
/// `AcronymCheck`). Text of the skipped fields is left to other rules.
struct AcronymsDefinedCheck: PlanCheck {
    static let name = "acronyms-defined"
    static let firesWhen = "an acronym is neither in the list, nor in the Glossary, nor spelt out where first used; once per acronym"
    static let pointsAtFoundText = true
    static let needsField = false

    static let vocabulary = CheckOption<String>.vocabulary(default: "acronyms", "the vocabulary list of acronyms every reader knows")
    static let skipFields = CheckOption<Set<String>>.names("skipFields", "fields whose text is left to other rules")
    static let alsoKnown = CheckOption<String>.text("alsoKnown", "another vocabulary list whose terms need no spelling out either")
    static let alsoKnownGroups = CheckOption<Set<String>>.names("alsoKnownGroups", "only these groups of `alsoKnown` count")
    static let options = [vocabulary.info, skipFields.info, alsoKnown.info, alsoKnownGroups.info]

    /// The acronym as written.
    struct Values: Sendable {
        var found: String
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("found", "the acronym as first written") { $0.found }]
    }

    let list: String
    let skipping: [FieldName]
    /// The other list (and groups) whose terms count as known.
    let also: VocabularySelection?

    init(options: CheckOptions) throws(RuleFileError) {
        skipping = (try options.given(Self.skipFields) ?? []).sorted().map(FieldName.init(rawValue:))
        list = try options.selection(Self.vocabulary).list
        let groups = try options.given(Self.alsoKnownGroups)
        if let other = try options.given(Self.alsoKnown) {
            let selection = VocabularySelection(list: other, groups: groups)
            let location = options.given[Self.alsoKnownGroups.name]?.value.location ?? options.given[Self.alsoKnown.name]!.value.location
            options.refer(to: selection, at: location)
            also = selection
        } else if let member = options.given[Self.alsoKnownGroups.name] {
            throw options.error("'alsoKnownGroups' needs 'alsoKnown', the list the groups are in", at: member.keyLocation)
        } else {
            also = nil
        }
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        // The other list's terms made keys (`AlsoKnownTerms`): fewer steps than upper-casing and
        // hashing every term into a set for each plan. A rule names a group or two: each compared
        // for equality, cheaper than hashing every group's name to look it up in the set.
        var alsoKnown = AlsoKnownTerms([])
        if let also, let other = input.context.vocabulary.lists[also.list] {
            for (group, terms) in other.terms where also.groups?.contains(where: { $0 == group }) ?? true { alsoKnown.add(terms) }
        }
        return AcronymCheck(context: input.context, known: list, skipping: skipping, alsoKnown: alsoKnown).findings().map {
            CheckFinding(range: input.context.source.range(of: $0.span), values: Values(found: $0.word))
        }
    }
}
