import EqlintPlan
import EqlintText

/// What a check is given at each scope, and the protocol a check conforms
/// to for each scope it works on. The linter calls the one method of the
/// rule's scope (see `ScopedCheck`); a check cannot claim a scope without
/// implementing it.

/// A check of the plan as a whole (once per file).
protocol PlanCheck: CheckKind {
    func planFindings(_ input: PlanInput) -> [CheckFinding<Values>]
    /// Its findings ready for the message: given by `ScopedCheck`'s
    /// extension (as for each scope below), and a requirement only so that
    /// each check's copy is compiled for its own type, not run generically.
    func prepared(_ input: PlanInput) -> [Finding]
}

extension PlanCheck {
    static var planBinding: ((Self) -> ScopedCheck)? { { .plan($0) } }
}

/// A check of each objective.
protocol ObjectiveCheck: CheckKind {
    func objectiveFindings(_ input: ObjectiveInput) -> [CheckFinding<Values>]
    func prepared(_ input: ObjectiveInput) -> [Finding]
}

extension ObjectiveCheck {
    static var objectiveBinding: ((Self) -> ScopedCheck)? { { .objective($0) } }
}

/// A check of each action (a row of an action table).
protocol ActionCheck: CheckKind {
    func actionFindings(_ input: ActionInput) -> [CheckFinding<Values>]
    func prepared(_ input: ActionInput) -> [Finding]
}

extension ActionCheck {
    static var actionBinding: ((Self) -> ScopedCheck)? { { .action($0) } }
}

/// A check of each entry of the rule's field.
protocol EntryCheck: CheckKind {
    func entryFindings(_ input: EntryInput) -> [CheckFinding<Values>]
    func prepared(_ input: EntryInput) -> [Finding]
}

extension EntryCheck {
    static var entryBinding: ((Self) -> ScopedCheck)? { { .entry($0) } }
}

/// A check of the plan's `eqlint-disable` comments, run once the comments
/// have silenced what they silence (scope `plan`).
protocol SuppressionCheck: CheckKind {
    func suppressionFindings(_ input: SuppressionInput) -> [CheckFinding<Values>]
    func prepared(_ input: SuppressionInput) -> [Finding]
}

extension SuppressionCheck {
    static var suppressionBinding: ((Self) -> ScopedCheck)? { { .suppressions($0) } }
}

/// What a check reads of its rule: the fields the rule is about, and its id
/// (to record a pattern it had to stop). The inputs below carry this, not
/// the `Rule`, a large value each of them would copy.
struct RuleBasics {
    let id: String
    let fields: [FieldName]

    init(id: String, fields: [FieldName]) {
        self.id = id
        self.fields = fields
    }
}

/// A plan check's input: the plan being checked, and the rule.
struct PlanInput {
    let context: CheckContext
    let rule: RuleBasics
}

/// An objective check's input: one objective, and the spans of its own text in the file.
struct ObjectiveInput {
    let context: CheckContext
    let rule: RuleBasics
    /// The objective's index in the plan's objectives.
    var index: Int
    var spans: [Range<Int>]

    /// The objective, read in place in the plan: not copied into each rule's
    /// input (a copy retained and released every array and string it holds).
    var objective: Objective {
        _read { yield context.plan.objectives[index] }
    }

    /// The words of each of `spans`, read once for every rule.
    var words: [ArraySlice<PhraseIndex.Word>] { context.objectiveWords(index) }
}

/// An action check's input: one action of an objective.
struct ActionInput {
    let context: CheckContext
    let rule: RuleBasics
    /// The objective's index in the plan's objectives, and the action's in the objective's actions.
    let objectiveIndex: Int
    let actionIndex: Int

    /// The objective, read in place in the plan (as `ObjectiveInput.objective`).
    var objective: Objective {
        _read { yield context.plan.objectives[objectiveIndex] }
    }

    /// The action, read in place in the plan.
    var action: Action {
        _read { yield context.plan.objectives[objectiveIndex].actions[actionIndex] }
    }
}

/// An entry check's input: one entry of the rule's field.
struct EntryInput {
    let context: CheckContext
    let rule: RuleBasics
    /// The entries of the objective the entry is one of, and its place among them.
    let entries: [TextValue]
    var position: Int

    /// The entry, read in place: not copied into each rule's input (as `ObjectiveInput.objective`).
    var entry: TextValue {
        _read { yield entries[position] }
    }
}

/// A suppression check's input: the plan's comments, which of them
/// silenced a finding, and every rule id (a comment may name any rule).
struct SuppressionInput {
    let context: CheckContext
    let rule: RuleBasics
    let suppressions: Suppressions
    /// The indices of the directives that silenced something.
    let used: Set<Int>
    let knownRuleIDs: [String]
}
