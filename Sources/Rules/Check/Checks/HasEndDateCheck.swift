import EqlintText

/// `has-end-date`: the entry names a concrete end date.
struct HasEndDateCheck: EntryCheck {
    static let name = "has-end-date"
    static let firesWhen = "the entry names no concrete end date"
    static let needsField = true

    init(options: CheckOptions) {}

    func entryFindings(_ input: EntryInput) -> [CheckFinding<NoValues>] {
        // A date that cannot be read is reported as that, not as missing.
        switch input.context.dates.reading(of: input.entry.text) {
        case .date(let span): return span.end == nil ? [CheckFinding(range: input.entry.range)] : []
        case .unreadable: return []
        case .none: return [CheckFinding(range: input.entry.range)]
        }
    }
}
