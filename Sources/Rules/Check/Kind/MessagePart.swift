/// A piece of wording a check needs for one kind of problem, which the rule
/// file writes (its `parts`) so that the wording is the rule author's, not
/// eqlint's: `readable`'s `longSentence: "a sentence of {words} words (at
/// most {maxWords} is easier to read)"`. A part fills a placeholder of the
/// message (`{problem}`), and may use the message's text placeholders and
/// its own, filled only when the part is used.
struct MessagePart<Values>: Sendable {
    /// Its key in the rule file's `parts`.
    let name: String
    /// When it is used, in a sentence.
    let meaning: String
    /// The placeholders only it may use.
    let placeholders: [Placeholder<Values>]

    init(_ name: String, _ meaning: String, placeholders: [Placeholder<Values>] = []) {
        self.name = name
        self.meaning = meaning
        self.placeholders = placeholders
    }

    var info: MessagePartInfo { MessagePartInfo(name: name, meaning: meaning, placeholders: placeholders.map { $0.info }) }
}

/// A message part without its values' type.
struct MessagePartInfo: Sendable, Hashable {
    var name: String
    var meaning: String
    var placeholders: [PlaceholderInfo]
}
