/// The text of `eqlint rules` and `eqlint explain`: what each rule checks,
/// why, and how to fix what it finds.
public enum RuleCatalog {
    /// One line per rule: id, severity, summary, and where a replaced rule comes from.
    public static func listing(_ ruleSet: RuleSet) -> String {
        let idWidth = ruleSet.rules.map(\.id.count).max() ?? 0
        return ruleSet.rules.map { rule in
            var line = rule.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                + rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                + rule.summary
            if ruleSet.replaced[rule.id] != nil { line += " (from \(rule.origin.path), replacing the default)" }
            return line + "\n"
        }.joined()
    }

    /// Everything about one rule, examples included.
    public static func explanation(_ rule: Rule, in ruleSet: RuleSet) -> String {
        var text = "\(rule.id) (\(rule.severity.rawValue))\n\n\(rule.summary)\n\n"
        text += "Why: \(rule.source)\n\n"
        text += "How to fix: \(rule.help)\n\n"
        text += "Defined in: \(rule.origin.path)"
        if let replaced = ruleSet.replaced[rule.id] { text += " (replacing \(replaced.path))" }
        text += "\n"
        for (title, examples) in [("passes", rule.examples.pass), ("fails", rule.examples.fail)] {
            for (index, example) in examples.enumerated() {
                text += "\nExample \(index + 1) that \(title):\n\n"
                text += example.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
                if !text.hasSuffix("\n") { text += "\n" }
            }
        }
        return text
    }
}
