import EqlintPlan
import EqlintText

/// A rule's options as a check is built from them: each read by its
/// declaration (`CheckOption`), with the declared default, and every error
/// at the option's line and column. It also gathers the vocabulary lists
/// the check refers to, checked once every list is loaded.
final class CheckOptions {
    let reader: NodeReader
    let definition: CheckDefinition
    /// The options given, by name (each one declared by the check).
    let given: JSON5Members
    /// The names of the options the check declares.
    private let declared: Set<String>
    private(set) var references: [VocabularyReference] = []

    init(reader: NodeReader, definition: CheckDefinition, given: JSON5Members, declared: [CheckOptionInfo]) {
        self.reader = reader
        self.definition = definition
        self.given = given
        self.declared = Set(declared.map(\.name))
    }

    var scope: Rule.Scope { definition.scope }
    var fields: [FieldName] { definition.fields }

    func error(_ message: String, at location: SourceLocation) -> RuleFileError {
        reader.error(message, at: location)
    }

    /// The option's value: as given, else its default; an option with no
    /// default that is not given is an error at the rule's `options`.
    func value<Value>(_ option: CheckOption<Value>) throws(RuleFileError) -> Value {
        if let value = try given(option) { return value }
        if let value = option.defaultValue { return value }
        throw reader.error("\(definition.optionsOwner) needs the option '\(option.name)'", at: definition.options.location)
    }

    /// The option's value as given, or nil (its default is not used).
    func given<Value>(_ option: CheckOption<Value>) throws(RuleFileError) -> Value? {
        precondition(declared.contains(option.name), "the check '\(definition.name)' reads the option '\(option.name)' it does not declare (a bug in eqlint)")
        guard let member = given[option.name] else { return nil }
        if let scopes = option.scopes, !scopes.contains(scope) {
            let names = scopes.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw reader.error("'\(option.name)' applies only to scope \(names)", at: member.keyLocation)
        }
        return try option.read(reader, member.value, "'\(option.name)'")
    }

    /// The vocabulary list (and groups) the options name. A list given is
    /// checked at its place (or its groups'); a default one at the check's name.
    func selection(_ vocabulary: CheckOption<String>, groups: CheckOption<Set<String>>? = nil) throws(RuleFileError) -> VocabularySelection {
        let chosen = try groups.flatMap { option throws(RuleFileError) in try given(option) }
        let list = try value(vocabulary)
        let selection = VocabularySelection(list: list, groups: chosen)
        let location = groups.flatMap { given[$0.name]?.value.location } ?? given[vocabulary.name]?.value.location ?? definition.nameLocation
        references.append(VocabularyReference(selection: selection, location: location))
        return selection
    }

    /// A vocabulary list the check refers to, checked at `location` once every list is loaded.
    func refer(to selection: VocabularySelection, at location: SourceLocation) {
        references.append(VocabularyReference(selection: selection, location: location))
    }

    /// The regular expression an option gives, compiled (case-insensitive unless `caseSensitive` says).
    func pattern(_ option: CheckOption<String>, caseSensitive: CheckOption<Bool>) throws(RuleFileError) -> Pattern {
        let sensitive = try value(caseSensitive)
        _ = try value(option)
        return try reader.pattern(given[option.name]!.value, "'\(option.name)'", caseSensitive: sensitive)
    }
}
