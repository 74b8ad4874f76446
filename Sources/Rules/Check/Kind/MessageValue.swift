/// What one placeholder of a message stands for in one finding: text, or a
/// message part (worded in the rule file) to render in its place.
enum MessageValue: Sendable, Hashable {
    /// Text put in as it is.
    case text(String)
    /// The rule's part of this name, rendered with the same finding's values.
    case part(String)
}

/// A finding's placeholder values, by placeholder name.
typealias MessageValues = [String: MessageValue]
