/// A name a rule's message may use in braces (`{years}`), what it stands
/// for, and how a check's finding fills it from its typed values.
///
/// Each check declares the placeholders its findings fill; a rule's
/// `message` (and `help`, and its `parts`) may use only those of its check
/// and scope, checked when the rules load.
struct Placeholder<Values>: Sendable {
    /// The name between the braces.
    let name: String
    /// What it stands for, in a sentence (for the docs' tables and errors).
    let meaning: String
    /// The parts a value may name, for a placeholder filled with a message
    /// part (`{problem}`); empty for one filled with text only.
    let parts: [String]
    /// The value for one finding.
    let value: @Sendable (Values) -> MessageValue

    /// A placeholder filled with text.
    init(_ name: String, _ meaning: String, _ text: @escaping @Sendable (Values) -> String) {
        self.name = name
        self.meaning = meaning
        parts = []
        value = { .text(text($0)) }
    }

    /// A placeholder filled with one of some message parts (or, where
    /// `value` says, with text), which the rule file words.
    init(_ name: String, _ meaning: String, parts: [String], _ value: @escaping @Sendable (Values) -> MessageValue) {
        self.name = name
        self.meaning = meaning
        self.parts = parts
        self.value = value
    }

    /// The same placeholder read from other values (a scope's from a finding's, say).
    func pulledBack<Other>(_ transform: @escaping @Sendable (Other) -> Values) -> Placeholder<Other> {
        let value = self.value
        return Placeholder<Other>(name, meaning, parts: parts) { value(transform($0)) }
    }

    /// What the docs' tables and errors say of it: name and meaning.
    var info: PlaceholderInfo { PlaceholderInfo(name: name, meaning: meaning, parts: parts) }
}

/// A placeholder without its values' type: what the loader validates
/// messages against and the docs' tables list.
struct PlaceholderInfo: Sendable, Hashable {
    var name: String
    var meaning: String
    /// The parts it may be filled with (empty: text only).
    var parts: [String]

    /// Whether it is filled with a message part (and so cannot be used inside one).
    var isPart: Bool { !parts.isEmpty }
}
