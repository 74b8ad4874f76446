import EqlintPlan

/// `any-measurable`: at least one of the objective's entries of the field
/// is measurable (silent when there are none). With `statementCounts`, a
/// measure in the objective's statement counts too.
struct AnyMeasurableCheck: ObjectiveCheck, MeasuringCheck {
    static let name = "any-measurable"
    static let firesWhen = "the objective has entries of `field` but none is measurable"
    static let needsField = true

    static let statementCounts = CheckOption<Bool>.flag(
        "statementCounts", default: false, "a measure in the objective's own statement counts as a measurable entry")
    static let options = [MeasurableCheck.vocabulary.info, MeasurableCheck.datesCount.info, statementCounts.info]

    let measurer: Measurability.Key
    let statementCounts: Bool

    init(options: CheckOptions) throws(RuleFileError) {
        measurer = Measurability.Key(list: try options.selection(MeasurableCheck.vocabulary).list,
                                     datesCount: try options.value(MeasurableCheck.datesCount))
        statementCounts = try options.value(Self.statementCounts)
    }

    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<NoValues>] {
        let (context, rule, objective) = (input.context, input.rule, input.objective)
        let entries = context.entries(of: rule.fields)[input.index]
        guard let first = entries.first else { return [] }
        // A stopped pattern is reported at the first entry, whichever entry stopped it.
        let stopped = { (pattern: Pattern) in context.stops.record(pattern, rule: rule, text: first) }
        if entries.contains(where: {
            context.measured.isMeasurable($0, list: measurer.list, datesCount: measurer.datesCount, vocabulary: context.vocabulary,
                                         dates: context.dates, stopped: stopped)
        }) {
            return []
        }
        if statementCounts, context.statementHasMeasure(objective, rule: rule, list: measurer.list) { return [] }
        return [CheckFinding(range: first.range)]
    }
}
