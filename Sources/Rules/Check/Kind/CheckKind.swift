/// One built-in check: everything eqlint knows of it, in one type.
///
/// A check type says its name, whether a rule using it names a `field`,
/// its options (with their types and defaults), the placeholders its
/// findings fill (typed, with a sentence each), the message parts a rule
/// words for it, how it is built from a rule's options, and what it finds.
/// The scopes it works on are the scope protocols it conforms to
/// (`PlanCheck`, `ObjectiveCheck`, `ActionCheck`, `EntryCheck`,
/// `SuppressionCheck`), so a scope it claims is a scope it implements.
///
/// `CheckRegistry.all` lists every check; the rule loader's validation, the
/// dispatch (`ScopedCheck`) and the table of checks in docs/writing-rules.md
/// (`CheckTable`) all come from it. Adding a check is one file here and one
/// line in the registry.
protocol CheckKind: Sendable {
    /// The values one finding fills its message with.
    associatedtype Values: Sendable = NoValues

    /// The name a rule gives in `check:` (`has-end-date`).
    static var name: String { get }
    /// When it makes a finding, for the table of checks in docs/writing-rules.md.
    static var firesWhen: String { get }
    /// Whether a rule using it must name a `field` (at scope `entry` one always must).
    static var needsField: Bool { get }
    /// The options it takes.
    static var options: [CheckOptionInfo] { get }
    /// Whether each finding points at a text it found in the plan or the
    /// objective (a phrase, an acronym), rather than at the plan or the
    /// objective as a whole: its place, for `supersedes`, is that text.
    static var pointsAtFoundText: Bool { get }
    /// The placeholders its findings fill at a scope it works on, besides
    /// the scope's own (`ScopePlaceholders`).
    static func placeholders(at scope: Rule.Scope) -> [Placeholder<Values>]
    /// The message parts a rule using it words (in its `parts`).
    static var parts: [MessagePart<Values>] { get }

    /// Builds the check from a rule's options.
    init(options: CheckOptions) throws(RuleFileError)
}

extension CheckKind {
    static var options: [CheckOptionInfo] { [] }
    static var pointsAtFoundText: Bool { false }
    static var parts: [MessagePart<Values>] { [] }
}

extension CheckKind where Values == NoValues {
    static func placeholders(at scope: Rule.Scope) -> [Placeholder<NoValues>] { [] }
}

extension CheckKind {
    /// The scopes it works on: those whose protocol it conforms to.
    static var scopes: [Rule.Scope] {
        Rule.Scope.allCases.filter { scope in
            switch scope {
            case .plan: return Self.self is any PlanCheck.Type || Self.self is any SuppressionCheck.Type
            case .objective: return Self.self is any ObjectiveCheck.Type
            case .action: return Self.self is any ActionCheck.Type
            case .entry: return Self.self is any EntryCheck.Type
            }
        }
    }

    /// The placeholders a rule's message may use at a scope: the scope's
    /// own and the check's, and the parts the rule must word.
    static func messageShape(at scope: Rule.Scope) -> MessageShape {
        MessageShape(check: name, scope: scope,
                     placeholders: ScopePlaceholders.at(scope).map(\.info) + placeholders(at: scope).map(\.info),
                     parts: parts.map(\.info))
    }

    /// A finding ready for the message: the check's placeholders and those
    /// of the parts its values name, filled.
    func prepared(_ finding: CheckFinding<Values>, at scope: Rule.Scope) -> Finding {
        var values: MessageValues = [:]
        var pending: [String] = []
        for placeholder in Self.placeholders(at: scope) {
            let value = placeholder.value(finding.values)
            values[placeholder.name] = value
            if case .part(let part) = value { pending.append(part) }
        }
        while let name = pending.popLast() {
            guard let part = Self.parts.first(where: { $0.name == name }) else {
                preconditionFailure("the check '\(Self.name)' names the part '\(name)' it does not declare (a bug in eqlint)")
            }
            for placeholder in part.placeholders {
                let value = placeholder.value(finding.values)
                values[placeholder.name] = value
                if case .part(let next) = value { pending.append(next) }
            }
        }
        return Finding(range: finding.range, values: values)
    }
}
