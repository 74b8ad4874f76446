import EqlintPlan
import EqlintText
import Foundation
import Rules
import Testing

/// `eqlint convert`: a plan written in the plan format reads back as the
/// same plan and gets the same findings, from every layout eqlint reads.
@Suite("Converting plans to the plan format")
struct PlanWriterTests {
    static let root = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures")

    /// Every plan the tests hold: the seeds, the layout fixtures and the examples.
    static let plans: [String] = {
        func files(_ folder: URL, _ prefix: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && $0 != "README.md" }.sorted().map { "\(prefix)/\($0)" }
        }
        return files(root.appendingPathComponent("seeds"), "seeds") + files(root.appendingPathComponent("layouts"), "layouts")
            + files(root.appendingPathComponent("holdout"), "holdout")
            + files(TestSupport.examplesDirectory, "../../../examples")
    }()

    struct Reading {
        var plan: Plan
        var diagnostics: [Diagnostic]
    }

    static let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)

    static func read(_ source: SourceFile) -> Reading {
        Reading(plan: linter.parser.parse(source), diagnostics: linter.lint(source))
    }

    static func original(_ name: String) throws -> SourceFile {
        try linter.parser.load(path: root.appendingPathComponent(name).path, displayPath: name)
    }

    static func converted(_ name: String) throws -> SourceFile {
        let text = try linter.parser.convert(path: root.appendingPathComponent(name).path, displayPath: name)
        return SourceFile(path: "converted.md", text: text)
    }

    /// Each objective's rules that fire at it, in order.
    static func perObjective(_ reading: Reading) -> [[String]] {
        reading.plan.objectives.map { objective in
            Set(reading.diagnostics.filter { $0.range.start == objective.anchor.start }.map(\.ruleID)).sorted()
        }
    }

    @Test("reading the conversion gives the same objectives, fields and dates", arguments: plans)
    func samePlan(name: String) throws {
        let before = Self.read(try Self.original(name)).plan
        let after = Self.read(try Self.converted(name)).plan
        #expect(after.objectives.map(\.number) == before.objectives.map(\.number))
        #expect(after.objectives.map(\.title) == before.objectives.map(\.title))
        #expect(after.objectives.map { $0.fields.keys.sorted() } == before.objectives.map { $0.fields.keys.sorted() })
        #expect(after.objectives.map { $0.actions.count } == before.objectives.map { $0.actions.count })
        for key in Plan.dateKeys {
            #expect(after.date(key)?.span == before.date(key)?.span, "\(key)")
        }
    }

    @Test("checking the conversion gives the same findings", arguments: plans)
    func sameFindings(name: String) throws {
        let before = Self.read(try Self.original(name))
        let after = Self.read(try Self.converted(name))
        #expect(Set(after.diagnostics.map(\.ruleID)) == Set(before.diagnostics.map(\.ruleID)))
        #expect(Self.perObjective(after) == Self.perObjective(before))
    }

    @Test("converting a converted plan changes nothing", arguments: plans)
    func stable(name: String) throws {
        let once = try Self.converted(name)
        let document = DocumentReaders.reader(for: once).read(once)
        let twice = PlanWriter.markdown(Self.linter.parser.recover(document), from: document, vocabulary: TestSupport.builtInRuleSet.vocabulary)
        #expect(twice == String(decoding: once.bytes, as: UTF8.self))
    }

    @Test("golden conversions of the seeds", arguments: plans.filter { $0.hasPrefix("seeds/") })
    func golden(name: String) throws {
        assertSnapshot(String(decoding: try Self.converted(name).bytes, as: UTF8.self), named: "convert/\(name.dropFirst(6)).md")
    }
}
