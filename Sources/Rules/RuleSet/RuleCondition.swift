import EqlintPlan

/// Where a rule applies: its `when` (the text must mention something) or
/// `unless` (it must not). The text is the rule's subject: the whole file,
/// the objective's own text, or the entry.
///
///     when: { vocabulary: "people", groups: ["pupils"] }
///     unless: { pattern: "\\bfrom\\b" }
public struct RuleCondition: Sendable {
    /// What is looked for.
    public enum Test: Sendable {
        /// A phrase or pattern of a vocabulary list.
        case mentions(VocabularySelection)
        /// A regular expression.
        case matches(Pattern)
    }

    public var test: Test
    /// True for `when` (the test must pass), false for `unless` (it must not).
    public var isRequired: Bool

    /// Reads `when` or `unless` from a rule file.
    static func read(_ node: JSON5Node, isRequired: Bool, reader: NodeReader) throws(RuleFileError) -> (RuleCondition, VocabularyReference?) {
        let key = isRequired ? "'when'" : "'unless'"
        let members = try reader.members(of: node, allowed: ["vocabulary", "groups", "pattern", "caseSensitive"], in: key)
        switch (members["vocabulary"], members["pattern"]) {
        case (let vocabulary?, nil):
            let groups = try members["groups"].map { member throws(RuleFileError) in try reader.names(member.value, "'groups'") }
            let selection = VocabularySelection(list: try reader.nonEmptyString(vocabulary.value, "'vocabulary'"), groups: groups)
            return (RuleCondition(test: .mentions(selection), isRequired: isRequired),
                    VocabularyReference(selection: selection, location: vocabulary.value.location))
        case (nil, let pattern?):
            let caseSensitive = try members["caseSensitive"].map { member throws(RuleFileError) in try reader.bool(member.value, "'caseSensitive'") } ?? false
            return (RuleCondition(test: .matches(try reader.pattern(pattern.value, "'pattern'", caseSensitive: caseSensitive)), isRequired: isRequired), nil)
        default:
            throw reader.error("\(key) needs either 'vocabulary' (a list to mention) or 'pattern', not both", at: node.location)
        }
    }
}
