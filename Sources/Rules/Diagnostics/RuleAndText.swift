import EqlintText

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
    /// `String` compares them, canonically) hash alike. Each string hashed
    /// by `ByteText.canonicalHash`, which is cheap for ASCII.
    package var hash64: UInt64 {
        let rule = UInt64(bitPattern: Int64(ByteText.canonicalHash(ruleID)))
        let text = UInt64(bitPattern: Int64(ByteText.canonicalHash(text)))
        // Not symmetric: a rule's hash and a text's swapped make another pair's.
        return (rule &* 0x9E37_79B9_7F4A_7C15) ^ text
    }
}
