import Foundation
import Testing

/// The command with a configuration file, a baseline and an output file.
@Suite("The eqlint command in a plans repository")
struct CLIConfigurationTests {
    /// A plan with one error (no lead, line 8) and one warning (no end date, line 10).
    static let plan = """
        ---
        period: 2025-09 to 2028-08
        published: 2025-10-01
        ---

        # Equality objectives 2025-2028

        ## Objective 1: Improve attendance of pupils with SEND

        **Timescale:** Ongoing
        **Aim:** Advance equality of opportunity
        **Characteristics:** disability

        ### Success criteria

        - Attendance of pupils with SEND rises from 89% to 93% by July 2027.

        ### Child-friendly version

        We want everyone to come to school every day.

        ### Why we have chosen this objective

        Pupils with SEND attended 89% of sessions last year. Approved by the governing board on 1 October 2025; next review July 2026.

        """

    /// A repository with that plan in plans/, and a configuration if given.
    static func repository(configuration: String? = nil) throws -> URL {
        let root = try TemporaryFolder.make("configuration")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try Self.plan.write(to: root.appendingPathComponent("plans/plan.md"), atomically: false, encoding: .utf8)
        if let configuration {
            try configuration.write(to: root.appendingPathComponent(".eqlint.json5"), atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test("the test plan has the findings the other tests rely on")
    func plan() throws {
        let result = try CLITests.run(["check", "--today", "2026-11-23", "plans"], in: try Self.repository())
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: Objective 1 has no lead"))
        #expect(result.stdout.contains("warning: Timescale \u{201C}Ongoing\u{201D}"))
    }

    @Test("a configuration found above the plan changes rules and failOn; --fail-on still wins")
    func configuration() throws {
        let root = try Self.repository(configuration: "{ rules: { \"objective-lead\": \"warning\" }, failOn: \"error\" }")
        let result = try CLITests.run(["check", "--today", "2026-11-23", "plans/plan.md"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: Objective 1 has no lead"))
        #expect(try CLITests.run(["check", "--today", "2026-11-23", "--fail-on", "warning", "plans"], in: root).status == 1)
        #expect(try CLITests.run(["check", "--today", "2026-11-23", "--no-config", "plans"], in: root).status == 1)
        let rules = try CLITests.run(["rules"], in: root)
        #expect(rules.stdout.contains("objective-lead               warning  good-practice  Each objective names who leads it"))
        #expect(rules.stdout.contains("(set by .eqlint.json5)"))
    }

    @Test("--config names the file; a broken one stops the run with its place")
    func brokenConfiguration() throws {
        let root = try Self.repository(configuration: "{\n  rules: { \"objective-leed\": \"off\" },\n}\n")
        let result = try CLITests.run(["check", "plans"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr == "eqlint: error: .eqlint.json5:2:12: no rule is named 'objective-leed'; did you mean 'objective-lead'?\n")
        let named = try CLITests.run(["check", "--config", "elsewhere.json5", "plans"], in: root)
        #expect(named.status == 2)
        #expect(named.stderr == "eqlint: error: elsewhere.json5: no such configuration file\n")
    }

    @Test("--write-baseline records today's findings; --baseline then shows only new ones")
    func baseline() throws {
        let root = try Self.repository()
        let write = try CLITests.run(["check", "--today", "2026-11-23", "--write-baseline", ".eqlint-baseline.json", "plans"], in: root)
        #expect(write.status == 0)
        #expect(write.stderr.contains("wrote 2 findings to the baseline .eqlint-baseline.json"))
        let quiet = try CLITests.run(["check", "--today", "2026-11-23", "--baseline", ".eqlint-baseline.json", "plans"], in: root)
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "")
        #expect(quiet.stderr == "1 plan checked: no problems found; 2 known from the baseline not shown\n")
        // Lines above the findings move them; a new objective brings a new finding.
        let path = root.appendingPathComponent("plans/plan.md")
        let plan = try String(contentsOf: path, encoding: .utf8)
        try ("Intro line.\n\n" + plan + "\n## Objective 3: Celebrate languages\n").write(to: path, atomically: false, encoding: .utf8)
        let after = try CLITests.run(["check", "--today", "2026-11-23", "--baseline", ".eqlint-baseline.json", "plans"], in: root)
        #expect(after.status == 1)
        #expect(!after.stdout.contains("Objective 1 has no lead"))
        #expect(after.stdout.contains("Objective 3 has no lead"))
        let missing = try CLITests.run(["check", "--baseline", "nope.json", "plans"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr == "eqlint: error: nope.json: no such baseline file (write one with --write-baseline)\n")
    }

    @Test("--output writes the report to a file and the text to the terminal")
    func output() throws {
        let root = try Self.repository()
        let result = try CLITests.run(["check", "--today", "2026-11-23", "--format", "json", "--output", "report.json", "plans"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("plans/plan.md:"))
        #expect(result.stdout.contains("error: Objective 1 has no lead"))
        let written = try Data(contentsOf: root.appendingPathComponent("report.json"))
        let document = try JSONSerialization.jsonObject(with: written) as? [String: Any]
        #expect((document?["diagnostics"] as? [Any])?.count == 2)
        let unwritable = try CLITests.run(["check", "--output", "/no/such/folder/report.json", "plans"], in: root)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("eqlint: error: /no/such/folder/report.json: cannot be written"))
    }

    @Test("suppression comments work from the command line")
    func suppression() throws {
        let root = try Self.repository()
        let path = root.appendingPathComponent("plans/plan.md")
        let plan = try String(contentsOf: path, encoding: .utf8)
        try plan.replacingOccurrences(of: "## Objective 1:", with: "<!-- eqlint-disable-next-line objective-lead -- the trust plan names the lead -->\n## Objective 1:")
            .write(to: path, atomically: false, encoding: .utf8)
        let result = try CLITests.run(["check", "--today", "2026-11-23", "plans"], in: root)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("has no lead"))
    }
}

extension CLIConfigurationTests {
    @Test("every format from the command line; SARIF written with --output has repository-relative paths",
          arguments: ["sarif", "github", "junit", "checkstyle", "html"])
    func formats(format: String) throws {
        let root = try Self.repository()
        let result = try CLITests.run(["check", "--today", "2026-11-23", "--format", format, "--output", "report.out", "plans"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("plans/plan.md:8:4: error: Objective 1 has no lead"))
        let written = try String(contentsOf: root.appendingPathComponent("report.out"), encoding: .utf8)
        switch format {
        case "sarif": #expect(written.contains("\"uri\" : \"plans/plan.md\""))
        case "github": #expect(written.hasPrefix("::error file=plans/plan.md,line=8,col=4,endLine=8,endColumn=55,title=objective-lead (recommendation)::"))
        case "junit": #expect(written.contains("<testsuite name=\"plans/plan.md\""))
        case "html": #expect(written.contains("<span class=\"file\">plans/plan.md</span>") && written.hasSuffix("</html>\n"))
        default: #expect(written.contains("<file name=\"plans/plan.md\">"))
        }
    }
}
