import EqlintText
import Rules

extension RuleSet {
    /// The rule set as a configuration changes it: vocabulary added, rules
    /// turned on or off, given a severity or new options. An unknown rule id
    /// is an error at the place the configuration names it.
    public func configured(by configuration: Configuration) throws(RuleFileError) -> RuleSet {
        guard let path = configuration.path else { return self }
        var set = self
        let reader = NodeReader(path: path)
        for (list, groups) in configuration.vocabulary.sorted(by: { $0.key < $1.key }) {
            guard set.vocabulary.lists[list] != nil else {
                let known = set.vocabulary.lists.keys.sorted()
                let hint = Spelling.closest(to: list, in: known).map { "; did you mean '\($0)'?" } ?? "; the lists are \(known.joined(separator: ", "))"
                throw reader.error("no vocabulary list is named '\(list)'\(hint)",
                                   at: configuration.vocabularyLocations[list] ?? SourceLocation(line: 1, column: 1))
            }
            set.vocabulary.add(terms: groups, to: list)
        }
        for setting in configuration.ruleSettings {
            guard let index = set.rules.firstIndex(where: { $0.id == setting.id }) else {
                let hint = suggestion(for: setting.id).map { "; did you mean '\($0)'?" } ?? " (see 'eqlint rules')"
                throw reader.error("no rule is named '\(setting.id)'\(hint)", at: setting.idLocation)
            }
            var rule = set.rules[index]
            if let enabled = setting.enabled { rule.enabled = enabled }
            if let severity = setting.severity { rule.severity = severity }
            if let options = setting.options {
                try rule.configure(options: options, reader: reader, vocabulary: set.vocabulary)
            }
            rule.configuredBy = path
            set.rules[index] = rule
        }
        if configuration.requireSuppressionReason {
            for index in set.rules.indices {
                guard set.rules[index].checksSuppressionReasons else { continue }
                set.rules[index].enabled = true
                set.rules[index].configuredBy = path
            }
        }
        return set
    }
}
