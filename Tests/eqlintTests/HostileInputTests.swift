import Foundation
import Testing

/// Hostile input, end to end through the built binary: each case gets a
/// clear one-line error or a correct finding, the documented exit status
/// (0 clean, 1 findings, 2 could not do the job), finishes in bounded time,
/// and leaves its input untouched. Big inputs are made in a temporary folder
/// at test time, never committed.
@Suite("Hostile input")
struct HostileInputTests {
    /// How long one run may take. Generous, for a debug build on a busy
    /// machine: it catches time that grows faster than the input (minutes,
    /// hours), not a slow constant; scripts/benchmark measures speed.
    static let timeLimit = 300.0

    static let modelPlan = try! String(contentsOf: CLITests.packageRoot.appendingPathComponent("examples/model-plan.md"), encoding: .utf8)

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// Writes `files` into a new folder, runs eqlint there, and checks that
    /// no file in the folder was changed by the run.
    static func run(_ arguments: [String], files: [String: Data] = [:], stdin: String? = nil,
                    prepare: (URL) throws -> Void = { _ in }) throws -> Run {
        let folder = try TemporaryFolder.make("hostile-input")
        for (name, data) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try prepare(folder)
        let before = try snapshot(folder)
        let start = Date()
        let result = try CLITests.run(arguments, stdin: stdin, in: folder)
        let seconds = Date().timeIntervalSince(start)
        #expect(try snapshot(folder) == before, "eqlint changed a file in the folder it checked")
        #expect(seconds < timeLimit, "took \(seconds) s")
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: seconds)
    }

    /// A file's bytes and modification time.
    struct FileState: Equatable {
        var data: Data
        var modified: Date?
    }

    /// Each regular file in the folder, as it is now.
    static func snapshot(_ folder: URL) throws -> [String: FileState] {
        var state: [String: FileState] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder.path) else { return state }
        for case let relative as String in walker {
            let path = folder.appendingPathComponent(relative).path
            guard let attributes = try? manager.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular,
                  let data = manager.contents(atPath: path) else { continue }
            state[relative] = FileState(data: data, modified: attributes[.modificationDate] as? Date)
        }
        return state
    }

    static func data(_ text: String) -> Data { Data(text.utf8) }

    static let today = ["check", "--today", "2026-11-23"]

    // MARK: Almost nothing

    @Test("an empty file: no objectives, reported at 1:1, exit 1")
    func emptyFile() throws {
        let result = try Self.run(Self.today + ["empty.md"], files: ["empty.md": Data()])
        #expect(result.status == 1)
        #expect(result.stdout.contains("empty.md:1:1: error: No equality objectives found in this plan [plan-has-objectives]\n"))
        #expect(result.stdout.contains("empty.md:1:1: warning: No period or publication date found"))
    }

    @Test("a file of only front matter: its dates are read, no objectives reported at 1:1, exit 1")
    func onlyFrontMatter() throws {
        let plan = "---\nperiod: 2025-09 to 2028-08\npublished: 2025-10-01\n---\n"
        let result = try Self.run(Self.today + ["plan.md"], files: ["plan.md": Self.data(plan)])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("plan.md:1:1: error: No equality objectives found in this plan [plan-has-objectives]\n"
            + "plan.md:1:1: note: eqlint looked for objectives marked 'Objective 1: ...' (as a heading or on a line of their own), "
            + "'Objective:' labels, 'Link to Objective 1' rows, numbered or bulleted lists under a line such as 'Our equality "
            + "objectives are:', and tables with an 'Objective' column, and found none. Run 'eqlint outline' on the file to see "
            + "what it read, then mark each objective in one of those ways, such as 'Objective 1: Improve the attendance of pupils with SEND'.\n"))
        #expect(!result.stdout.contains("plan-dates"), "the front matter's dates are read")
    }

    // MARK: Not text

    @Test("invalid UTF-8: a finding at the first bad byte (line:column and byte offset), and the rest of the plan checked")
    func invalidUTF8() throws {
        // "Café" saved as Latin-1: the é is the single byte 0xE9.
        var plan = Self.data("# Equality objectives 2025-2028\n\n## Objective 1: Caf")
        plan.append(0xE9)
        plan.append(Self.data(" mornings for every family\n\n## Objective 2: Reduce bullying\n"))
        let result = try Self.run(Self.today + ["latin1.md"], files: ["latin1.md": plan])
        #expect(result.status == 1)
        #expect(result.stdout.contains("latin1.md:3:20: error: This file is not valid UTF-8 text: byte 0xE9 at byte offset 52 "
            + "is not part of any character; eqlint read it as \u{FFFD} and checked the rest [invalid-utf8]\n"))
        // After the bad byte, the plan is still read: both objectives, their own findings.
        #expect(result.stdout.contains("latin1.md:3:4: error: Objective 1 has no lead"))
        #expect(result.stdout.contains("latin1.md:5:4: error: Objective 2 has no lead"))
        #expect(result.stderr == "11 errors, 2 warnings, 3 info in 1 plan (1 checked): 6 legal requirements not met, 10 recommendations\n")
        // It is a finding: in every format, and --fail-on decides the exit status.
        let json = try Self.run(Self.today + ["--format", "json", "--fail-on", "never", "latin1.md"], files: ["latin1.md": plan])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"ruleId\" : \"invalid-utf8\""))
    }

    @Test("a binary file named on the command line: one-line error, exit 2")
    func binaryFile() throws {
        let result = try Self.run(Self.today + ["scan.md"], files: ["scan.md": Data([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x0A])])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "eqlint: error: scan.md: looks like a binary file, not text; save it as plain UTF-8 text\n")
    }

    @Test("a binary file found in a folder: skipped with a warning, the other plans checked, not exit 2")
    func binaryFileInFolder() throws {
        let files = ["plans/scan.md": Data([0x00, 0xFF, 0x00]), "plans/model-plan.md": Self.data(Self.modelPlan)]
        let result = try Self.run(Self.today + ["plans"], files: files)
        #expect(result.status == 0)
        #expect(result.stderr == "eqlint: warning: plans/scan.md: looks like a binary file, not text; skipped\n"
            + "1 plan checked: no problems found\n")
        // A folder of nothing but binary files checks nothing: that is an error, not a pass.
        let only = try Self.run(Self.today + ["plans"], files: ["plans/scan.md": Data([0x00])])
        #expect(only.status == 2)
        #expect(only.stderr.contains("eqlint: error: plans: holds no plan files (*.md, *.txt, *.html, *.docx, *.odt, *.pdf), so nothing was checked\n"))
    }

    // MARK: Big

    @Test("a 50 MB plan: checked in bounded time and memory, exit as its findings say")
    func fiftyMegabytes() throws {
        let unit = "Parents told us the breakfast club helps their children settle in the morning.\n"
            + "- Year 5 said the new reading corner is their favourite place in school.\n"
            + "| Question | Agree |\n|---|---|\n| I feel safe at school | 94% |\n\n"
        let appendix = "\n## Appendix: consultation responses\n\n" + String(repeating: unit, count: 50_000_000 / unit.utf8.count + 1)
        let result = try Self.run(Self.today + ["big.md"], files: ["big.md": Self.data(Self.modelPlan + appendix)])
        #expect(result.status == 0)
        #expect(result.stderr == "1 plan checked: no problems found\n")
    }

    @Test("a line of 10 MB: its finding has the right place")
    func tenMegabyteLine() throws {
        let criterion = String(repeating: "pupils feel welcome ", count: 10_000_000 / 20)
        let plan = "# Plan 2025-2028\n\n## Objective 1: Attendance from 89% to 94% by July 2027\n\n**Success criteria:** " + criterion + "\n"
        let result = try Self.run(Self.today + ["long.md"], files: ["long.md": Self.data(plan)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("long.md:5:23: warning: This success criterion cannot be measured"))
    }

    @Test("10,000 objectives in one file: each one checked")
    func tenThousandObjectives() throws {
        let plan = "# Plan 2025-2028\n\n" + (1...10_000).map {
            "## Objective \($0): Improve attendance\n\n**Lead:** Headteacher\n**Success criteria:** Attendance rises to 95% by July 2026\n\n"
        }.joined()
        let result = try Self.run(Self.today + ["many.md"], files: ["many.md": Self.data(plan)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("many.md:3:4: error: Objective 1 does not say which aim"))
        #expect(result.stdout.contains("many.md:49998:4: error: Objective \u{201C}10000: Improve attendance\u{201D} does not say which aim"))
        #expect(result.stdout.components(separatedBy: "[objective-aim]").count == 10_001)
        #expect(!result.stdout.contains("has no lead"))
    }

    @Test("1,000 levels of nested lists and block quotes")
    func deepNesting() throws {
        let lists = (0..<1_000).map { String(repeating: "  ", count: $0) + "- Lead: Headteacher \($0)\n" }.joined()
        let quotes = (1...1_000).map { String(repeating: ">", count: $0) + " Success criteria: 95% attend\n" }.joined()
        let mixed = String(repeating: "> - ", count: 1_000) + "Aim: Foster good relations\n"
        let plan = "# Plan 2025-2028\n\n## Objective 1: Belonging\n\n" + lists + "\n" + quotes + "\n" + mixed
        let result = try Self.run(Self.today + ["deep.md"], files: ["deep.md": Self.data(plan)])
        #expect(result.status == 1)
        #expect(result.stdout.contains("deep.md:3:4: error: Objective 1 has no child-friendly version"))
        #expect(!result.stdout.contains("has no lead"))
    }

    @Test("a table of 500 columns: the columns eqlint knows are read, the rest ignored")
    func wideTable() throws {
        let names = ["Action", "Person responsible", "Time frame"] + (4...500).map { "Column \($0)" }
        let row = ["Train staff", "SENCo", "By July 2026"] + (4...500).map { "cell \($0)" }
        let plan = "# Plan 2025-2028\n\n## Objective 1: Inclusion\n\n| " + names.joined(separator: " | ") + " |\n"
            + "|" + String(repeating: "---|", count: 500) + "\n" + String(repeating: "| " + row.joined(separator: " | ") + " |\n", count: 100)
        let result = try Self.run(Self.today + ["wide.md"], files: ["wide.md": Self.data(plan)])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("has no lead"))
        #expect(!result.stdout.contains("has no timescale"))
        #expect(result.stdout.contains("wide.md:3:4: error: Objective 1 does not say which aim"))
    }

    // MARK: Line endings

    @Test("CRLF, CR-only, mixed line endings and a byte-order mark give the same lines and columns")
    func lineEndings() throws {
        let lines = ["# Equality objectives 2025\u{2013}2028", "", "## Objective 1: Caf\u{E9} mornings for 40 families by July 2027", "",
                     "**Lead:** JB", "**Success criteria:** more families feel welcome"]
        let variants: [String: Data] = [
            "lf.md": Self.data(lines.joined(separator: "\n") + "\n"),
            "crlf.md": Self.data(lines.joined(separator: "\r\n") + "\r\n"),
            "cr.md": Self.data(lines.joined(separator: "\r") + "\r"),
            "mixed.md": Self.data(zip(lines, ["\n", "\r\n", "\r", "\r\n", "\n", "\r"]).map { $0 + $1 }.joined()),
            "bom.md": Data([0xEF, 0xBB, 0xBF]) + Self.data(lines.joined(separator: "\r\n")),
        ]
        var outputs: [String: String] = [:]
        for name in variants.keys {
            let result = try Self.run(Self.today + [name], files: [name: variants[name]!])
            #expect(result.status == 1)
            outputs[name] = result.stdout.replacingOccurrences(of: name + ":", with: "PLAN:")
        }
        let expected = try #require(outputs["lf.md"])
        #expect(expected.contains("PLAN:5:11: warning: The lead uses initials"))
        #expect(expected.contains("PLAN:6:23: warning: This success criterion cannot be measured"))
        for (name, output) in outputs { #expect(output == expected, "\(name)") }
    }

    // MARK: Paths

    @Test("a symbolic link loop: a one-line error, exit 2; a folder that links to itself does not hang the search")
    func symlinkLoop() throws {
        let named = try Self.run(Self.today + ["loop.md"]) { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop.md").path, withDestinationPath: "loop.md")
        }
        #expect(named.status == 2)
        #expect(named.stderr.hasPrefix("eqlint: error: loop.md: is a symbolic link that leads nowhere (to a missing file, or round in a loop)\n"))
        let walked = try Self.run(Self.today + ["plans"], files: ["plans/model-plan.md": Self.data(Self.modelPlan)]) { folder in
            let plans = folder.appendingPathComponent("plans")
            try FileManager.default.createSymbolicLink(atPath: plans.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
            try FileManager.default.createSymbolicLink(atPath: plans.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
            try FileManager.default.createSymbolicLink(atPath: plans.appendingPathComponent("up").path, withDestinationPath: "..")
        }
        #expect(walked.status == 2)
        #expect(walked.stderr == "eqlint: error: plans/a.md: is a symbolic link that leads nowhere (to a missing file, or round in a loop)\n"
            + "eqlint: error: plans/b.md: is a symbolic link that leads nowhere (to a missing file, or round in a loop)\n"
            + "1 plan checked: no problems found\n")
    }

    @Test("a folder and a file eqlint may not read: a one-line error each, exit 2",
          .disabled(if: geteuid() == 0, "running as root: permissions do not stop root reading, so there is nothing to test"))
    func unreadable() throws {
        let result = try Self.run(Self.today + ["plans", "secret.md"],
                                  files: ["plans/locked/a.md": Self.data("# A\n"), "plans/model-plan.md": Self.data(Self.modelPlan),
                                          "secret.md": Self.data("# B\n")]) { folder in
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("plans/locked").path)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("secret.md").path)
        }
        #expect(result.status == 2)
        #expect(result.stderr.contains("eqlint: error: plans/locked: cannot be read (check that you may open it)\n"))
        #expect(result.stderr.contains("eqlint: error: secret.md: cannot be read (check that you may open it)\n"))
    }

    @Test("a path that does not exist: a one-line error, exit 2, nothing on standard output")
    func missingPath() throws {
        let result = try Self.run(Self.today + ["no/such/plan.md"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "eqlint: error: no/such/plan.md: no such file or directory\n")
    }

    @Test("'-' is standard input; a file named '-' is checked as ./-")
    func dash() throws {
        let plan = "# Plan 2025-2028\n\n## Objective 1: Kindness\n"
        let file = try Self.run(Self.today + ["./-"], files: ["-": Self.data(plan)])
        #expect(file.status == 1)
        #expect(file.stdout.contains("./-:3:4: error: Objective 1 has no lead"))
        let stdin = try Self.run(Self.today + ["-"], files: ["-": Self.data("# Not this one\n")], stdin: plan)
        #expect(stdin.status == 1)
        #expect(stdin.stdout.contains("<stdin>:3:4: error: Objective 1 has no lead"))
    }

    // MARK: Rules

    static func rule(pattern: String) -> String {
        """
        {
          id: "lead-pattern",
          severity: "warning",
          summary: "Leads are written as roles.",
          scope: "entry",
          field: "lead",
          check: "not-matches",
          options: { pattern: "\(pattern)" },
          message: "{objective}: the lead is not a role",
          help: "Name a role.",
          source: "A trust's rule.", basis: "good-practice",
          examples: { pass: [["## Objective 1", "Lead: Head"]], fail: [["## Objective 1", "Lead: aa"]] },
        }
        """
    }

    @Test("a rule pattern of the exponential shape ((a+)+$) is refused when the rules load, at its place")
    func catastrophicPatternRefused() throws {
        let result = try Self.run(Self.today + ["--rules", "trust", "plan.md"],
                                  files: ["trust/lead-pattern.json5": Self.data(Self.rule(pattern: "(a+)+$")),
                                          "plan.md": Self.data("## Objective 1\n")])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "eqlint: error: trust/lead-pattern.json5:8:23: 'pattern' can take exponential time: '(a+)+' repeats a group "
            + "that itself repeats; make the inner repeat possessive ('a++') or the group atomic ('(?>...)')\n")
    }

    @Test("a rule pattern that backtracks without end is stopped after about a second and reported with its rule and place; the rest is checked")
    func catastrophicPatternStopped() throws {
        let plan = "# Plan 2025-2028\n\n## Objective 1\n\nLead: " + String(repeating: "a", count: 64) + "b\n\n"
            + "## Objective 2\n\nLead: " + String(repeating: "a", count: 80) + "c\n"
        let result = try Self.run(Self.today + ["--rules", "trust", "plan.md"],
                                  files: ["trust/lead-pattern.json5": Self.data(Self.rule(pattern: "^(a|aa)+$")), "plan.md": Self.data(plan)])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("eqlint: error: trust/lead-pattern.json5:8:23: rule 'lead-pattern': the pattern '^(a|aa)+$' "
            + "took more than 0.5 seconds on plan.md:5:7 and was stopped, so the rule is not fully checked;"))
        // Reported once: the pattern is not run again on the second objective.
        #expect(result.stderr.components(separatedBy: "was stopped").count == 2)
        #expect(result.seconds < 15)
        // The other rules still ran.
        #expect(result.stdout.contains("plan.md:7:4: error: Objective 2 does not say which aim"))
        #expect(!result.stdout.contains("[lead-pattern]"))
    }
}
