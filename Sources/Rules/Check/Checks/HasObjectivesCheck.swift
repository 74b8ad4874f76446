/// `has-objectives`: the plan has at least one objective.
struct HasObjectivesCheck: PlanCheck {
    static let name = "has-objectives"
    static let firesWhen = "the plan has no objective"
    static let needsField = false

    init(options: CheckOptions) {}

    func planFindings(_ input: PlanInput) -> [CheckFinding<NoValues>] {
        input.context.plan.objectives.isEmpty ? [CheckFinding(range: input.context.planAnchor)] : []
    }
}
