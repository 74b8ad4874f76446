import EqlintPlan

/// `acronyms-defined`: every acronym in the file is known (a vocabulary
/// list), in the Glossary, or spelt out where it is first used (see
/// `AcronymCheck`). Text of the skipped fields is left to other rules.
struct AcronymsDefinedCheck: PlanCheck {
    static let name = "acronyms-defined"
    static let firesWhen = "an acronym is neither in the list, nor in the Glossary, nor spelt out where first used; once per acronym"
    static let needsField = false

    static let vocabulary = CheckOption<String>.vocabulary(default: "acronyms", "the vocabulary list of acronyms every reader knows")
    static let skipFields = CheckOption<Set<String>>.names("skipFields", "fields whose text is left to other rules")
    static let options = [vocabulary.info, skipFields.info]

    /// The acronym as written.
    struct Values: Sendable {
        var found: String
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("found", "the acronym as first written") { $0.found }]
    }

    let list: String
    let skipping: [FieldName]

    init(options: CheckOptions) throws(RuleFileError) {
        skipping = (try options.given(Self.skipFields) ?? []).sorted().map(FieldName.init(rawValue:))
        list = try options.selection(Self.vocabulary).list
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        AcronymCheck(context: input.context, known: list, skipping: skipping).findings().map {
            CheckFinding(range: input.context.source.range(of: $0.span), values: Values(found: $0.word))
        }
    }
}
