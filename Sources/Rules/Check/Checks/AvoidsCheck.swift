import EqlintPlan
import EqlintText

/// `avoids`: each phrase or pattern of a vocabulary list found in the text
/// (the whole file less its comments, the objective's own text, or the
/// entry) is a finding; the group it is in names the better term.
struct AvoidsCheck: PlanCheck, ObjectiveCheck, EntryCheck {
    static let name = "avoids"
    static let firesWhen = "a phrase or pattern of the list is found (in the whole file less comments, the objective's own text, or the "
        + "entry): once for each, pointing at it"
    static let pointsAtFoundText = true
    static let needsField = false

    static let vocabulary = CheckOption<String>.vocabulary("the vocabulary list of phrases to avoid, grouped under the better term")
    static let groups = CheckOption<Set<String>>.groups
    static let options = [vocabulary.info, groups.info]

    /// The text found, and the group it is in.
    struct Values: Sendable {
        var found: String
        var term: String
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        [Placeholder("found", "the phrase as written in the plan (at most 60 characters)") { $0.found },
         Placeholder("term", "the name of the phrase's group in the list: the better term") { $0.term }]
    }

    let selection: VocabularySelection

    init(options: CheckOptions) throws(RuleFileError) {
        selection = try options.selection(Self.vocabulary, groups: Self.groups)
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        let context = input.context
        return avoided(context.find(selection, in: context.publishedSpans) { context.publishedWords[$0][...] }, context)
    }

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>] {
        let words = input.words
        return avoided(input.context.find(selection, in: input.spans) { words[$0] }, input.context)
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>] {
        avoided(input.context.find(selection, in: input.entry.spans), input.context)
    }

    /// A finding for each phrase or pattern of the selection found.
    private func avoided(_ found: [VocabularyMatch], _ context: CheckContext) -> [CheckFinding<Values>] {
        found.map { match in
            CheckFinding(range: context.source.range(of: match.span),
                         values: Values(found: InlineText.plain(context.source.bytes, match.span).shortened(to: 60), term: match.group))
        }
    }
}
