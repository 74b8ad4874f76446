/// `measurable`: the entry matches a measure of a vocabulary list, or
/// names a date (see `Measurability` for the decision).
struct MeasurableCheck: EntryCheck, MeasuringCheck {
    static let name = "measurable"
    static let firesWhen = "the entry matches no measure of the list (groups not named `vague...` or `weak...`), and either matches a `vague...` "
        + "pattern or has neither a `weak...` signal nor (with `datesCount`) a date with an end"
    static let needsField = true

    static let vocabulary = CheckOption<String>.vocabulary(default: "measures", "the vocabulary list of measures, vague and weak signals")
    static let datesCount = CheckOption<Bool>.flag("datesCount", default: true, "a date with an end makes an entry with nothing vague measurable")
    static let options = [vocabulary.info, datesCount.info]

    let measurer: Measurability.Key

    init(options: CheckOptions) throws(RuleFileError) {
        measurer = Measurability.Key(list: try options.selection(Self.vocabulary).list, datesCount: try options.value(Self.datesCount))
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<NoValues>] {
        input.context.isMeasurable(input.entry, list: measurer.list, datesCount: measurer.datesCount, rule: input.rule)
            ? [] : [CheckFinding(range: input.entry.range)]
    }
}
