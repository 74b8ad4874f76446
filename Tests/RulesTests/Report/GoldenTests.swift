import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// Golden output for every plan in `examples/`: the exact findings, in every
/// registered format, as `eqlint check --today 2026-11-23 --format FORMAT
/// examples/NAME.md` prints them.
@Suite("Golden output of the examples")
struct GoldenTests {
    static let exampleNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.examplesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }()

    static func report(_ name: String) throws -> FileReport {
        let path = TestSupport.examplesDirectory.appendingPathComponent(name).path
        let source = try SourceFile.read(path: path, displayPath: "examples/\(name)")
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let checked = linter.check(source)
        var report = FileReport(path: source.path, source: source, diagnostics: checked.diagnostics)
        report.synopsis = checked.synopsis
        return report
    }

    @Test("there are examples to check")
    func examplesExist() {
        #expect(Self.exampleNames.count >= 6)
    }

    /// The golden file of an example in a format: `NAME.FORMAT`, or that
    /// with an extension after it (`model-plan.md.junit.xml`). A format with
    /// none yet has `NAME.FORMAT` recorded, and its test fails until run again.
    static func snapshotName(_ name: String, format: String) -> String {
        let stem = "\(name).\(format)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.snapshotsDirectory.path)) ?? []
        return names.filter { $0 == stem || $0.hasPrefix(stem + ".") }.sorted().first ?? stem
    }

    @Test("output in every registered format", arguments: Reporters.identifiers, exampleNames)
    func golden(format: String, name: String) throws {
        let reporter = try Reporters.named(format).init(context: TestSupport.reporterContext)
        assertSnapshot(reporter.report([try Self.report(name)]), named: Self.snapshotName(name, format: format))
    }

    @Test("the model plan passes every rule")
    func modelPlanIsClean() throws {
        #expect(try Self.report("model-plan.md").diagnostics.isEmpty)
    }

    @Test("each seed plan's real gaps are reported", arguments: [
        ("spixworth-infant-2025-26.md", ["objective-aim", "objective-child-friendly", "lead-initials", "criterion-vague", "objective-measurable", "plan-period-ended"]),
        ("federation-2020-2024.md", ["plan-expired", "objective-success-criteria", "timescale-end-date", "objective-child-friendly"]),
        ("link-learning-trust-2022-2024.md", ["plan-expired", "objective-aim", "objective-lead", "objective-timescale", "objective-success-criteria"]),
        ("secondary-2020-2024.md", ["plan-expired", "objective-aim", "objective-success-criteria", "lead-initials"]),
        ("soke-education-trust-2023-2026.md", ["objective-aim", "timescale-end-date", "criterion-vague", "plan-period-ended"]),
    ])
    func seedGaps(name: String, expectedRules: [String]) throws {
        let found = Set(try Self.report(name).diagnostics.map(\.ruleID))
        for rule in expectedRules {
            #expect(found.contains(rule), "\(name) should be reported by \(rule)")
        }
    }
}
