import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// `eqlint check` run in the library, its standard output, standard error,
/// files and standard input kept in memory: no process is started.
@Suite("The check command")
struct CheckCommandTests {
    /// What a command wrote, and what it reads from standard input.
    final class RecordedIO {
        /// Each write to standard output, in order.
        var writes: [String] = []
        var standardError = ""
        var files: [String: String] = [:]
        var standardInput: [UInt8] = []
        /// Whether standard output is closed.
        var outputFails = false

        var standardOutput: String { writes.joined() }

        var io: CommandIO {
            CommandIO(
                writeOutput: { [self] text throws(CommandError) in
                    if outputFails { throw .standardOutputUnwritable }
                    writes.append(text)
                },
                writeError: { [self] text in standardError += text },
                writeFile: { [self] text, path throws(CommandError) in files[path] = text },
                readStandardInput: { [self] () throws(InputError) in standardInput })
        }
    }

    static let examples = TestSupport.examplesDirectory.path
    static let modelPlan = TestSupport.examplesDirectory.appendingPathComponent("model-plan.md").path

    static func command(_ paths: [String], format: String = "text") throws -> CheckCommand {
        var command = CheckCommand(resolver: ConfigurationResolver(source: .none, ruleDirectories: [], today: TestSupport.goldenToday),
                                   paths: paths)
        command.format = try Reporters.named(format)
        return command
    }

    /// The reports a run of `paths` makes, checked one after another.
    static func reports(_ paths: [String], keepsSourceLines: Bool = false) throws -> [FileReport] {
        var run = CheckRun(resolver: ConfigurationResolver(source: .none, ruleDirectories: [], today: TestSupport.goldenToday),
                           keepsSourceLines: keepsSourceLines)
        return try run.check(paths: paths, readStandardInput: { () throws(InputError) in [] }).reports
    }

