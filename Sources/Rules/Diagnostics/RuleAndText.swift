/// A rule with a text of its finding (the text at fault, or its help), as
/// one key, without joining the two into a new string.
package struct RuleAndText: Hashable {
    package var ruleID: String
    package var text: String

    package init(ruleID: String, text: String) {
        self.ruleID = ruleID
        self.text = text
    }
}
