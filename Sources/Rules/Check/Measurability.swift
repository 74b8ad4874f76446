/// Decides whether a success criterion can be measured: it has a number, a
/// percentage, a baseline and target (the `measures` vocabulary's patterns),
/// or a date by which a checkable thing is done.
struct Measurability {
    let patterns: [Pattern]
    let datesCount: Bool

    /// Whether the entry is measurable. A pattern whose match had to be
    /// stopped is passed to `stopped`, and the entry then counts as
    /// measurable: no finding is made on a guess.
    func isMeasurable(_ entry: TextValue, stopped: (Pattern, TextValue) -> Void) -> Bool {
        var unknown = false
        for pattern in patterns {
            switch pattern.match(entry.text) {
            case .found: return true
            case .notFound: continue
            case .stopped:
                stopped(pattern, entry)
                unknown = true
            }
        }
        return unknown || (datesCount && DateReader.span(in: entry.text)?.end != nil)
    }
}