    /// A format's document as `eqlint check` makes it in the current folder.
    static func document(_ format: String, _ reports: [FileReport]) throws -> String {
        // The command's rules give their help's example dates for the day checked on, as a linter's do.
        let ruleSet = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday).ruleSet
        return try Reporters.named(format).init(context: ReporterContext(ruleSet: ruleSet)).report(reports)
    }

    // MARK: Formats

    @Test("every registered format, streamed or not, prints its reporter's whole document; the summary goes to standard error",
          arguments: Reporters.identifiers)
    func everyFormat(format: String) throws {
        let expected = try Self.reports([Self.examples])
        for jobs in [1, 3] {
            var command = try Self.command([Self.examples], format: format)
            command.jobs = jobs
            let recorded = RecordedIO()
            #expect(try command.run(io: recorded.io) == 1)
            #expect(recorded.standardOutput == (try Self.document(format, expected)), "\(format), \(jobs) jobs")
            #expect(recorded.standardError == Summary(expected).description + "\n")
            #expect(recorded.files.isEmpty)
        }
    }

    @Test("a streaming format is written in pieces as plans complete; JUnit, whose totals come first, at the end")
    func streaming() throws {
        let paths = [Self.examples, Self.examples, Self.examples]
        let expected = try Self.reports(paths)
        let streamed = RecordedIO()
        #expect(try Self.command(paths, format: "text").run(io: streamed.io) == 1)
        #expect(streamed.standardOutput == TextReporter().report(expected))
        #expect(streamed.writes.count > 1, "the text is written before the run ends")
        #expect(streamed.writes.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 }, "in pieces of at least 64 KiB")
        let whole = RecordedIO()
        #expect(try Self.command(paths, format: "junit").run(io: whole.io) == 1)
        #expect(whole.writes == [JUnitReporter(ruleSet: TestSupport.builtInRuleSet).report(expected)])
    }

    @Test("colour and source lines on the terminal; a streamed format that is not text is the same with colour on")
    func color() throws {
        let plan = TestSupport.examplesDirectory.appendingPathComponent("federation-2020-2024.md").path
        let withLines = try Self.reports([plan], keepsSourceLines: true)
        var command = try Self.command([plan])
        command.color = true
        let recorded = RecordedIO()
        #expect(try command.run(io: recorded.io) == 1)
        #expect(recorded.standardOutput == TextReporter(color: true, showSource: true).report(withLines))
        #expect(recorded.standardOutput.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        command.format = JSONReporter.self
        let json = RecordedIO()
        #expect(try command.run(io: json.io) == 1)
        #expect(json.standardOutput == JSONReporter().report(withLines))
    }

    // MARK: --output

    @Test("--output writes the chosen format to the file, and text to the terminal", arguments: Reporters.identifiers)
    func output(format: String) throws {
        let expected = try Self.reports([Self.examples])
        var command = try Self.command([Self.examples], format: format)
        command.output = "/reports/eqlint.out"
        let recorded = RecordedIO()
        #expect(try command.run(io: recorded.io) == 1)
        #expect(recorded.files == ["/reports/eqlint.out": try Self.document(format, expected)])
        #expect(recorded.standardOutput == TextReporter().report(expected))
        #expect(recorded.standardError == Summary(expected).description + "\n")
    }

    @Test("with --output and colour, only the terminal is coloured")
    func outputInColor() throws {
        let withLines = try Self.reports([Self.examples], keepsSourceLines: true)
        var command = try Self.command([Self.examples], format: "text")
        command.output = "/reports/eqlint.txt"
        command.color = true
        let recorded = RecordedIO()
        #expect(try command.run(io: recorded.io) == 1)
        #expect(recorded.files["/reports/eqlint.txt"] == TextReporter().report(withLines))
        #expect(recorded.files["/reports/eqlint.txt"]?.contains("\u{1B}") == false)
        #expect(recorded.standardOutput == TextReporter(color: true, showSource: true).report(withLines))
    }

    // MARK: Baselines

    @Test("--write-baseline records the findings and exits 0; --baseline then leaves them out, in every format")
    func baseline() throws {
        let folder = try TemporaryFolder.make("check")
        let path = folder.appendingPathComponent("baseline.json").path
        let expected = try Self.reports([Self.examples])
        let count = expected.flatMap(\.diagnostics).count
        var writing = try Self.command([Self.examples])
        writing.writeBaseline = path
        let written = RecordedIO()
        #expect(try writing.run(io: written.io) == 0)
        #expect(written.standardOutput == TextReporter().report(expected))
        #expect(written.standardError == Summary(expected).description + "\nwrote \(count) findings to the baseline \(path)\n")
        let baseline = try #require(written.files[path])
        #expect(baseline == Baseline(reports: expected, directory: folder.path).json)

        try baseline.write(toFile: path, atomically: false, encoding: .utf8)
        let none = expected.map { report in
            var report = report
            report.diagnostics = []
            return report
        }
        for format in Reporters.identifiers {
            var reading = try Self.command([Self.examples], format: format)
            reading.baseline = path
            let recorded = RecordedIO()
            #expect(try reading.run(io: recorded.io) == 0, "\(format)")
            #expect(recorded.standardOutput == (try Self.document(format, none)), "\(format)")
            #expect(recorded.standardError == "\(expected.count) plans checked: no problems found; \(count) known from the baseline not shown\n")
        }
    }

    @Test("a finding not in the baseline is still reported, and fails the run")
    func newFinding() throws {
        let folder = try TemporaryFolder.make("check")
        let path = folder.appendingPathComponent("baseline.json").path
        try Baseline(reports: try Self.reports([Self.examples]), directory: folder.path).json.write(toFile: path, atomically: false, encoding: .utf8)
        var command = try Self.command([Self.examples, "-"])
        command.baseline = path
        command.standardInputName = "plans/draft.md"
        let recorded = RecordedIO()
        recorded.standardInput = Array("# Plan 2025-2028\n\n## Objective 1: Kindness\n".utf8)
        #expect(try command.run(io: recorded.io) == 1)
        #expect(recorded.standardOutput.hasPrefix("plans/draft.md:"))
        #expect(recorded.standardOutput.contains("plans/draft.md:3:4: error: Objective 1 has no lead"))
        #expect(!recorded.standardOutput.contains("examples/"))
    }

    @Test("a baseline file that is missing stops the run before anything is checked")
    func missingBaseline() throws {
        var command = try Self.command([Self.examples])
        command.baseline = "/no/such/baseline.json"
        let recorded = RecordedIO()
        #expect(throws: CommandError.ruleFile(RuleFileError(path: "/no/such/baseline.json", location: nil,
                                                            message: "no such baseline file (write one with --write-baseline)"))) {
            try command.run(io: recorded.io)
        }
        #expect(recorded.standardOutput == "" && recorded.standardError == "")
        #expect(CommandError.ruleFile(RuleFileError(path: "b.json", location: nil, message: "no such baseline file")).description
            == "b.json: no such baseline file")
    }

    // MARK: Exit status

    @Test("exit status: 0 clean, 1 findings at or above the threshold, 2 a plan that could not be checked")
    func exitStatus() throws {
        let clean = RecordedIO()
        #expect(try Self.command([Self.modelPlan]).run(io: clean.io) == 0)
        #expect(clean.standardOutput == "")
        #expect(clean.standardError == "1 plan checked: no problems found\n")

        #expect(try Self.command([Self.examples]).run(io: RecordedIO().io) == 1)
        var never = try Self.command([Self.examples])
        never.failOn = .never
        #expect(try never.run(io: RecordedIO().io) == 0)

        let missing = RecordedIO()
        #expect(try Self.command(["/no/such/plan.md", Self.examples]).run(io: missing.io) == 2)
        #expect(missing.standardError.hasPrefix("eqlint: error: /no/such/plan.md: no such file or directory\n"))
        #expect(missing.standardOutput == TextReporter().report(try Self.reports([Self.examples])), "the other plans are still checked")

        var recording = try Self.command(["/no/such/plan.md", Self.examples])
        recording.writeBaseline = "/baselines/b.json"
        let recorded = RecordedIO()
        #expect(try recording.run(io: recorded.io) == 2, "findings never fail a run that writes a baseline, errors do")
        #expect(recorded.files["/baselines/b.json"] != nil)
    }

    @Test("a streamed run frees each plan's findings where they were made: the same output, counts and exit status")
    func findingsFreedOnTheCheckingThread() throws {
        func run(keepsFindings: Bool) throws -> [(FileReport, PlanTally, [UInt8]?)] {
            var run = CheckRun(resolver: ConfigurationResolver(source: .none, ruleDirectories: [], today: TestSupport.goldenToday),
                               jobs: 2)
            let reporter = TextReporter()
            run.render = { reporter.partUTF8($0) }
            run.keepsFindings = keepsFindings
            var events: [(FileReport, PlanTally, [UInt8]?)] = []
            try run.check(paths: [Self.examples], readStandardInput: { () throws(InputError) in [] }) { event in
                if case .report(let report, let tally, let rendered) = event { events.append((report, tally, rendered)) }
            }
            return events
        }
        let kept = try run(keepsFindings: true)
        let freed = try run(keepsFindings: false)
        #expect(kept.count == freed.count && kept.count > 1)
        #expect(kept.contains { !$0.0.diagnostics.isEmpty })
        for ((keptReport, keptTally, keptOutput), (freedReport, freedTally, freedOutput)) in zip(kept, freed) {
            #expect(freedReport.diagnostics.isEmpty && freedReport.sourceLines.isEmpty)
            #expect(freedReport.path == keptReport.path)
            #expect(freedTally == keptTally)
            #expect(keptTally == PlanTally(keptReport))
            #expect(freedOutput == keptOutput && freedOutput != nil)
        }

        // The exit status comes from the counts: a plan with warnings and no errors fails at `warning`, not `error`.
        var warningsOnly = PlanTally(FileReport(path: "plan.md", diagnostics: []))
        #expect(!warningsOnly.hasFindings && !warningsOnly.fails(at: .info))
        warningsOnly.warnings = 2
        #expect(warningsOnly.hasFindings)
        #expect(!warningsOnly.fails(at: .error) && warningsOnly.fails(at: .warning) && warningsOnly.fails(at: .info))
        #expect(!warningsOnly.fails(at: .never))
    }

    @Test("a plan's configuration sets the threshold; the command's wins")
    func threshold() throws {
        let folder = try TemporaryFolder.make("check")
        try "{ failOn: \"never\" }\n".write(to: folder.appendingPathComponent(".eqlint.json5"), atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(at: TestSupport.examplesDirectory.appendingPathComponent("federation-2020-2024.md"),
                                         to: folder.appendingPathComponent("plan.md"))
        var command = try Self.command([folder.appendingPathComponent("plan.md").path])
        command.resolver = ConfigurationResolver(source: .discover, ruleDirectories: [], today: TestSupport.goldenToday)
        #expect(try command.run(io: RecordedIO().io) == 0)
        command.failOn = .error
        #expect(try command.run(io: RecordedIO().io) == 1)
    }

    // MARK: Input

    @Test("standard input is read through the I/O and named as asked")
    func standardInput() throws {
        var command = try Self.command(["-"])
        command.standardInputName = "plans/draft.md"
        let recorded = RecordedIO()
        recorded.standardInput = Array("# Plan 2025-2028\n\n## Objective 1: Kindness\n".utf8)
        #expect(try command.run(io: recorded.io) == 1)
        #expect(recorded.standardOutput.contains("plans/draft.md:3:4: error: Objective 1 has no lead"))
    }

    @Test("a binary file a folder search finds is skipped with a warning")
    func binaryFile() throws {
        let folder = try TemporaryFolder.make("check")
        try Data([0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("binary.md"))
        try Data("# Plan 2025-2028\n".utf8).write(to: folder.appendingPathComponent("ok.md"))
        let recorded = RecordedIO()
        #expect(try Self.command([folder.path]).run(io: recorded.io) == 1)
        #expect(recorded.standardError.hasPrefix("eqlint: warning: \(folder.path)/binary.md: looks like a binary file, not text; skipped\n"))
        #expect(recorded.standardOutput.contains("\(folder.path)/ok.md:1:3: error: No equality objectives found"))
    }

    // MARK: Output that cannot be written

    @Test("standard output that cannot be written stops the run with a sentence", arguments: ["text", "junit"])
    func closedOutput(format: String) throws {
        let recorded = RecordedIO()
        recorded.outputFails = true
        #expect(throws: CommandError.standardOutputUnwritable) {
            try Self.command([Self.examples], format: format).run(io: recorded.io)
        }
        #expect(CommandError.standardOutputUnwritable.description == "cannot write to standard output (is it closed, or the disk full?)")
    }

    @Test("files are written in place; a folder or a missing folder is an error with a sentence")
    func writeInPlace() throws {
        let folder = try TemporaryFolder.make("check")
        let file = folder.appendingPathComponent("report.json").path
        try CommandIO.writeInPlace("{}\n", to: file)
        #expect(FileManager.default.contents(atPath: file) == Data("{}\n".utf8))
        #expect(throws: CommandError.isDirectory(path: folder.path)) { try CommandIO.writeInPlace("x", to: folder.path) }
        #expect(CommandError.isDirectory(path: "out").description == "out: is a directory; give a file name to write to")
        do {
            try CommandIO.writeInPlace("x", to: "/no/such/folder/report.json")
            Issue.record("wrote into a folder that does not exist")
        } catch {
            #expect(error.description.hasPrefix("/no/such/folder/report.json: cannot be written ("))
        }
    }

    @Test("errors, warnings and notes on standard error")
    func messages() {
        let recorded = RecordedIO()
        recorded.io.error("a.md: no such file or directory")
        recorded.io.warning("b.md: looks like a binary file, not text; skipped")
        recorded.io.note("1 error, 0 warnings in 1 plan (1 checked)")
        #expect(recorded.standardError == """
            eqlint: error: a.md: no such file or directory
            eqlint: warning: b.md: looks like a binary file, not text; skipped
            1 error, 0 warnings in 1 plan (1 checked)

            """)
    }
}
