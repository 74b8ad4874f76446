import EqlintPlan

/// The placeholders every rule at a scope may use, whatever its check:
/// `{objective}` and `{field}` for an objective, action or entry, and
/// `{text}` (the entry at fault) for an entry. Checks fill their own on top
/// (`CheckKind.placeholders(at:)`), never with these names.
enum ScopePlaceholders {
    /// What the scope's placeholders are filled from.
    struct Values: Sendable {
        var objective: Objective
        var fields: [FieldName]
        var entry: TextValue?
    }

    static let objective = Placeholder<Values>("objective", "the objective, as `Objective 2` or by its title") { $0.objective.name }
    static let field = Placeholder<Values>("field", "the rule's field (its fields, joined with 'or')") {
        $0.fields.map(\.rawValue).joined(separator: " or ")
    }
    static let text = Placeholder<Values>("text", "the entry at fault (at most 60 characters)") { $0.entry?.text.shortened(to: 60) ?? "" }

    /// The placeholders of a scope.
    static func at(_ scope: Rule.Scope) -> [Placeholder<Values>] {
        switch scope {
        case .plan: return []
        case .objective, .action: return [objective, field]
        case .entry: return [objective, field, text]
        }
    }

    /// The scope's values for one objective (and entry) of a rule.
    static func values(at scope: Rule.Scope, _ values: Values) -> MessageValues {
        var filled: MessageValues = [:]
        for placeholder in at(scope) { filled[placeholder.name] = placeholder.value(values) }
        return filled
    }
}
