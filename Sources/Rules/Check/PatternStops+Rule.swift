import EqlintPlan

extension PatternStops {
    /// Reports a rule's pattern found stopped on `text` (the first time for
    /// each pattern; later times add nothing).
    func record(_ pattern: Pattern, rule: RuleBasics, text: TextValue) {
        record(pattern, ruleID: rule.id, text: text)
    }
}
