/// One option a check takes in a rule's `options` (or a configuration's):
/// its name, what it means, its type (how it is read) and its default.
/// A check reads each of its options through `CheckOptions`, which refuses
/// an option the check does not declare.
struct CheckOption<Value: Sendable>: Sendable {
    let name: String
    /// What it does, in a sentence.
    let meaning: String
    /// The value when the rule does not give one; nil when it must be given
    /// (read with `CheckOptions.value`) or may be left out (`CheckOptions.given`).
    let defaultValue: Value?
    /// The scopes it applies to (nil: every scope its check works on).
    let scopes: [Rule.Scope]?
    /// How the docs' table of checks shows its default, or nil to show none.
    let defaultText: String?
    /// What the docs' table says of it besides its default (`Flesch`), or nil.
    let note: String?
    /// The words it may be, for an option that is one of a fixed set.
    let choices: [String]
    /// Reads the value from its node (`what` names it in errors: `'years'`).
    let read: @Sendable (NodeReader, JSON5Node, String) throws(RuleFileError) -> Value

    var info: CheckOptionInfo {
        CheckOptionInfo(name: name, meaning: meaning, scopes: scopes, defaultText: defaultText, note: note, choices: choices)
    }
}

extension CheckOption where Value == Bool {
    /// `true` or `false`; the docs' table shows a default of true only (a flag is off unless given).
    static func flag(_ name: String, default value: Bool, scopes: [Rule.Scope]? = nil, _ meaning: String) -> Self {
        CheckOption(name: name, meaning: meaning, defaultValue: value, scopes: scopes, defaultText: value ? "true" : nil,
                    note: nil, choices: []) { reader, node, what throws(RuleFileError) in try reader.bool(node, what) }
    }
}

extension CheckOption where Value == Int {
    /// A whole number from 1 to 1000.
    static func count(_ name: String, default value: Int? = nil, note: String? = nil, _ meaning: String) -> Self {
        CheckOption(name: name, meaning: meaning, defaultValue: value, scopes: nil, defaultText: value.map { "\($0)" },
                    note: note, choices: []) { reader, node, what throws(RuleFileError) in try reader.positiveInteger(node, what) }
    }
}

extension CheckOption where Value == String {
    /// A string that is not empty; the docs' table shows its default in backticks.
    static func text(_ name: String, default value: String? = nil, scopes: [Rule.Scope]? = nil, _ meaning: String) -> Self {
        CheckOption(name: name, meaning: meaning, defaultValue: value, scopes: scopes, defaultText: value.map { "`\($0)`" },
                    note: nil, choices: []) { reader, node, what throws(RuleFileError) in try reader.nonEmptyString(node, what) }
    }

    /// The vocabulary list a check looks in (`CheckOptions.selection` reads it, with `groups`).
    static func vocabulary(default value: String? = nil, _ meaning: String) -> Self {
        text("vocabulary", default: value, meaning)
    }

    /// A regular expression (`CheckOptions.pattern` compiles it).
    static func pattern(_ meaning: String) -> Self {
        text("pattern", meaning)
    }
}

extension CheckOption where Value == Set<String> {
    /// A list of names (non-empty strings).
    static func names(_ name: String, _ meaning: String) -> Self {
        CheckOption(name: name, meaning: meaning, defaultValue: nil, scopes: nil, defaultText: nil, note: nil, choices: []) {
            reader, node, what throws(RuleFileError) in try reader.names(node, what)
        }
    }

    /// Some groups of the vocabulary list (all of them when not given).
    static var groups: Self { names("groups", "only these groups of the vocabulary list count") }
}

extension CheckOption where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
    /// One of the words of a fixed set (an enumeration's raw values).
    static func choice(_ name: String, default value: Value, scopes: [Rule.Scope]? = nil, _ meaning: String) -> Self {
        let all = Array(Value.allCases)
        return CheckOption(name: name, meaning: meaning, defaultValue: value, scopes: scopes, defaultText: nil, note: nil,
                           choices: all.map(\.rawValue)) { reader, node, what throws(RuleFileError) in
            try reader.choice(node, what, of: all)
        }
    }
}

/// An option without its value's type: what the loader checks a rule's
/// `options` against and the docs' table lists.
struct CheckOptionInfo: Sendable, Hashable {
    var name: String
    var meaning: String
    var scopes: [Rule.Scope]?
    var defaultText: String?
    var note: String?
    var choices: [String]
}
