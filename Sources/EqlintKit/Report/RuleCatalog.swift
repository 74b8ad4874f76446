import Rules

/// The text of `eqlint rules` and `eqlint explain`: what each rule checks,
/// why, and how to fix what it finds.
public enum RuleCatalog {
    /// One line per rule: id, severity (or `off`), summary, and where a rule
    /// not from the defaults, or changed by a configuration, comes from.
    public static func listing(_ ruleSet: RuleSet) -> String {
        let idWidth = ruleSet.rules.map(\.id.count).max() ?? 0
        return ruleSet.rules.map { rule in
            var line = rule.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                + (rule.enabled ? rule.severity.rawValue : "off").padding(toLength: 9, withPad: " ", startingAt: 0)
                + rule.basis.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
                + rule.summary
            var notes: [String] = []
            if ruleSet.replaced[rule.id] != nil {
                notes.append("from \(rule.origin.path), replacing the default")
            } else if !rule.origin.isDefault {
                notes.append("from \(rule.origin.path)")
            }
            if let configuration = rule.configuredBy { notes.append("set by \(configuration)") }
            if !notes.isEmpty { line += " (\(notes.joined(separator: "; ")))" }
            return line + "\n"
        }.joined()
    }

    /// Everything about one rule: what the duty or guidance says, why it
    /// matters, how to fix it, and its examples.
    public static func explanation(_ rule: Rule, in ruleSet: RuleSet) -> String {
        var text = "\(rule.id) (\(rule.enabled ? rule.severity.rawValue : "off"))\n\n\(rule.summary)\n\n"
        text += "What it rests on:\n\(indented(basisSentence(rule.basis)))\n\n"
        text += "What the duty or guidance says:\n\(indented(rule.source))\n\n"
        if let why = rule.why { text += "Why it matters:\n\(indented(why))\n\n" }
        text += "How to fix it:\n\(indented(rule.help))\n\n"
        if !rule.supersedes.isEmpty {
            text += "Reported instead of:\n\(indented(rule.supersedes.joined(separator: ", ") + ": where this rule finds a problem at the same place, only this rule's finding is shown."))\n\n"
        }
        let supersededBy = ruleSet.rules.filter { $0.supersedes.contains(rule.id) }.map(\.id)
        if !supersededBy.isEmpty {
            text += "Gives way to:\n\(indented(supersededBy.joined(separator: ", ") + ": where that rule finds a problem at the same place, only its finding is shown."))\n\n"
        }
        text += "Defined in: \(rule.origin.path)"
        if let replaced = ruleSet.replaced[rule.id] { text += " (replacing \(replaced.path))" }
        if let configuration = rule.configuredBy { text += "; changed by \(configuration)" }
        text += "\n"
        for (title, examples) in [("A good example (passes)", rule.examples.pass), ("A bad example (fails)", rule.examples.fail)] {
            for (index, example) in examples.enumerated() {
                text += "\n\(title)\(examples.count > 1 ? " \(index + 1) of \(examples.count)" : ""):\n\n"
                text += example.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
                if !text.hasSuffix("\n") { text += "\n" }
            }
        }
        return text
    }

    /// `docs/rules.md`: every rule's explanation, one section per rule, so
    /// the README can link to each.
    public static func reference(_ ruleSet: RuleSet) -> String {
        var text = "# eqlint rules\n\n"
        text += "Generated from `rules/`: `eqlint explain RULE-ID` prints the same for one rule.\n"
        text += "After changing a rule, run `EQLINT_RECORD_SNAPSHOTS=1 swift test --filter Documentation` to regenerate this page.\n"
        for rule in ruleSet.rules {
            text += "\n## \(rule.id)\n\n```text\n\(explanation(rule, in: ruleSet))```\n"
        }
        return text
    }

    /// What a rule's basis means, in a sentence.
    public static func basisSentence(_ basis: Basis) -> String {
        switch basis {
        case .law:
            return "The law (basis: law): the Equality Act 2010 or the Specific Duties Regulations 2017 require it, "
                + "so a finding is a legal requirement the plan does not meet."
        case .guidance:
            return "Guidance (basis: guidance): official advice (DfE, EHRC or government guidance) recommends it; "
                + "the law does not require it, so a finding is a recommendation."
        case .goodPractice:
            return "Good practice (basis: good-practice): it makes the plan clearer or more useful; neither the law nor "
                + "official guidance requires it, so a finding is a recommendation."
        }
    }

    /// Text wrapped at about 76 columns and indented by two spaces.
    private static func indented(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > 76 {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? "  \(word)" : " \(word)"
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
