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
