import EqlintPlan

// What a configuration (in EqlintKit) changes in a rule beyond its public
// settings: the rule's check and how it is built stay inside the rule engine.
extension Rule {
    /// Gives the rule a configuration's options in place of its rule file's,
    /// built and checked against the vocabulary as the rule file's are.
    package mutating func configure(options: JSON5Node, reader: NodeReader, vocabulary: Vocabulary) throws(RuleFileError) {
        // Errors name the rule the configuration sets, not its check.
        var configured = definition.overriding(options: options)
        configured.configuredRule = id
        let (check, references) = try configured.build(reader: reader)
        for reference in references {
            if let problem = vocabulary.problem(with: reference.selection) { throw reader.error(problem, at: reference.location) }
        }
        definition = configured
        self.check = check
    }

    /// Whether the rule is the one `requireSuppressionReason` turns on: it
    /// uses the `suppressions-explained` check.
    package var checksSuppressionReasons: Bool { check.kind is SuppressionsExplainedCheck }
}
