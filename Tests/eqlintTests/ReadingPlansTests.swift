import Foundation
import Testing

/// `eqlint outline`, `eqlint convert` and folder searches on plans as
/// schools write them, run as a user would.
@Suite("Reading plans as schools write them, end to end")
struct ReadingPlansTests {
    static let seed = CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/seeds/link-learning-trust-2022-2024.txt")

    @Test("check reads a Word document saved as text: its objectives' real gaps at their lines")
    func checkText() throws {
        let result = try CLITests.run(["check", "--today", "2026-11-23", Self.seed.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("link-learning-trust-2022-2024.txt:13:1: error: Objective 1 has no lead: nobody is named as responsible for it [objective-lead]"))
        #expect(!result.stdout.contains("plan-has-objectives"))
    }

    @Test("check reads a web page Word saved in Windows-1252 as written, and a law's year is no review date")
    func checkWindows1252Page() throws {
        let page = CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/html/legacy/word-filtered.html")
        let result = try CLITests.run(["check", "--today", "2026-11-23", "--no-notes", page.path])
        #expect(!result.stdout.contains("invalid-utf8"))
        // "will be reviewed in March 2026. They meet our duties under the Equality Act 2010."
        #expect(result.stdout.contains("word-filtered.html:46:74: info: The plan says it will be reviewed by 31 March 2026, and that date has passed"))
        #expect(result.stderr.hasPrefix("0 errors, 2 warnings, 3 info in 1 plan (1 checked): "))
    }

    @Test("outline shows the dates, objectives and fields read, as text and as JSON")
    func outline() throws {
        let text = try CLITests.run(["outline", Self.seed.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  Objective 1 (line 13)\n"))
        #expect(text.stdout.contains("period:    1 September 2022 to 31 August 2024, from the title (line 1)"))
        let json = try CLITests.run(["outline", "--format", "json", Self.seed.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let plans = try #require(document["plans"] as? [[String: Any]])
        let objectives = try #require(plans.first?["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["line"] as? Int } == [13, 29, 48])
        let rationale = (objectives[0]["fields"] as? [String: [[String: Any]]])?["rationale"]
        #expect(rationale?.first?["line"] as? Int == 17)
        let wrongFormat = try CLITests.run(["outline", "--format", "sarif", Self.seed.path])
        #expect(wrongFormat.status == 2)
        #expect(wrongFormat.stderr == "eqlint: error: outline prints text or json, not 'sarif'\n")
    }

    @Test("outline names the lines it could not place")
    func unplaced() throws {
        let plan = "Objective 1: Improve attendance\nStaff responsible: Mrs Patel\nLead: SENCo\n"
        let result = try CLITests.run(["outline", "--stdin-filename", "plan.txt", "-"], stdin: plan)
        #expect(result.stdout.contains("line 2: \u{201C}Staff responsible\u{201D} looks like a label but is not one eqlint knows; add it to the labels vocabulary"))
    }

    @Test("no objectives found: the note says what eqlint looked for and suggests the outline")
    func nothingFound() throws {
        let result = try CLITests.run(["check", "--stdin-filename", "notes.txt", "-"], stdin: "We value every child.\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: No equality objectives found in this plan [plan-has-objectives]"))
        #expect(result.stdout.contains("Run 'eqlint outline' on the file to see what it read"))
    }

    @Test("convert prints the plan format, writes a new file with -o, and never writes over one unless forced")
    func convert() throws {
        let folder = try TemporaryFolder.make("reading-plans")
        let printed = try CLITests.run(["convert", Self.seed.path], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout.hasPrefix("---\nperiod: 2022-09 to 2024-08\n---\n\n# LINK Learning Trust Equality Objectives 2022-2024\n"))
        #expect(printed.stdout.contains("\n## Objective 1: Improve the attendance of pupils with SEND"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written beside anything")

        let written = try CLITests.run(["convert", Self.seed.path, "-o", "plan.md"], in: folder)
        #expect(written.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("plan.md"), encoding: .utf8) == printed.stdout)
        let again = try CLITests.run(["convert", Self.seed.path, "-o", "plan.md"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr == "eqlint: error: plan.md: already exists; give another name, or --force to write over it\n")
        let forced = try CLITests.run(["convert", "--force", Self.seed.path, "-o", "plan.md"], in: folder)
        #expect(forced.status == 0)

        // The conversion gets the same findings as the text it came from.
        let original = try CLITests.run(["check", "--today", "2026-11-23", "--format", "json", Self.seed.path])
        let converted = try CLITests.run(["check", "--today", "2026-11-23", "--format", "json", "plan.md"], in: folder)
        func rules(_ json: String) throws -> Set<String> {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return Set((document["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String })
        }
        #expect(try rules(converted.stdout) == rules(original.stdout))
        let many = try CLITests.run(["convert", Self.seed.path, Self.seed.path])
        #expect(many.status == 2)
    }

    @Test("a folder search picks up .txt plans, and a README only when it holds objectives")
    func folderSearch() throws {
        let folder = try TemporaryFolder.make("reading-plans")
        try "Objective 1: Improve attendance\nLead: SENCo\n".write(to: folder.appendingPathComponent("plan.txt"), atomically: false, encoding: .utf8)
        try "# Our plans\n\nThis repository holds the trust's plans.\n".write(to: folder.appendingPathComponent("README.md"), atomically: false, encoding: .utf8)
        let result = try CLITests.run(["check", "--today", "2026-11-23", "."], in: folder)
        #expect(result.stdout.contains("./plan.txt:1:1: error: Objective 1"))
        #expect(!result.stdout.contains("README"))
        try "# Objectives\n\nObjective 1: Improve attendance\n".write(to: folder.appendingPathComponent("README.md"), atomically: false, encoding: .utf8)
        let withObjectives = try CLITests.run(["check", "--today", "2026-11-23", "."], in: folder)
        #expect(withObjectives.stdout.contains("./README.md:3:1: error: Objective 1"))
    }
}

extension ReadingPlansTests {
    @Test("a PDF without pdftotext: exit 2 and a sentence saying what to install")
    func pdfWithoutTool() throws {
        let pdf = CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/pdf/model-plan.pdf")
        let result = try CLITests.run(["check", pdf.path], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("model-plan.pdf: reading PDF needs pdftotext (poppler-utils); install it, or save the plan as .docx or text\n"))
    }

    @Test("a PDF is checked in its conversion: the findings' lines are those of eqlint convert")
    func pdfPositions() throws {
        let pdf = CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/pdf/link-learning-trust-2022-2024.pdf")
        let converted = try CLITests.run(["convert", pdf.path])
        let checked = try CLITests.run(["check", "--today", "2026-11-23", pdf.path])
        let lines = converted.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let finding = try #require(checked.stdout.split(separator: "\n").first { $0.contains("[objective-lead]") })
        let place = finding.split(separator: ":")
        let line = try #require(Int(place[1]))
        #expect(lines[line - 1].hasPrefix("## Objective 1:"))
    }
}
