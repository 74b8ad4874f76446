import EqlintText
import Rules

extension RuleSet {
    /// Vocabulary lists whose groups are names eqlint knows, not a trust's
    /// own: a group a configuration adds to must be one of them (a label's
    /// field, an aim of the duty).
    static let closedVocabularyLists = ["labels", "aims"]

    /// The rule set as a configuration changes it: vocabulary added, rules
    /// turned on or off, given a severity or new options. Every error of the
    /// configuration — reading it, an unknown list, group or rule id, an
    /// option its rule's check does not take — is reported at once, in the
    /// order of their places in the file (`RuleFileError.more`).
    public func configured(by configuration: Configuration) throws(RuleFileError) -> RuleSet {
        guard let path = configuration.path else { return self }
        var set = self
        var problems = configuration.problems
        let reader = NodeReader(path: path)
        for (list, groups) in configuration.vocabulary.sorted(by: { $0.key < $1.key }) {
            guard let existing = set.vocabulary.lists[list] else {
                let known = set.vocabulary.lists.keys.sorted()
                let hint = Spelling.closest(to: list, in: known).map { "; did you mean '\($0)'?" } ?? "; the lists are \(known.joined(separator: ", "))"
                problems.append(reader.error("no vocabulary list is named '\(list)'\(hint)",
                                             at: configuration.vocabularyLocations[list] ?? SourceLocation(line: 1, column: 1)))
                continue
            }
            var added = groups
            if Self.closedVocabularyLists.contains(list) {
                let known = Set(existing.terms.keys).union(existing.patterns.keys).sorted()
                for group in groups.keys.sorted() where !known.contains(group) {
                    let (what, whats) = list == "labels" ? ("a field", "fields") : ("one of the groups of '\(list)'", "groups")
                    let hint = Spelling.closest(to: group, in: known).map { "; did you mean '\($0)'?" } ?? ""
                    problems.append(reader.error("'\(group)' is not \(what) eqlint knows\(hint) (the \(whats) are \(known.joined(separator: ", ")))",
                                                 at: configuration.vocabularyGroupLocations[list]?[group] ?? SourceLocation(line: 1, column: 1)))
                    added[group] = nil
                }
            }
            set.vocabulary.add(terms: added, to: list)
        }
        for setting in configuration.ruleSettings {
            guard let index = set.rules.firstIndex(where: { $0.id == setting.id }) else {
                let hint = suggestion(for: setting.id).map { "; did you mean '\($0)'?" } ?? " (see 'eqlint rules')"
                problems.append(reader.error("no rule is named '\(setting.id)'\(hint)", at: setting.idLocation))
                continue
            }
            var rule = set.rules[index]
            if let enabled = setting.enabled { rule.enabled = enabled }
            if let severity = setting.severity { rule.severity = severity }
            if let options = setting.options {
                do throws(RuleFileError) {
                    try rule.configure(options: options, reader: reader, vocabulary: set.vocabulary)
                } catch {
                    problems.append(error)
                }
            }
            rule.configuredBy = path
            set.rules[index] = rule
        }
        if let error = RuleFileError(all: problems) { throw error }
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
