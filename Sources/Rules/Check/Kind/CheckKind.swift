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

    // How the check is run at each scope: given by the scope protocol it
    // conforms to (`PlanCheck` gives `planBinding` ...), nil for a scope it
    // does not work on. The compiler chooses these when the check conforms,
    // so neither `scopes` nor binding a rule asks the run time whether a
    // type conforms to a protocol (a first such question scans every
    // conformance the process has loaded: slow at start-up).
    static var planBinding: ((Self) -> ScopedCheck)? { get }
    static var objectiveBinding: ((Self) -> ScopedCheck)? { get }
    static var actionBinding: ((Self) -> ScopedCheck)? { get }
    static var entryBinding: ((Self) -> ScopedCheck)? { get }
    static var suppressionBinding: ((Self) -> ScopedCheck)? { get }
    /// The measurability decider it uses, if it is a `MeasuringCheck`.
    var measuringKey: Measurability.Key? { get }
}

extension CheckKind {
    static var planBinding: ((Self) -> ScopedCheck)? { nil }
    static var objectiveBinding: ((Self) -> ScopedCheck)? { nil }
    static var actionBinding: ((Self) -> ScopedCheck)? { nil }
    static var entryBinding: ((Self) -> ScopedCheck)? { nil }
    static var suppressionBinding: ((Self) -> ScopedCheck)? { nil }
    var measuringKey: Measurability.Key? { nil }

    /// The check bound to a scope, or nil when it does not work there.
    func bound(to scope: Rule.Scope) -> ScopedCheck? {
        let binding: ((Self) -> ScopedCheck)?
        switch scope {
        case .plan: binding = Self.planBinding ?? Self.suppressionBinding
        case .objective: binding = Self.objectiveBinding
        case .action: binding = Self.actionBinding
        case .entry: binding = Self.entryBinding
        }
        return binding?(self)
    }
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
            case .plan: return planBinding != nil || suppressionBinding != nil
            case .objective: return objectiveBinding != nil
            case .action: return actionBinding != nil
            case .entry: return entryBinding != nil
            }
        }
    }

    /// The placeholders a rule's message may use at a scope: the scope's
    /// own and the check's, and the parts the rule must word.
    /// (Closures, not key paths: a key path into a generic type such as
    /// `Placeholder<Values>` is built by the run time, slowly, each time.)
    static func messageShape(at scope: Rule.Scope) -> MessageShape {
        MessageShape(check: name, scope: scope,
                     placeholders: ScopePlaceholders.at(scope).map { $0.info } + placeholders(at: scope).map { $0.info },
                     parts: parts.map { $0.info })
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
