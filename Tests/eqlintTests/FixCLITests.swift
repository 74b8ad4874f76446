import Foundation
import Testing

/// `eqlint check --fix` and `--diff`, run as a user would: what they change,
/// and everything they must not.
@Suite("Fixing plans: --fix and --diff")
struct FixCLITests {
    static let today = "2026-11-23"

    /// A folder with the files given (name → bytes).
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = try TemporaryFolder.make("fix")
        for (name, bytes) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static func check(_ arguments: [String], in folder: URL) throws -> CLITests.Result {
        try CLITests.run(["check", "--no-config", "--today", today] + arguments, in: folder)
    }

    @Test("--fix corrects the law's name, keeps the rest, and a second --fix changes nothing")
    func fixesAndSettles() throws {
        let folder = try Self.folder(["plan.md": Self.bytes(
            "# Equality objectives\n\nWe meet our duties under the Equalities Act. Equalities Act duties matter.\n\n"
                + "## Objective 1: More BAME governors\n")])
        let plan = folder.appendingPathComponent("plan.md")
        let first = try Self.check(["--fix", "plan.md"], in: folder)
        #expect(first.stderr.contains("fixed: 2 fixes applied in 1 plan"))
        #expect(!first.stdout.contains("nonstatutory-term"), "what is fixed is not reported")
        #expect(first.stdout.contains("[outdated-term]"), "a suggestion is never applied")
        #expect(String(decoding: try Self.read(plan), as: UTF8.self) == "# Equality objectives\n\n"
            + "We meet our duties under the Equality Act 2010. The Equality Act 2010 duties matter.\n\n## Objective 1: More BAME governors\n")
        let before = try Self.read(plan)
        let second = try Self.check(["--fix", "plan.md"], in: folder)
        #expect(second.stderr.contains("nothing to fix"))
        #expect(try Self.read(plan) == before)
        #expect(second.stdout == first.stdout)
    }

    @Test("a broken configuration met late in a folder search stops --fix before any plan is changed")
    func brokenConfigurationFixesNothing() throws {
        let plan = Self.bytes("# Plan\n\nUnder the Equalities Act 2010.\n")
        // The configuration is read for the plan under it, found after the others.
        var files = ["zz/.eqlint.json5": Self.bytes("{ rulez: {} }"), "zz/plan.md": plan]
        for index in 0..<40 { files["plans/\(index).md"] = plan }
        let folder = try Self.folder(files)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let result = try CLITests.run(["check", "--today", Self.today, "--jobs", "2", "--fix", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "eqlint: error: zz/.eqlint.json5:1:3: unknown key 'rulez' in a configuration file; did you mean 'rules'?\n")
        for index in 0..<40 { #expect(try Self.read(folder.appendingPathComponent("plans/\(index).md")) == plan) }
    }

    @Test("CRLF line endings and the byte-order mark are kept; so are the permissions")
    func keepsLineEndingsByteOrderMarkAndPermissions() throws {
        let original = [0xEF, 0xBB, 0xBF] + Self.bytes("# Plan\r\n\r\nUnder the Equalities Act 2010.\r\n\r\nThe Public Sector Equalities Duty applies.")
        let folder = try Self.folder(["plan.md": original])
        let plan = folder.appendingPathComponent("plan.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: plan.path)
        let result = try Self.check(["--fix", "plan.md"], in: folder)
        #expect(result.stderr.contains("fixed: 2 fixes"))
        #expect(try Self.read(plan) == [0xEF, 0xBB, 0xBF]
            + Self.bytes("# Plan\r\n\r\nUnder the Equality Act 2010.\r\n\r\nThe Public Sector Equality Duty applies."))
        let permissions = try FileManager.default.attributesOfItem(atPath: plan.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
    }

    @Test("a symlink keeps pointing where it did: the file it points to is fixed")
    func symlink() throws {
        let folder = try Self.folder(["real/plan.md": Self.bytes("Under the Equalities Act.\n")])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "real/plan.md")
        let result = try Self.check(["--fix", "link.md"], in: folder)
        #expect(result.stderr.contains("fixed: 1 fix"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.md").path) == "real/plan.md")
        #expect(String(decoding: try Self.read(folder.appendingPathComponent("real/plan.md")), as: UTF8.self) == "Under the Equality Act 2010.\n")
    }

    @Test("a read-only file is not changed, with a clear error (exit status 2)")
    func readOnly() throws {
        let original = Self.bytes("Under the Equalities Act.\n")
        let folder = try Self.folder(["plan.md": original])
        let plan = folder.appendingPathComponent("plan.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: plan.path)
        let result = try Self.check(["--fix", "plan.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("eqlint: error: plan.md: cannot be fixed: it is read-only (make it writable to fix it); the file was not changed"))
        #expect(try Self.read(plan) == original)
        #expect(result.stdout.contains("[nonstatutory-term]"), "what could not be fixed is still reported")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])
    }

    @Test("nothing is fixed in an eqlint-disable region (for any rule) or where a finding is silenced")
    func suppressed() throws {
        let text = "# Plan\n\n<!-- eqlint-disable-next-line nonstatutory-term -- quoting the old policy -->\nUnder the Equalities Act.\n\n"
            + "<!-- eqlint-disable outdated-term -- quoted -->\nThe Equalities Act 2000, as the old policy said.\n<!-- eqlint-enable outdated-term -->\n\n"
            + "Outside: the Equalities Act.\n"
        let folder = try Self.folder(["plan.md": Self.bytes(text)])
        let result = try Self.check(["--fix", "plan.md"], in: folder)
        #expect(result.stderr.contains("fixed: 1 fix"))
        #expect(String(decoding: try Self.read(folder.appendingPathComponent("plan.md")), as: UTF8.self)
            == text.replacingOccurrences(of: "Outside: the Equalities Act.", with: "Outside: the Equality Act 2010."))
    }

    @Test("fixes that overlap are applied one at a time, and settle; fixes that never settle are an error, and nothing is written")
    func overlapping() throws {
        let folder = try Self.folder([
            "plan.md": Self.bytes("Under the Equalities Act, equalities matter.\n"),
            "trust/spelling.json5": Self.bytes("""
                { id: "trust-spelling", severity: "info", summary: "s", scope: "plan", check: "avoids",
                  options: { vocabulary: "trust-words" }, message: "write {term}", help: "h", source: "s", basis: "good-practice",
                  fix: { replace: "{term}", safety: "safe" },
                  examples: { pass: ["equality"], fail: ["equalities"] } }
                """),
            "trust/words.json5": Self.bytes(#"{ vocabulary: "trust-words", terms: { "equality": ["equalities"] } }"#),
            "loop/loop.json5": Self.bytes("""
                { id: "loop", severity: "info", summary: "s", scope: "plan", check: "avoids",
                  options: { vocabulary: "loop-words" }, message: "write {term}", help: "h", source: "s", basis: "good-practice",
                  fix: { replace: "{term}", safety: "safe" },
                  examples: { pass: ["x"], fail: ["matter"] } }
                """),
            "loop/words.json5": Self.bytes(#"{ vocabulary: "loop-words", terms: { "matter matter": ["matter"] } }"#),
        ])
        let plan = folder.appendingPathComponent("plan.md")
        // "Equalities Act" (nonstatutory-term) and "Equalities" (trust-spelling) overlap: the longer is applied, then the plan checked again.
        let diff = try Self.check(["--rules", "trust", "--diff", "plan.md"], in: folder)
        #expect(diff.stdout.contains("+Under the Equality Act 2010, equality matter."))
        let result = try Self.check(["--rules", "trust", "--fix", "plan.md"], in: folder)
        #expect(result.stderr.contains("fixed: 2 fixes applied in 1 plan"))
        #expect(String(decoding: try Self.read(plan), as: UTF8.self) == "Under the Equality Act 2010, equality matter.\n")
        #expect(try Self.check(["--rules", "trust", "--fix", "plan.md"], in: folder).stderr.contains("nothing to fix"))

        let before = try Self.read(plan)
        let loop = try Self.check(["--rules", "loop", "--fix", "plan.md"], in: folder)
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("plan.md: the fixes did not settle after 10 rounds"))
        #expect(try Self.read(plan) == before)
    }

    @Test("--diff writes nothing, exits as check does, and its diff applied with patch gives what --fix gives")
    func diffMatchesFix() throws {
        let crlf = "# Plan\r\n\r\nUnder the Equalities Act.\r\n\r\n## Objective 1: BAME staff\r\n\r\nThe Equality Act 2000 and the Public Sector Duty"
        let files: [String: [UInt8]] = [
            "plans/a.md": Self.bytes("# Plan\n\n" + (1...12).map { "Line \($0).\n" }.joined() + "Under the Equalities Act.\n"
                + (1...12).map { "More \($0).\n" }.joined() + "And the Equalities Act 2010 again.\n"),
            "plans/b.md": Self.bytes(crlf),
            "plans/c.md": [0xEF, 0xBB, 0xBF] + Self.bytes("Under the Equalities Act.\n"),
            "plans/clean.md": Self.bytes("# Plan\n"),
        ]
        let folder = try Self.folder(files)
        let copy = try Self.folder(files)
        let diff = try Self.check(["--diff", "plans"], in: folder)
        let check = try Self.check(["plans"], in: folder)
        #expect(diff.status == check.status)
        #expect(diff.stdout.hasPrefix("--- plans/a.md\n+++ plans/a.md\n@@ "))
        #expect(diff.stderr.contains("6 fixes would be applied in 3 plans (run with --fix to apply them)"))
        // A report asked for with --output is written as well, with the findings as they are before the fixes.
        let reported = try Self.check(["--diff", "--format", "json", "--output", "report.json", "plans"], in: folder)
        #expect(reported.stdout == diff.stdout)
        let report = String(decoding: try Self.read(folder.appendingPathComponent("report.json")), as: UTF8.self)
        #expect(report.contains("\"ruleId\" : \"nonstatutory-term\""))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("report.json"))
        for (name, bytes) in files { #expect(try Self.read(folder.appendingPathComponent(name)) == bytes, "--diff changed \(name)") }

        let patchFile = copy.appendingPathComponent("fixes.diff")
        try Data(diff.stdout.utf8).write(to: patchFile)
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        patch.arguments = ["patch", "-p0", "--batch", "-i", patchFile.path]
        patch.currentDirectoryURL = copy
        patch.standardOutput = FileHandle.nullDevice
        try patch.run()
        patch.waitUntilExit()
        #expect(patch.terminationStatus == 0)

        let fix = try Self.check(["--fix", "plans"], in: folder)
        #expect(fix.stderr.contains("fixed: 6 fixes applied in 3 plans"))
        for name in files.keys {
            #expect(try Self.read(folder.appendingPathComponent(name)) == Self.read(copy.appendingPathComponent(name)), "\(name)")
        }
        #expect(try Self.check(["--diff", "plans"], in: folder).stdout == "")
    }

    @Test("a plan in a format eqlint cannot write back is not fixed, and says so")
    func otherFormats() throws {
        let html = "<html><body><h1>Equality objectives</h1><p>Under the Equalities Act.</p></body></html>\n"
        let folder = try Self.folder(["plan.html": Self.bytes(html)])
        let result = try Self.check(["--fix", "plan.html"], in: folder)
        #expect(result.stderr.contains("eqlint: warning: plan.html: only Markdown and text plans can be fixed in place, not a html file; "
            + "1 safe fix was not applied"))
        #expect(try Self.read(folder.appendingPathComponent("plan.html")) == Self.bytes(html))
    }

    @Test("--fix and --diff: one at a time, and only for check")
    func usage() throws {
        let both = try CLITests.run(["check", "--fix", "--diff", "x.md"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--fix and --diff cannot be used together"))
        let outline = try CLITests.run(["outline", "--fix", "x.md"])
        #expect(outline.stderr.contains("--fix and --diff are options of 'eqlint check'"))
    }
}

/// `eqlint init`, as a user runs it.
@Suite("Starting a plan: eqlint init")
struct InitCLITests {
    @Test("prints the plan for the day given, as recorded; writes it with -o, never over a file unless forced")
    func initPlan() throws {
        let recorded = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Snapshots/init-2026-12-03.md"),
                                  encoding: .utf8)
        let printed = try CLITests.run(["init", "--today", "2026-12-03"])
        #expect(printed.status == 0)
        #expect(printed.stdout == recorded)
        let folder = try TemporaryFolder.make("fix")
        let written = try CLITests.run(["init", "--today", "2026-12-03", "-o", "plan.md"], in: folder)
        #expect(written.stderr.contains("wrote plan.md: fill in each [Insert ...] and TODO"))
        #expect(try String(contentsOf: folder.appendingPathComponent("plan.md"), encoding: .utf8) == recorded)
        let again = try CLITests.run(["init", "-o", "plan.md"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("plan.md: already exists"))
        let check = try CLITests.run(["check", "--no-config", "--today", "2026-12-03", "plan.md"], in: folder)
        #expect(check.status == 1)
        #expect(check.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.allSatisfy { $0.hasSuffix("[placeholder-text]") })
        let period = try CLITests.run(["init", "--period", "2026-2031"])
        #expect(period.status == 2)
        #expect(period.stderr.contains("--period needs school years such as 2026-2029"))
    }
}
