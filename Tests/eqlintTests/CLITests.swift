import Foundation
import EqlintKit
import Testing

/// Runs the built `eqlint` binary as a user would and checks its standard
/// output, standard error and exit status.
@Suite("The eqlint command")
struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits beside the test bundle in the build products folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("eqlint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/eqlint")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    @Test("a clean plan: exit 0, nothing on stdout, the summary on stderr")
    func success() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "examples/model-plan.md"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "1 plan checked: no problems found\n")
    }

    @Test("findings: exit 1, one per line in the compiler format, paths as given")
    func findings() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "examples"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        let format = try NSRegularExpression(pattern: "^examples/[a-z0-9-]+\\.md:\\d+:\\d+: (error|warning|info|note): .+")
        for line in lines.map(String.init) {
            #expect(format.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
        }
        #expect(result.stdout.contains("examples/spixworth-infant-2025-26.md:16:34: warning: The lead uses initials"))
        #expect(result.stderr.hasSuffix("in 5 plans (6 checked): 27 legal requirements not met, 92 recommendations\n"))
    }

    @Test("--fail-on sets which findings fail the run")
    func failOn() throws {
        let plan = "examples/soke-education-trust-2023-2026.md"
        #expect(try Self.run(["check", "--today", "2026-11-23", "--fail-on", "never", plan]).status == 0)
        #expect(try Self.run(["check", "--today", "2026-11-23", "--fail-on=warning", plan]).status == 1)
    }

    @Test("--format json prints the documented document")
    func json() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "--format", "json", "examples/federation-2020-2024.md"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = try #require(object?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["ruleId"] as? String == "plan-expired" })
    }

    @Test("standard input, named by --stdin-filename")
    func stdin() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "--stdin-filename", "plans/draft.md", "-"],
                                  stdin: "# Plan 2025-2028\n\n## Objective 1: Kindness\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("plans/draft.md:3:4: error: Objective 1 has no lead"))
    }

    @Test("--stdin-filename without '-' is named as doing nothing, and the run goes on")
    func stdinFilenameWithoutStandardInput() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "--stdin-filename", "draft.md", "examples/model-plan.md"])
        #expect(result.status == 0)
        #expect(result.stderr == "eqlint: warning: --stdin-filename names standard input, which is read only when '-' is among the paths; "
            + "it is ignored\n1 plan checked: no problems found\n")
    }

    @Test("--min-severity, --no-notes and --quiet leave findings out of the output, the summary and the exit status")
    func outputFilters() throws {
        let plan = "examples/spixworth-infant-2025-26.md"
        let all = try Self.run(["check", "--today", "2026-11-23", plan])
        let lines = all.stdout.split(separator: "\n").map(String.init)
        let findings = lines.filter { !$0.contains(": note: ") }
        #expect(findings.contains { $0.contains(": warning: ") } && findings.contains { $0.contains(": error: ") })

        let warnings = try Self.run(["check", "--today", "2026-11-23", "--min-severity", "warning", "--no-notes", plan])
        #expect(warnings.stdout.split(separator: "\n").map(String.init) == findings.filter { !$0.contains(": info: ") })

        let quiet = try Self.run(["check", "--today", "2026-11-23", "-q", plan])
        let errors = findings.filter { $0.contains(": error: ") }
        #expect(quiet.stdout.split(separator: "\n").map(String.init) == errors)
        #expect(quiet.stderr.hasPrefix("\(errors.count) errors, 0 warnings in 1 plan (1 checked): "))
        #expect(quiet.status == 1)

        // A clean plan: --quiet prints nothing at all.
        let cleanPlan = "examples/model-plan.md"
        let clean = try Self.run(["check", "--today", "2026-11-23", "--quiet", "--fail-on", "warning", cleanPlan])
        #expect(clean.status == 0)
        #expect(clean.stdout == "" && clean.stderr == "")
    }

    @Test("--statistics counts each rule's findings and plans, most first, after the summary")
    func statistics() throws {
        let result = try Self.run(["check", "--today", "2026-11-23", "--statistics", "--format", "json", "examples"])
        #expect(result.status == 1)
        // The JSON document is untouched: the table goes to standard error.
        _ = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let table = result.stderr.split(separator: "\n").map(String.init).dropFirst()
        let counts = table.map { Int($0.split(separator: " ").first ?? "") ?? -1 }
        #expect(!table.isEmpty && counts.allSatisfy { $0 > 0 })
        #expect(counts == counts.sorted(by: >))
        let aim = try #require(table.first { $0.hasSuffix(" objective-aim") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let aimFindings = diagnostics.filter { $0["ruleId"] as? String == "objective-aim" }
        let aimPlans = Set(aimFindings.compactMap { $0["file"] as? String })
        #expect(aim.trimmingCharacters(in: .whitespaces).hasPrefix("\(aimFindings.count) in \(aimPlans.count) plan"))
        #expect(aim.contains(" error "))
    }

    @Test("a missing path: exit 2 and a one-line error")
    func missingPath() throws {
        let result = try Self.run(["check", "no/such/plan.md"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("eqlint: error: no/such/plan.md: no such file or directory\n"))
    }

    @Test("bad input files in a folder: a binary file is skipped with a warning; invalid UTF-8 is a finding and the rest is checked")
    func badInput() throws {
        let folder = try TemporaryFolder.make("cli")
        try Data([0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("binary.md"))
        try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("latin1.md"))
        try Data("# Plan 2025-2028\n".utf8).write(to: folder.appendingPathComponent("ok.md"))
        let result = try Self.run(["check", "--today", "2026-11-23", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("eqlint: warning: ./binary.md: looks like a binary file, not text; skipped\n"))
        #expect(result.stdout.contains("./latin1.md:1:3: error: This file is not valid UTF-8 text: byte 0xFF at byte offset 2 "))
        #expect(result.stdout.contains("./latin1.md:1:3: error: No equality objectives found"))
        #expect(result.stdout.contains("./ok.md:1:3: error: No equality objectives found"))
    }

    @Test("a folder with no plans, a device and a pipe are errors, not a silent pass")
    func nothingToCheck() throws {
        let folder = try TemporaryFolder.make("cli")
        try "notes".write(to: folder.appendingPathComponent("notes.csv"), atomically: false, encoding: .utf8)
        let empty = try Self.run(["check", "."], in: folder)
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("eqlint: error: .: holds no plan files (*.md, *.txt, *.html, *.docx, *.odt, *.pdf), so nothing was checked\n"))
        let device = try Self.run(["check", "/dev/null"])
        #expect(device.status == 2)
        #expect(device.stderr.hasPrefix("eqlint: error: /dev/null: is not a regular file"))
    }

    @Test("a NUL byte anywhere marks a binary file; control characters from a plan never reach the terminal")
    func controlCharacters() throws {
        let folder = try TemporaryFolder.make("cli")
        var late = Data(String(repeating: "x", count: 9000).utf8)
        late.append(0)
        try late.write(to: folder.appendingPathComponent("late-nul.md"))
        try "## Objective 1: Attendance from 89% to 94% by July 2027\nSuccess criteria: staff\u{1B}[K\u{07} feel \u{9B}good\n".write(to: folder.appendingPathComponent("escape.md"), atomically: false, encoding: .utf8)
        let result = try Self.run(["check", "--today", "2026-11-23", "."], in: folder)
        #expect(result.stderr.contains("./late-nul.md: looks like a binary file"))
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}") && !result.stdout.contains("\u{9B}"))
        #expect(result.stdout.contains("./escape.md:2:19: warning: This success criterion cannot be measured: it has no figure, no count, and nothing checkable done by a date (\u{201C}staff\u{FFFD}[K\u{FFFD} feel \u{FFFD}good\u{201D})"))
    }

    @Test("a broken rule file: exit 2 naming its file, line and column")
    func badRuleFile() throws {
        let folder = try TemporaryFolder.make("cli")
        try "{\n  id: \"x\",\n  severity: \"fatal\",\n}\n".write(to: folder.appendingPathComponent("bad.json5"), atomically: false, encoding: .utf8)
        let result = try Self.run(["check", "--rules", folder.path, "examples/model-plan.md"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "eqlint: error: \(folder.path)/bad.json5:3:13: 'severity' must be one of 'info', 'warning', 'error', not 'fatal'\n")
    }

    @Test("a trust's own rule directory adds rules and replaces defaults with the same id")
    func ownRules() throws {
        let folder = try TemporaryFolder.make("cli")
        let rule = try String(contentsOf: Self.packageRoot.appendingPathComponent("rules/objective-rationale.json5"), encoding: .utf8)
            .replacingOccurrences(of: "severity: \"info\"", with: "severity: \"error\"")
        try rule.write(to: folder.appendingPathComponent("objective-rationale.json5"), atomically: false, encoding: .utf8)
        let listing = try Self.run(["rules", "--rules", folder.path])
        #expect(listing.status == 0)
        #expect(listing.stdout.contains("objective-rationale          error    "))
        #expect(listing.stdout.contains("replacing the default"))
        let check = try Self.run(["check", "--today", "2026-11-23", "--rules", folder.path, "--fail-on", "error", "-"],
                                 stdin: "---\npublished: 2026-01-01\n---\n## Objective 1\n")
        #expect(check.stdout.contains("error: Objective 1 does not say why it was chosen"))
    }

    @Test("bad arguments: exit 2 and a one-line error", arguments: [
        (["check"], "eqlint: error: no plans to check; give a file, a directory or '-' (see 'eqlint check --help')\n"),
        (["check", "--format", "pdf", "a.md"], "eqlint: error: --format must be one of text, json, sarif, github, junit, checkstyle, html, not 'pdf'\n"),
        (["check", "--today", "23/11/2026", "a.md"], "eqlint: error: --today needs a date written YYYY-MM-DD, not '23/11/2026'\n"),
        (["check", "--frobnicate", "a.md"], "eqlint: error: unknown option '--frobnicate' (see 'eqlint check --help')\n"),
        (["examples"], "eqlint: error: unknown command 'examples'; to check it, run 'eqlint check examples'\n"),
        (["chek", "examples"], "eqlint: error: unknown command 'chek'; did you mean 'eqlint check'? (see 'eqlint --help')\n"),
        (["frobnicate", "examples"], "eqlint: error: unknown command 'frobnicate'; the commands are check, outline, convert, init, rules, explain, lsp, help (see 'eqlint --help')\n"),
        (["--jobs", "1", "a.md"], "eqlint: error: '--jobs' goes after the command, for example 'eqlint check --jobs ...' (see 'eqlint --help')\n"),
        (["--format=json", "a.md"], "eqlint: error: '--format' goes after the command, for example 'eqlint check --format ...' (see 'eqlint --help')\n"),
        (["--fromat", "a.md"], "eqlint: error: unknown option '--fromat'; did you mean '--format'? (see 'eqlint --help')\n"),
        (["check", "--fromat", "json", "a.md"], "eqlint: error: unknown option '--fromat'; did you mean '--format'? (see 'eqlint check --help')\n"),
        (["check", "--min-severity", "notice", "a.md"], "eqlint: error: --min-severity must be one of info, warning, error, not 'notice'\n"),
        (["explain", "objective-lade"], "eqlint: error: no rule is named 'objective-lade'; did you mean 'objective-lead'? (see 'eqlint rules')\n"),
        (["check", "--rules"], "eqlint: error: --rules needs a value\n"),
        (["check", "--rules", "", "a.md"], "eqlint: error: --rules needs a value\n"),
        (["check", "--stdin-filename=", "-"], "eqlint: error: --stdin-filename needs a value\n"),
        (["check", "--today", "+999-01-01", "a.md"], "eqlint: error: --today needs a date written YYYY-MM-DD, not '+999-01-01'\n"),
        (["check", "-", "-"], "eqlint: error: '-' (standard input) can be given only once\n"),
    ])
    func badArguments(arguments: [String], message: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(result.stdout == "")
    }

    @Test("--help has the OVERVIEW / USAGE / SUBCOMMANDS shape; --version prints the version")
    func helpAndVersion() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Check schools' equality objectives plans"))
        #expect(help.stdout.contains("\nUSAGE: eqlint <subcommand> [options]\n"))
        #expect(help.stdout.contains("\nSUBCOMMANDS:\n"))
        let checkHelp = try Self.run(["check", "--help"])
        #expect(checkHelp.stdout.contains("USAGE: eqlint check [options] <path> ..."))
        #expect(try Self.run(["help", "explain"]).stdout.contains("USAGE: eqlint explain <rule-id>"))
        let version = try Self.run(["--version"])
        #expect(version.stdout.hasPrefix("eqlint "))
        #expect(version.status == 0)
    }

    @Test("check --help lists every registered format, with its description, and says which is the default",
          arguments: Reporters.identifiers)
    func helpListsFormat(format: String) throws {
        let help = try Self.run(["check", "--help"]).stdout
        let description = try Reporters.named(format).description
        #expect(help.split(separator: "\n").contains {
            $0.hasPrefix("  \(format) ") && $0.hasSuffix(" \(description)")
        }, "'eqlint check --help' does not list the format '\(format)' under FORMATS")
        let choices = try #require(help.split(separator: "\n").first { $0.contains("--format <format>") })
        #expect(choices.contains(format == Reporters.default.identifier ? "\(format) (default)" : format),
                "the --format line of 'eqlint check --help' does not name '\(format)'")
    }

    @Test("rules lists every rule; explain shows why, how to fix, and examples")
    func rulesAndExplain() throws {
        let listing = try Self.run(["rules"])
        #expect(listing.status == 0)
        #expect(listing.stdout.contains("plan-expired"))
        let explain = try Self.run(["explain", "timescale-end-date"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("What the duty or guidance says:\n  "))
        #expect(explain.stdout.contains("Why it matters:\n  "))
        #expect(explain.stdout.contains("A bad example (fails) 1 of 5:\n\n    ## Objective 1\n"))
    }

    @Test("colour only when asked or on a terminal; never when piped")
    func color() throws {
        let piped = try Self.run(["check", "--today", "2026-11-23", "examples/federation-2020-2024.md"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let forced = try Self.run(["check", "--color", "always", "--today", "2026-11-23", "examples/federation-2020-2024.md"])
        #expect(forced.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(forced.stdout.contains(" | "))
    }

    @Test("the default rules work from any directory and from a copy of the binary")
    func installedBinary() throws {
        let folder = try TemporaryFolder.make("cli")
        let copy = folder.appendingPathComponent("eqlint")
        try FileManager.default.copyItem(at: Self.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["rules"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("objective-child-friendly"))
    }
}
