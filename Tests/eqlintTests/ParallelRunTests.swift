import EqlintKit
import Foundation
import Testing

/// `--jobs`: a parallel run prints exactly what a serial one does, in the
/// order of the paths given and, within a folder, sorted by path.
@Suite("Checking plans in parallel")
struct ParallelRunTests {
    /// A folder of many plans (the examples, over and over, in nested
    /// folders), with a configuration in one folder and a plan that is not
    /// UTF-8, so that reports, errors and per-folder settings all take part.
    static let corpus: URL = {
        let folder = TemporaryFolder.root.appendingPathComponent("parallel-\(UUID().uuidString)")
        let examples = CLITests.packageRoot.appendingPathComponent("examples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for copy in 0..<12 {
            let subfolder = folder.appendingPathComponent("trust-\(copy % 3)/school-\(copy)")
            try? FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
            for name in names {
                try? FileManager.default.copyItem(at: examples.appendingPathComponent(name),
                                                  to: subfolder.appendingPathComponent("\(copy)-\(name)"))
            }
        }
        try? "{ rules: { \"lead-initials\": \"off\" }, failOn: \"warning\" }\n"
            .write(to: folder.appendingPathComponent("trust-1/.eqlint.json5"), atomically: false, encoding: .utf8)
        try? Data([0x23, 0x20, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("trust-2/school-5/latin1.md"))
        return folder
    }()

    static let formats = Reporters.identifiers

    @Test("a parallel run's output equals a serial run's, in every format", arguments: formats)
    func sameOutput(format: String) throws {
        let arguments = ["check", "--today", "2026-11-23", "--format", format, "trust-2", "trust-0", "trust-1/school-1/1-model-plan.md",
                         "trust-1/no-such-plan.md", "trust-1"]
        let serial = try CLITests.run(arguments + ["--jobs", "1"], in: Self.corpus)
        #expect(serial.status == 2, "the missing plan makes the run fail")
        #expect(serial.stdout.count > 10_000)
        for jobs in ["2", "7"] {
            let parallel = try CLITests.run(arguments + ["--jobs", jobs], in: Self.corpus)
            #expect(parallel.status == serial.status)
            #expect(parallel.stdout == serial.stdout, "--jobs \(jobs), \(format)")
            #expect(parallel.stderr == serial.stderr, "--jobs \(jobs), \(format)")
        }
        let byDefault = try CLITests.run(arguments, in: Self.corpus)
        #expect(byDefault.stdout == serial.stdout)
        #expect(byDefault.stderr == serial.stderr)
    }

    @Test("output follows the paths in the order given, then each folder's plans sorted by path")
    func order() throws {
        let result = try CLITests.run(["check", "--today", "2026-11-23", "--jobs", "4", "trust-2", "trust-0/school-3/3-model-plan.md", "trust-0"],
                                      in: Self.corpus)
        // The files findings were reported for, each once, in the order they appear.
        var files: [String] = []
        for line in result.stdout.split(separator: "\n") {
            let file = String(line.prefix { $0 != ":" })
            if files.last != file { files.append(file) }
        }
        #expect(Set(files).count == files.count, "a plan's findings are together")
        let trust2 = files.prefix { $0.hasPrefix("trust-2/") }
        #expect(!trust2.isEmpty)
        #expect(Array(trust2) == trust2.sorted())
        let trust0 = files.drop { $0.hasPrefix("trust-2/") }
        #expect(!trust0.isEmpty && trust0.allSatisfy { $0.hasPrefix("trust-0/") })
        #expect(Array(trust0) == trust0.sorted())
        // The plan that is not UTF-8 is still checked, with a finding at its first bad byte.
        #expect(result.stdout.contains("trust-2/school-5/latin1.md:1:3: error: "))
    }

    @Test("--jobs takes a whole number, 1 or more", arguments: [
        (["--jobs", "0"], "eqlint: error: --jobs needs a whole number of plans to check at once, 1 or more, not '0'\n"),
        (["--jobs", "-3"], "eqlint: error: --jobs needs a whole number of plans to check at once, 1 or more, not '-3'\n"),
        (["--jobs=two"], "eqlint: error: --jobs needs a whole number of plans to check at once, 1 or more, not 'two'\n"),
        (["-j", "1.5"], "eqlint: error: -j needs a whole number of plans to check at once, 1 or more, not '1.5'\n"),
        (["--jobs="], "eqlint: error: --jobs needs a value\n"),
    ])
    func badJobs(options: [String], message: String) throws {
        let result = try CLITests.run(["check"] + options + ["examples/model-plan.md"])
        #expect(result.status == 2)
        #expect(result.stderr == message)
        #expect(result.stdout == "")
    }

    @Test("--jobs 1 and many jobs give the same result on one plan and on standard input")
    func smallRuns() throws {
        for arguments in [["examples/federation-2020-2024.md"], ["--stdin-filename", "plans/draft.md", "-"]] {
            let stdin = "# Plan 2025-2028\n\n## Objective 1: Kindness\n"
            let serial = try CLITests.run(["check", "--today", "2026-11-23", "--jobs", "1"] + arguments, stdin: stdin)
            let parallel = try CLITests.run(["check", "--today", "2026-11-23", "--jobs", "64"] + arguments, stdin: stdin)
            #expect(serial.status == 1)
            #expect(parallel.stdout == serial.stdout)
            #expect(parallel.stderr == serial.stderr)
        }
    }
}
