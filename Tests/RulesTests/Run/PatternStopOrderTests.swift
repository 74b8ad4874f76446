import EqlintKit
import Foundation
import Testing

/// A trust's pattern stopped on one plan is skipped on the plans after it
/// in the run's order and on none before it, however many threads check
/// them: a parallel run gives what a serial one does.
@Suite("Stopped patterns in a run")
struct PatternStopOrderTests {
    /// Plans `a` … `f`; `c` has the lead that stops the pattern, the others a lead it finds.
    static func repository() throws -> URL {
        let root = try TemporaryFolder.make("stops")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        var files = ["trust/lead-letters.json5": PatternTimeLimitTests.rule]
        for name in ["a", "b", "c", "d", "e", "f"] {
            let lead = name == "c" ? PatternTimeLimitTests.exponentialText : "aa"
            files["plans/\(name).md"] = "## Objective 1\n\nLead: \(lead)\n"
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }

    /// Each plan's name, with `+` when it has a `lead-letters` finding.
    static func run(_ root: URL, jobs: Int) throws -> (plans: [String], stops: [String]) {
        let resolver = ConfigurationResolver(source: .discover, ruleDirectories: [root.appendingPathComponent("trust").path],
                                             today: TestSupport.goldenToday, currentDirectory: root.path)
        var run = CheckRun(resolver: resolver, jobs: jobs)
        let outcome = try run.check(paths: [root.appendingPathComponent("plans").path]) { [] }
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let plans = outcome.reports.map { report in
            URL(fileURLWithPath: report.path).deletingPathExtension().lastPathComponent
                + (report.diagnostics.contains { $0.ruleID == "lead-letters" } ? "+" : "")
        }
        let stops = outcome.reports.flatMap { report in report.stoppedPatterns.map { "\($0.path.split(separator: "/").last!)" } }
        return (plans, stops)
    }

    @Test("a pattern stopped on plan c is skipped on d, e and f, and was run on a and b, with one thread or several")
    func runOrder() throws {
        let root = try Self.repository()
        let serial = try Self.run(root, jobs: 1)
        #expect(serial.plans == ["a+", "b+", "c", "d", "e", "f"])
        // The plan that stopped it reports it; the later plans that skip it say so too (the command prints it once).
        #expect(serial.stops == ["c.md", "d.md", "e.md", "f.md"])
        let parallel = try Self.run(root, jobs: 6)
        #expect(parallel.plans == serial.plans)
        #expect(parallel.stops == serial.stops)
    }
}
