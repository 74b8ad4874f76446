/// A rule's built check, bound to the scope the rule works at: how the
/// linter runs it. The rule loader makes it (`bind(_:to:)`), refusing a
/// scope the check does not work on; the linter switches over it, with no
/// case left to a default.
enum ScopedCheck: Sendable {
    case plan(any PlanCheck)
    case objective(any ObjectiveCheck)
    case action(any ActionCheck)
    case entry(any EntryCheck)
    /// Runs after the plan's `eqlint-disable` comments are applied (scope `plan`).
    case suppressions(any SuppressionCheck)

    /// The check bound to a scope, or nil when it does not work there.
    static func bind(_ check: any CheckKind, to scope: Rule.Scope) -> ScopedCheck? {
        check.bound(to: scope)
    }

    /// The check itself.
    var kind: any CheckKind {
        switch self {
        case .plan(let check): return check
        case .objective(let check): return check
        case .action(let check): return check
        case .entry(let check): return check
        case .suppressions(let check): return check
        }
    }
}

extension PlanCheck {
    func prepared(_ input: PlanInput) -> [Finding] { planFindings(input).map { prepared($0, at: .plan) } }
}

extension ObjectiveCheck {
    func prepared(_ input: ObjectiveInput) -> [Finding] { objectiveFindings(input).map { prepared($0, at: .objective) } }
}

extension ActionCheck {
    func prepared(_ input: ActionInput) -> [Finding] { actionFindings(input).map { prepared($0, at: .action) } }
}

extension EntryCheck {
    func prepared(_ input: EntryInput) -> [Finding] { entryFindings(input).map { prepared($0, at: .entry) } }
}

extension SuppressionCheck {
    func prepared(_ input: SuppressionInput) -> [Finding] { suppressionFindings(input).map { prepared($0, at: .plan) } }
}
