/// Why an `eqlint-` comment in a plan has no effect (the `unused-suppression`
/// rule's parts word each kind).
enum IneffectiveSuppression: Sendable, Hashable {
    /// Its first word is not an eqlint instruction; the nearest one, if one is near.
    case notAnInstruction(String, suggestion: String?)
    /// It names a rule there is not; the nearest rule id, if one is near.
    case unknownRule(String, suggestion: String?)
    /// It silences nothing: what kind of directive it is, and the rules it
    /// names (none: every rule).
    case unused(SuppressionDirective.Kind, ruleIDs: [String])
    /// An instruction that must be on a line of its own, in a line of text (at the end of a heading).
    case inLine(SuppressionDirective.Kind)
    /// `eqlint-disable-line` on a line of its own: the rules it names.
    case lineOnItsOwn(ruleIDs: [String])
}
