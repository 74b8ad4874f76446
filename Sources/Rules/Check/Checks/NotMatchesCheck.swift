import EqlintPlan

/// `not-matches`: the entry does not match the rule's regular expression.
struct NotMatchesCheck: EntryCheck {
    static let name = "not-matches"
    static let firesWhen = "the entry matches the regular expression"
    static let needsField = true

    static let pattern = CheckOption<String>.pattern("the regular expression the entry must not match")
    static let options = [pattern.info, MatchesCheck.caseSensitive.info]

    let pattern: Pattern

    init(options: CheckOptions) throws(RuleFileError) {
        pattern = try options.pattern(Self.pattern, caseSensitive: MatchesCheck.caseSensitive)
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<NoValues>] {
        input.context.match(pattern, input.entry, input.rule) == .found ? [CheckFinding(range: input.entry.range)] : []
    }
}
