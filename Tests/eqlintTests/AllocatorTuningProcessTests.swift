import Foundation
import Testing

/// A check of a folder starts again with glibc's allocator tuned
/// (`AllocatorTuning`), and the programs it runs see the user's environment.
@Suite("Allocator tuning, through the binary")
struct AllocatorTuningProcessTests {
    /// Checks a folder holding a PDF with a stand-in `pdftotext` that
    /// records its own environment, and whether the eqlint process that ran
    /// it was started with the tunable; gives that record and the run's
    /// result, its folder's path written `plans`. (glibc ends each tunable's value in place in the environment
    /// a process starts with, so the tunable is looked for on a line of its own.)
    func record(environment: [String: String]) throws -> (record: String, result: CLITests.Result) {
        let folder = try TemporaryFolder.make("allocator")
        let tools = folder.appendingPathComponent("tools")
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let record = folder.appendingPathComponent("record.txt")
        let tool = tools.appendingPathComponent("pdftotext")
        try """
        #!/bin/sh
        {
          printf 'own=%s\\n' "${GLIBC_TUNABLES-<unset>}"
          printf 'saved=%s\\n' "${EQLINT_SAVED_GLIBC_TUNABLES-<unset>}"
          printf 'eqlint tuned=%s\\n' "$(tr '\\0' '\\n' < /proc/$PPID/environ | grep -c 'tcache_count=256$')"
        } > '\(record.path)'
        printf 'Equality objectives\\n\\nObjective 1: Improve attendance\\n'

        """.write(to: tool, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        try Data("%PDF-1.4 stand-in".utf8).write(to: plans.appendingPathComponent("plan.pdf"))
        var environment = environment
        environment["PATH"] = "\(tools.path):/usr/bin:/bin"
        var result = try CLITests.run(["check", "--today", "2026-11-23", "--fail-on", "never", plans.path], environment: environment)
        result.stdout = result.stdout.replacingOccurrences(of: plans.path, with: "plans")
        return (try String(contentsOf: record, encoding: .utf8), result)
    }

    @Test("eqlint runs with the tunable; pdftotext, which it runs, sees the user's GLIBC_TUNABLES")
    func tunedAndRestored() throws {
        #if os(Linux)
        let withUsers = try record(environment: ["GLIBC_TUNABLES": "glibc.malloc.check=0"])
        #expect(withUsers.result.status == 0)
        #expect(withUsers.result.stdout.contains("plans/plan.pdf:3:4: error: Objective 1 does not say which aim"))
        #expect(withUsers.record == """
            own=glibc.malloc.check=0
            saved=<unset>
            eqlint tuned=1

            """)
        #endif
    }

    @Test("without GLIBC_TUNABLES of the user's, the programs eqlint runs have none; turned off, eqlint is not restarted")
    func unsetAndTurnedOff() throws {
        #if os(Linux)
        let tuned = try record(environment: [:])
        let turnedOff = try record(environment: ["EQLINT_TUNE_ALLOCATOR": "0"])
        #expect(tuned.result.stdout.contains("plans/plan.pdf:3:4: error: Objective 1 does not say which aim"))
        #expect(tuned.result.stdout == turnedOff.result.stdout)
        // The runs take the tests' environment: when it has GLIBC_TUNABLES, the first test covers it.
        if ProcessInfo.processInfo.environment["GLIBC_TUNABLES"] == nil {
            #expect(tuned.record == "own=<unset>\nsaved=<unset>\neqlint tuned=1\n")
            #expect(turnedOff.record == "own=<unset>\nsaved=<unset>\neqlint tuned=0\n")
        }
        #endif
    }
}
