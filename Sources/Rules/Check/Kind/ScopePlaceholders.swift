import EqlintPlan
import EqlintText

/// The placeholders every rule at a scope may use, whatever its check:
/// `{objective}` and `{field}` for an objective, action or entry, and
/// `{text}` (the entry at fault) for an entry. Checks fill their own on top
/// (`CheckKind.placeholders(at:)`), never with these names.
enum ScopePlaceholders {
    /// What the scope's placeholders are filled from.
    struct Values: Sendable {
        /// The objective's name (`Objective.name`): not the objective, a large value to copy.
        var objectiveName: String
        var fields: [FieldName]
        /// The entry's text, for an entry.
        var entryText: String?
    }

    static let objective = Placeholder<Values>("objective", "the objective, as `Objective 2` or by its title") { $0.objectiveName }
    static let field = Placeholder<Values>("field", "the rule's field (its fields, joined with 'or')") {
        $0.fields.count == 1 ? $0.fields[0].rawValue : $0.fields.map(\.rawValue).concatenated(separator: " or ")
    }
    static let text = Placeholder<Values>("text", "the entry at fault (at most 60 characters)") {
        // No more bytes than the limit, no more characters: left as it is, without counting them.
        guard let text = $0.entryText else { return "" }
        return text.utf8.count <= 60 ? text : text.shortened(to: 60)
    }

    /// The placeholders of a scope.
    static func at(_ scope: Rule.Scope) -> [Placeholder<Values>] {
        switch scope {
        case .plan: return []
        case .objective, .action: return ofObjective
        case .entry: return ofEntry
        }
    }

    private static let ofObjective = [objective, field]
    private static let ofEntry = [objective, field, text]

    /// The scope's values for one objective (and entry) of a rule.
    static func values(at scope: Rule.Scope, _ values: Values) -> MessageValues {
        let placeholders = at(scope)
        var filled = MessageValues(minimumCapacity: placeholders.count)
        for placeholder in placeholders { filled[placeholder.name] = placeholder.value(values) }
        return filled
    }
}
