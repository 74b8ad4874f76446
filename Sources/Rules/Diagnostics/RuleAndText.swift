/// A rule with a text of its finding (the text at fault, or its help), as
/// one key, without joining the two into a new string.
package struct RuleAndText: Hashable {
    package var ruleID: String
    package var text: String

    package init(ruleID: String, text: String) {
        self.ruleID = ruleID
        self.text = text
    }

    /// The pair's hash in 64 bits, for `Occurrences`: equal pairs (as
    /// `String` compares them, canonically) hash alike.
    package var hash64: UInt64 {
        var hasher = Hasher()
        hasher.combine(ruleID)
        hasher.combine(text)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
