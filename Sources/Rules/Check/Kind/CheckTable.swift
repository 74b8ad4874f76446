/// The README's tables of the built-in checks, made from `CheckRegistry`:
/// what each check works on, takes and finds, and the placeholders a rule's
/// message may use. A test compares them with the README, so a check added
/// to the registry is documented, and documentation never outlives a check.
enum CheckTable {
    /// `| check | scope | options | fires when |`
    static var checks: String {
        var text = "| check | scope | options | fires when |\n|---|---|---|---|\n"
        for kind in CheckRegistry.all {
            text += row(["`\(kind.name)`", kind.scopes.map(\.rawValue).joined(separator: ", "), options(of: kind), kind.firesWhen])
        }
        return text
    }

    /// `| scope | placeholders |`: those every rule at a scope may use.
    static var scopePlaceholders: String {
        var text = "| scope | placeholders every rule there may use |\n|---|---|\n"
        for scope in Rule.Scope.allCases {
            text += row([scope.rawValue, describe(ScopePlaceholders.at(scope).map(\.info))])
        }
        return text
    }

    /// `| check | placeholders | parts |`: those each check's findings fill, and the parts a rule words for it.
    static var placeholders: String {
        var text = "| check | placeholders its findings fill, besides its scope's | parts a rule using it words |\n|---|---|---|\n"
        for kind in CheckRegistry.all {
            let shapes = kind.scopes.map { ($0, kind.messageShape(at: $0)) }
            let own = shapes.map { scope, shape in (scope, Array(shape.placeholders.dropFirst(ScopePlaceholders.at(scope).count))) }
            let filled: String
            if Set(own.map(\.1)).count <= 1 {
                filled = describe(own.first?.1 ?? [])
            } else {
                filled = own.map { "at `\($0.0.rawValue)`: \(describe($0.1))" }.joined(separator: "; ")
            }
            let parts = shapes.first?.1.parts.map { part in
                "`\(part.name)`: \(part.meaning)" + (part.placeholders.isEmpty ? "" : " (\(describe(part.placeholders)))")
            }.joined(separator: "; ") ?? ""
            text += row(["`\(kind.name)`", filled, parts])
        }
        return text
    }

    /// The options cell: options for every scope first, then each group
    /// that applies to some scopes only (`... (objective only)`).
    private static func options(of kind: any CheckKind.Type) -> String {
        var groups: [(scopes: [Rule.Scope]?, names: [String])] = []
        for option in kind.options {
            var name = option.choices.isEmpty ? "`\(option.name)`" : "`\(option.name): \(option.choices.joined(separator: "|"))`"
            let notes = [option.note, option.defaultText.map { "default \($0)" }].compactMap { $0 }
            if !notes.isEmpty { name += " (\(notes.joined(separator: ", ")))" }
            if let index = groups.firstIndex(where: { $0.scopes == option.scopes }) {
                groups[index].names.append(name)
            } else {
                groups.append((option.scopes, [name]))
            }
        }
        return groups.map { group in
            group.names.joined(separator: ", ") + (group.scopes.map { " (\($0.map(\.rawValue).joined(separator: ", ")) only)" } ?? "")
        }.joined(separator: "; ")
    }

    private static func describe(_ placeholders: [PlaceholderInfo]) -> String {
        placeholders.isEmpty ? "none" : placeholders.map { "`{\($0.name)}` \($0.meaning)" }.joined(separator: "; ")
    }

    /// A table row; an empty cell is one space, as the README writes it, and `|` in a cell is escaped.
    private static func row(_ cells: [String]) -> String {
        "|" + cells.map { $0.isEmpty ? " " : " \($0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) " }.joined(separator: "|") + "|\n"
    }
}
