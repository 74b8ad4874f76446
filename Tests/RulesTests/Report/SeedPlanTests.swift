import EqlintKit
import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// The five real plans exactly as schools published them (Word documents
/// saved as text, in `Fixtures/seeds/`), against their rewritten versions in
/// `examples/`: eqlint must find the same objectives and report the same
/// gaps in each, reading them as they are.
@Suite("The seed plans as schools wrote them")
struct SeedPlanTests {
    static let seedsDirectory = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/seeds")

    static let seedNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    struct Checked {
        var plan: Plan
        var diagnostics: [Diagnostic]
        var source: SourceFile
    }

    static func check(_ path: String, as displayPath: String) throws -> Checked {
        let source = try SourceFile.read(path: path, displayPath: displayPath)
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        return Checked(plan: linter.parser.parse(source), diagnostics: linter.lint(source), source: source)
    }

    static func seed(_ name: String) throws -> Checked {
        try check(seedsDirectory.appendingPathComponent(name).path, as: "seeds/\(name)")
    }

    static func example(for seed: String) throws -> Checked {
        let name = seed.replacingOccurrences(of: ".txt", with: ".md")
        return try check(TestSupport.examplesDirectory.appendingPathComponent(name).path, as: "examples/\(name)")
    }

    /// The objective-level rules that fire for each objective, in order: those
    /// whose finding is reported at the objective's anchor.
    static func objectiveFindings(_ checked: Checked) -> [[String]] {
        checked.plan.objectives.map { objective in
            Set(checked.diagnostics.filter { diagnostic in
                diagnostic.range.start == objective.anchor.start
                    && TestSupport.builtInRuleSet.rule(id: diagnostic.ruleID)?.scope == .objective
            }.map(\.ruleID)).sorted()
        }
    }

    /// The plan-level rules that fire.
    static func planFindings(_ checked: Checked) -> [String] {
        Set(checked.diagnostics.filter { TestSupport.builtInRuleSet.rule(id: $0.ruleID)?.scope == .plan }.map(\.ruleID)).sorted()
    }

    @Test("the five seeds are here")
    func seedsExist() {
        #expect(Self.seedNames.count == 5)
    }

    @Test("each seed gives its rewritten example's objectives, numbers and objective-level findings", arguments: seedNames)
    func sameAsExample(name: String) throws {
        let seed = try Self.seed(name)
        let example = try Self.example(for: name)
        #expect(seed.plan.objectives.count == example.plan.objectives.count)
        #expect(seed.plan.objectives.map(\.number) == example.plan.objectives.map(\.number))
        #expect(seed.plan.period?.span == example.plan.period?.span)
        #expect(Self.objectiveFindings(seed) == Self.objectiveFindings(example))
        let planLevel = Self.planFindings(seed)
        // The examples add the school's name as front matter; nothing else of the plan's own differs.
        #expect(planLevel == Self.planFindings(example))
    }

    @Test("text output", arguments: seedNames)
    func text(name: String) throws {
        let seed = try Self.seed(name)
        assertSnapshot(TextReporter().report([FileReport(path: seed.source.path, source: seed.source, diagnostics: seed.diagnostics)]),
                       named: "seeds/\(name).txt")
    }

    @Test("JSON output", arguments: seedNames)
    func json(name: String) throws {
        let seed = try Self.seed(name)
        assertSnapshot(JSONReporter().report([FileReport(path: seed.source.path, source: seed.source, diagnostics: seed.diagnostics)]),
                       named: "seeds/\(name).json")
    }

    @Test("outline", arguments: seedNames)
    func outline(name: String) throws {
        let seed = try Self.seed(name)
        assertSnapshot(PlanOutline.text([PlanOutline.Entry(path: seed.source.path, plan: seed.plan)]), named: "seeds/\(name).outline.txt")
    }

    @Test("every objective of every seed is found where the school wrote it", arguments: [
        ("spixworth-infant-2025-26.txt", [7, 27, 46]),
        ("federation-2020-2024.txt", [8, 9, 12]),
        ("link-learning-trust-2022-2024.txt", [13, 29, 48]),
        ("secondary-2020-2024.txt", [12, 14, 15, 16]),
        ("soke-education-trust-2023-2026.txt", [5, 22, 39]),
    ])
    func objectiveLines(name: String, lines: [Int]) throws {
        #expect(try Self.seed(name).plan.objectives.map(\.anchor.start.line) == lines)
    }
}
