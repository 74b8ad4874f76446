/// Decides whether a success criterion can be measured: it has a number, a
/// percentage, a baseline and target (the `measures` vocabulary's patterns),
/// or a date by which a checkable thing is done.
struct Measurability {
    let patterns: [Pattern]
    let datesCount: Bool

    func isMeasurable(_ text: String) -> Bool {
        if patterns.contains(where: { $0.matches(text) }) { return true }
        return datesCount && DateReader.span(in: text)?.end != nil
    }
}

/// What one plan's check has found measurable, so that rules asking the
/// same question of the same entry (`criterion-vague` of each success
/// criterion, `objective-measurable` of the objective's) run the patterns once.
final class MeasurabilityMemo {
    private struct Key: Hashable {
        var list: String
        var datesCount: Bool
        var text: String
    }

    private var known: [Key: Bool] = [:]

    func isMeasurable(_ text: String, list: String, datesCount: Bool, vocabulary: Vocabulary) -> Bool {
        let key = Key(list: list, datesCount: datesCount, text: text)
        if let answer = known[key] { return answer }
        let answer = Measurability(patterns: vocabulary.allPatterns(of: list), datesCount: datesCount).isMeasurable(text)
        known[key] = answer
        return answer
    }
}
