import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// Baselines: today's findings recorded, so that only new ones are reported.
@Suite("Baselines")
struct BaselineTests {
    static func report(_ text: String, path: String = "plans/a.md") -> FileReport {
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let source = SourceFile(path: path, text: text)
        return FileReport(path: path, source: source, diagnostics: linter.lint(source))
    }

    static let plan = "# Plan 2025-2028\n\n## Objective 1: Kindness\n\n## Objective 2: Attendance\nLead: Headteacher\n"

    @Test("a finding in the baseline is not reported again, even when lines move")
    func linesMove() throws {
        let baseline = Baseline(reports: [Self.report(Self.plan)], directory: "/repo", currentDirectory: "/repo")
        let edited = Self.report("# Plan 2025-2028\n\nA new introduction.\nAnd another line.\n\n" + Self.plan.dropFirst(18))
        let (reports, known) = baseline.filter([edited], directory: "/repo", currentDirectory: "/repo")
        #expect(reports[0].diagnostics.isEmpty)
        #expect(known == edited.diagnostics.count)
    }

    @Test("a new finding is reported; a fixed one simply goes")
    func newFindings() throws {
        let baseline = Baseline(reports: [Self.report(Self.plan)], directory: "/repo", currentDirectory: "/repo")
        let edited = Self.report(Self.plan.replacingOccurrences(of: "Lead: Headteacher", with: "") + "## Objective 3: Belonging\n")
        let (reports, _) = baseline.filter([edited], directory: "/repo", currentDirectory: "/repo")
        let new = reports[0].diagnostics.map { "\($0.ruleID) \($0.faultText)" }
        #expect(new.contains("objective-lead Objective 2: Attendance"))
        #expect(new.contains("objective-lead Objective 3: Belonging"))
        #expect(!new.contains("objective-lead Objective 1: Kindness"))
    }

    @Test("files match relative to the baseline's folder, however the path was given")
    func paths() {
        let baseline = Baseline(reports: [Self.report(Self.plan, path: "./plans/a.md")], directory: "/repo", currentDirectory: "/repo")
        #expect(baseline.entries.allSatisfy { $0.file == "plans/a.md" })
        let (reports, _) = baseline.filter([Self.report(Self.plan, path: "a.md")], directory: "/repo", currentDirectory: "/repo/plans")
        #expect(reports[0].diagnostics.isEmpty)
        let other = baseline.filter([Self.report(Self.plan, path: "plans/b.md")], directory: "/repo", currentDirectory: "/repo")
        #expect(!other.reports[0].diagnostics.isEmpty)
    }

    @Test("it is written as JSON and read back; a bad file is an error")
    func roundTrip() throws {
        let baseline = Baseline(reports: [Self.report(Self.plan)], directory: "/repo", currentDirectory: "/repo")
        let url = try TemporaryFolder.make("baseline").appendingPathComponent("baseline.json")
        try baseline.json.write(to: url, atomically: false, encoding: .utf8)
        #expect(try Baseline.read(path: url.path) == baseline)
        #expect(baseline.json.contains("\"text\" : \"Objective 1: Kindness\""))
        try "{\"findings\": 3}".write(to: url, atomically: false, encoding: .utf8)
        #expect(throws: RuleFileError(path: url.path, location: nil, message: "is not a baseline file written by eqlint --write-baseline")) {
            try Baseline.read(path: url.path)
        }
    }
}
