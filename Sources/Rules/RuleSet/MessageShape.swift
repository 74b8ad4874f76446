/// What a rule's messages may use, given its check and scope: the
/// placeholders its findings fill, and the parts the rule must word.
struct MessageShape: Sendable, Hashable {
    /// The check's name and the rule's scope, for errors.
    var check: String
    var scope: Rule.Scope
    /// The scope's placeholders, then the check's.
    var placeholders: [PlaceholderInfo]
    var parts: [MessagePartInfo]

    /// The placeholders `message` and `help` may use.
    var messageNames: [String] { placeholders.map(\.name) }

    /// The placeholders a part may use: the message's text placeholders and its own.
    func names(inPart part: MessagePartInfo) -> [String] {
        placeholders.filter { !$0.isPart }.map(\.name) + part.placeholders.map(\.name)
    }
}
