import EqlintPlan
import EqlintText

/// `present`: the rule's field is given (any of its fields will do, or
/// with `all`, every one). For an objective, actions may stand in for it as
/// `inActions` says, and with `statementCounts` a measure in its statement
/// ("… to 95% by July 2025") counts as the field given. For a plan, a field
/// is given in the front matter, or by the file mentioning a phrase of the
/// vocabulary group named after the field (`mentions`: "approved by the
/// governing board").
struct PresentCheck: PlanCheck, ObjectiveCheck, ActionCheck {
    static let name = "present"
    static let firesWhen = "none of `field` is given (with `all`: any is missing). Plan fields: `period`, `published`, a front matter key, "
        + "or with `mentions: LIST` a phrase of the list's group named after the field; with `inActions`, any or every action may stand "
        + "in; with `statementCounts`, a measure in the objective's own statement (\"… from 88% to 94% by July 2026\") counts as the field given"
    static let needsField = true

    /// How actions may stand in for an objective's own field.
    enum ActionQuantifier: String, Sendable, CaseIterable {
        /// Only the objective's own field counts.
        case none
        /// One action having it is enough.
        case any
        /// Every action must have it (and there must be actions).
        case every
    }

    static let inActions = CheckOption<ActionQuantifier>.choice(
        "inActions", default: .none, scopes: [.objective], "whether one action (any) or every action having the field stands in for the objective's own")
    static let statementCounts = CheckOption<Bool>.flag(
        "statementCounts", default: false, scopes: [.objective], "a measure in the objective's own statement counts as the field given")
    static let all = CheckOption<Bool>.flag("all", default: false, scopes: [.plan], "every one of the fields must be given, not any one")
    static let mentions = CheckOption<String>.text(
        "mentions", scopes: [.plan], "a vocabulary list whose group named after a field, mentioned anywhere, gives the field")
    static let options = [inActions.info, statementCounts.info, all.info, mentions.info]

    /// The fields a plan is missing.
    struct Values: Sendable {
        var missing: [FieldName] = []
        var every = false
    }

    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>] {
        guard scope == .plan else { return [] }
        return [Placeholder("field", "the fields missing, joined with 'or' (with `all`, 'and')") {
            $0.missing.map(\.rawValue).concatenated(separator: $0.every ? " and " : " or ")
        }]
    }

    let inActions: ActionQuantifier
    let all: Bool
    let mentions: String?
    let statementCounts: Bool

    init(options: CheckOptions) throws(RuleFileError) {
        inActions = try options.value(Self.inActions)
        statementCounts = try options.value(Self.statementCounts)
        all = try options.value(Self.all)
        mentions = try options.given(Self.mentions)
        if let mentions {
            // Each field is looked for in the group of the same name.
            options.refer(to: VocabularySelection(list: mentions, groups: Set(options.fields.map(\.rawValue))),
                          at: options.given[Self.mentions.name]!.value.location)
        }
    }

    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>] {
        let missing = input.rule.fields.filter { !gives($0, input.context) }
        let fails = all ? !missing.isEmpty : missing.count == input.rule.fields.count
        guard fails else { return [] }
        return [CheckFinding(range: input.context.planAnchor, values: Values(missing: missing, every: all))]
    }

    /// Whether the plan gives a field: in its front matter, or (with
    /// `mentions`) by mentioning a phrase of the field's group anywhere.
    private func gives(_ field: FieldName, _ context: CheckContext) -> Bool {
        let plan = context.plan
        switch field.rawValue {
        // A date given but unreadable is reported by its own rule, not as missing.
        case "period": return plan.period != nil || plan.hasFrontMatter("period")
        case "published":
            return plan.published != nil || plan.approved != nil || plan.hasFrontMatter("published") || plan.hasFrontMatter("approved")
        case "title": return plan.title != nil
        default:
            // `approved` and `review` may come from the text (`Next review: October 2027`).
            if plan.hasFrontMatter(field.rawValue) || plan.date(field.rawValue) != nil { return true }
            guard let mentions else { return false }
            let selection = VocabularySelection(list: mentions, groups: [field.rawValue])
            return context.mentions(selection, in: context.publishedSpans) { context.publishedWords[$0][...] }
        }
    }

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>] {
        let (context, rule) = (input.context, input.rule)
        // The objective read in place (not copied out of the input), the finding's array made only when it fires.
        if context.hasAny(rule.fields, in: input.objective.fields) { return [] }
        if statementCounts, context.statementHasMeasure(input.objective, rule: rule) { return [] }
        let given: Bool
        switch inActions {
        case .none: given = false
        case .any: given = input.objective.actions.contains { context.hasAny(rule.fields, in: $0.fields) }
        case .every: given = !input.objective.actions.isEmpty && input.objective.actions.allSatisfy { context.hasAny(rule.fields, in: $0.fields) }
        }
        return given ? [] : [CheckFinding(range: input.objective.anchor, values: Values())]
    }

    func actionFindings(_ input: ActionInput) -> [CheckFinding<Values>] {
        input.context.hasAny(input.rule.fields, in: input.action.fields) ? [] : [CheckFinding(range: input.action.anchor, values: Values())]
    }
}
