@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// What `CheckContext` gathers once for every rule is what gathering it
/// plainly gives.
@Suite struct CheckContextTests {
    static let files = ["federation-2020-2024.md", "link-learning-trust-2022-2024.md", "model-plan.md", "secondary-2020-2024.md",
                        "soke-education-trust-2023-2026.md", "spixworth-infant-2025-26.md"]

    static func context(_ file: String) throws -> CheckContext {
        let text = try String(contentsOf: TestSupport.examplesDirectory.appendingPathComponent(file), encoding: .utf8)
        let source = SourceFile(path: file, text: text)
        let vocabulary = TestSupport.builtInRuleSet.vocabulary
        let plan = PlanParser(vocabulary: vocabulary).parse(source)
        return CheckContext(plan: plan, source: source, vocabulary: vocabulary, today: TestSupport.goldenToday, stops: PatternStops(path: file))
    }

    /// Each objective's entries of some fields, its own then each action's, field by field, copied into one array.
    @Test(arguments: files)
    func entriesAsGatheredOneByOne(file: String) throws {
        let context = try Self.context(file)
        let lists: [[FieldName]] = [["success"], ["timescale"], ["lead"], ["success", "timescale"], ["objective"], ["evaluation", "success"], ["none"]]
        var someFromActions = false
        for fields in lists {
            let simple = context.plan.objectives.map { objective in
                var entries: [TextValue] = []
                for field in fields {
                    for entry in objective.fields.entries(of: field) { entries.append(entry) }
                    for action in objective.actions {
                        if !action.fields.entries(of: field).isEmpty { someFromActions = true }
                        for entry in action.fields.entries(of: field) { entries.append(entry) }
                    }
                }
                return entries
            }
            #expect(context.entries(of: fields) == simple, "\(fields)")
            // Asked again, the same (kept from the first time).
            #expect(context.entries(of: fields) == simple, "\(fields)")
        }
        if file == "model-plan.md" { #expect(someFromActions || context.plan.objectives.allSatisfy { $0.actions.isEmpty }) }
    }

    /// Values added in place are those `adding(_:)` gives.
    @Test func valuesAddedInPlace() {
        let own: MessageValues = ["found": .text("BAME"), "objective": .text("mine")]
        let scope: MessageValues = ["objective": .text("Objective 1"), "field": .text("success"), "text": .text("Families feel supported")]
        var added = own
        added.add(scope)
        let merged = own.adding(scope)
        #expect(added.count == merged.count)
        for name in ["found", "objective", "field", "text", "other"] { #expect(added[name] == merged[name], "\(name)") }
        #expect(added["objective"] == .text("mine"))
    }
}
