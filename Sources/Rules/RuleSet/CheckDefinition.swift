import EqlintPlan
import EqlintText

/// A vocabulary list (and groups of it) a rule refers to, checked once every
/// list is loaded.
struct VocabularyReference {
    var selection: VocabularySelection
    var location: SourceLocation
}

/// How a rule file asks for a check: its name, scope, fields and options,
/// with their places. Kept with the rule so that a configuration file can
/// set new options and the check be built again, its errors pointing at the
/// configuration. What each check accepts is its type's own declaration
/// (`CheckKind`), found in `CheckRegistry`.
struct CheckDefinition: Sendable {
    var name: String
    var nameLocation: SourceLocation
    var scope: Rule.Scope
    var scopeLocation: SourceLocation
    var fields: [FieldName]
    var fieldKeyLocation: SourceLocation?
    var options: JSON5Node
    /// The rule a configuration file sets these options for, to name in
    /// errors (the user wrote the rule's id, not its check's name).
    var configuredRule: String?

    /// How errors name whose options these are.
    var optionsOwner: String {
        configuredRule.map { "the rule '\($0)'" } ?? "the check '\(name)'"
    }

    /// The same definition with some options replaced (a configuration's).
    func overriding(options overrides: JSON5Node) -> CheckDefinition {
        guard case .object(let mine) = options.value, case .object(let theirs) = overrides.value else { return self }
        var copy = self
        copy.options = JSON5Node(value: .object(mine.filter { own in !theirs.contains { $0.key == own.key } } + theirs),
                                 location: overrides.location)
        return copy
    }

    /// The registered check the definition names, refusing an unknown name
    /// (suggesting the nearest) or a scope the check does not work on.
    func kind(reader: NodeReader) throws(RuleFileError) -> any CheckKind.Type {
        guard let kind = CheckRegistry.kind(named: name) else {
            let known = CheckRegistry.names
            let hint = Spelling.closest(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw reader.error("unknown check '\(name)'\(hint); the built-in checks are \(known.joined(separator: ", "))", at: nameLocation)
        }
        guard kind.scopes.contains(scope) else {
            let scopes = kind.scopes.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw reader.error("the check '\(name)' works on scope \(scopes), not '\(scope.rawValue)'", at: scopeLocation)
        }
        return kind
    }

    /// The check, bound to the rule's scope, and the vocabulary lists it
    /// refers to (checked once all lists are loaded).
    func build(reader: NodeReader) throws(RuleFileError) -> (ScopedCheck, [VocabularyReference]) {
        let kind = try kind(reader: reader)
        if kind.needsField || scope == .entry, fields.isEmpty {
            throw reader.error("the check '\(name)' needs a 'field' (such as \"lead\" or \"success\")", at: nameLocation)
        }
        if !kind.needsField, scope != .entry, let fieldKeyLocation {
            throw reader.error("the check '\(name)' takes no 'field'", at: fieldKeyLocation)
        }
        let given = try reader.members(of: options, allowed: kind.options.map(\.name), in: "the options of \(configuredRule.map { "the rule '\($0)'" } ?? "'\(name)'")")
        let options = CheckOptions(reader: reader, definition: self, given: given, declared: kind.options)
        let check = try kind.init(options: options)
        guard let scoped = ScopedCheck.bind(check, to: scope) else {
            // `kind.scopes` comes from the same conformances `bind` looks for.
            preconditionFailure("the check '\(name)' claims scope '\(scope.rawValue)' but does not implement it (a bug in eqlint)")
        }
        return (scoped, options.references)
    }
}
