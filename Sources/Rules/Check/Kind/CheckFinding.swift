import EqlintText

/// A problem a check found: where it is, and the check's typed values for
/// the rule's message.
struct CheckFinding<Values: Sendable>: Sendable {
    var range: SourceRange
    var values: Values
}

extension CheckFinding where Values == NoValues {
    /// A finding whose check fills no placeholder of its own.
    init(range: SourceRange) {
        self.init(range: range, values: NoValues())
    }
}

/// The values of a check whose findings fill no placeholder of their own
/// (its scope's may still be used: `{objective}`, `{text}`).
struct NoValues: Sendable {}

/// A finding ready for a rule's message: its place, and every placeholder
/// its check and scope fill, by name.
struct Finding: Sendable {
    var range: SourceRange
    var values: MessageValues
    /// What part of the plan it is about, for `supersedes` (set by `CheckContext`).
    var place: FindingPlace?
}
