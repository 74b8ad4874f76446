import EqlintPlan

/// `matches`: the entry matches the rule's regular expression.
struct MatchesCheck: EntryCheck {
    static let name = "matches"
    static let firesWhen = "the entry does not match the regular expression"
    static let needsField = true

    static let pattern = CheckOption<String>.pattern("the regular expression the entry must match")
    static let caseSensitive = CheckOption<Bool>.flag("caseSensitive", default: false, "the pattern tells capitals from small letters")
    static let options = [pattern.info, caseSensitive.info]

    let pattern: Pattern

    init(options: CheckOptions) throws(RuleFileError) {
        pattern = try options.pattern(Self.pattern, caseSensitive: Self.caseSensitive)
    }

    func entryFindings(_ input: EntryInput) -> [CheckFinding<NoValues>] {
        // A stopped match is no finding: it is reported as stopped instead.
        input.context.match(pattern, input.entry, input.rule) == .notFound ? [CheckFinding(range: input.entry.range)] : []
    }
}
