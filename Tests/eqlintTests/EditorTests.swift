import Foundation
import Testing

/// Editors read eqlint's output unchanged. Where the editor is installed,
/// these run it for real; the VS Code matcher is tested in RulesTests.
@Suite("Editors")
struct EditorTests {
    static let vim = ["/usr/bin/vim", "/usr/local/bin/vim", "/bin/vim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A plan whose findings follow non-ASCII text, so byte and character columns differ.
    static let plan = "# Equality objectives 2025\u{2013}2028\n\n## Objective 1 \u{2013} Caf\u{E9} club: fewer exclusions\n"

    struct QuickfixEntry: Decodable, Equatable {
        var lnum: Int
        var col: Int
        var vcol: Int
        var type: String
        var text: String
        var valid: Int
    }

    /// Loads eqlint's output into Vim's quickfix list with an errorformat (nil: Vim's default).
    static func quickfix(_ output: String, errorformat: String?) throws -> [QuickfixEntry] {
        let folder = try TemporaryFolder.make("editor")
        let listing = folder.appendingPathComponent("out.txt"), json = folder.appendingPathComponent("qf.json")
        try output.write(to: listing, atomically: false, encoding: .utf8)
        var commands: [String] = []
        if let errorformat { commands += ["-c", "set errorformat=\(errorformat)"] }
        commands += [
            "-c", "cgetfile \(listing.path)",
            "-c", "call writefile([json_encode(getqflist())], '\(json.path)')",
            "-c", "qa!",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: vim!)
        process.arguments = ["-u", "NONE", "-N", "-es"] + commands
        try process.run()
        process.waitUntilExit()
        return try JSONDecoder().decode([QuickfixEntry].self, from: Data(contentsOf: json))
    }

    static func eqlintOutput() throws -> String {
        let result = try CLITests.run(["check", "--today", "2026-11-23", "--stdin-filename", "plans/caf\u{E9}.md", "-"], stdin: plan)
        #expect(result.status == 1)
        return result.stdout
    }

    @Test("Vim's default errorformat reads every line", .enabled(if: vim != nil, "vim is not installed"))
    func vimDefault() throws {
        let output = try Self.eqlintOutput()
        let entries = try Self.quickfix(output, errorformat: nil)
        let lines = output.split(separator: "\n")
        #expect(entries.count == lines.count)
        #expect(entries.allSatisfy { $0.valid == 1 })
        #expect(entries.contains { $0.lnum == 3 && $0.text.hasPrefix(" error: ") })
    }

    @Test("the README's Vim errorformat gives severities, character columns, and drops notes",
          .enabled(if: vim != nil, "vim is not installed"))
    func vimReadme() throws {
        let readme = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("set errorformat=") })
        let errorformat = String(line.dropFirst("set errorformat=".count))
        let output = try Self.eqlintOutput()
        let entries = try Self.quickfix(output, errorformat: errorformat).filter { $0.valid == 1 }
        let findings = output.split(separator: "\n").filter { !$0.contains(": note: ") }
        #expect(entries.count == findings.count)
        #expect(Set(entries.map(\.type)).isSubset(of: ["e", "w", "i"]))
        // "## Objective 1 – Café club" : the heading text starts at character 4 of line 3.
        let heading = try #require(entries.first { $0.lnum == 3 })
        #expect(heading.col == 4 && heading.vcol == 1)
        #expect(output.contains("plans/caf\u{E9}.md:3:4: error: "))
    }
}
