import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// What is not UTF-8 text: a plan is still checked (with a finding at its
/// first bad byte); a rule or configuration file is refused at that place,
/// because a rule must mean exactly what its author wrote.
@Suite("Files that are not UTF-8")
struct EncodingTests {
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let url = try TemporaryFolder.make("encoding")
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test("a plan: one invalid-utf8 error at the first bad byte, that no comment silences, and every rule still run")
    func plan() throws {
        let text = Array("<!-- eqlint-disable-file -->\n# Plan 2025-2028\n\n## Objective 1: Caf".utf8) + [0xE9]
            + Array(" club\nLead: Head \u{2013} ".utf8) + [0x96, 0x96] + Array(" of school\n".utf8)
        let source = try SourceFile(path: "plan.md", bytes: text)
        let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)
        let diagnostics = linter.lint(source)
        let finding = try #require(diagnostics.first { $0.ruleID == "invalid-utf8" })
        #expect(diagnostics.map(\.ruleID) == ["invalid-utf8"], "the file-wide disable silences every rule, but not this")
        #expect(finding.severity == .error)
        #expect(finding.range == SourceRange(start: EqlintText.SourceLocation(line: 4, column: 20), end: EqlintText.SourceLocation(line: 4, column: 21)))
        #expect(finding.message == "This file is not valid UTF-8 text: byte 0xE9 at byte offset 66 is not part of any character "
            + "(and 2 more places); eqlint read it as \u{FFFD} and checked the rest")
        #expect(finding.faultText == "\u{FFFD}")
        // Without the comment, the rest of the plan is checked as usual: the lead after the bad bytes is read.
        let unsilenced = try SourceFile(path: "plan.md", bytes: Array(text.dropFirst(29)))
        let plan = linter.parser.parse(unsilenced)
        #expect(plan.objectives.first?.fields["lead"]?.entries.first?.text == "Head \u{2013} \u{FFFD}\u{FFFD} of school")
        #expect(linter.lint(unsilenced).contains { $0.ruleID == "objective-aim" })
    }

    @Test("a rule file that is not UTF-8 is refused at its first bad byte, with the byte offset")
    func ruleFile() throws {
        let folder = try Self.folder(["lead.json5": Array("{\n  id: 'caf".utf8) + [0xE9] + Array("',\n}\n".utf8)])
        let error = #expect(throws: RuleFileError.self) {
            try RuleSet.files(inDirectory: folder.path)
        }
        #expect(error?.description == "\(folder.path)/lead.json5:2:11: is not valid UTF-8 text (byte 0xE9 at byte offset 12); "
                + "save the file with UTF-8 encoding")
    }

    @Test("a binary rule file is refused")
    func binaryRuleFile() throws {
        let folder = try Self.folder(["lead.json5": [0x7B, 0x00, 0x7D]])
        let error = #expect(throws: RuleFileError.self) {
            try RuleSet.files(inDirectory: folder.path)
        }
        #expect(error?.description == "\(folder.path)/lead.json5: looks like a binary file, not text; save it as plain UTF-8 text")
    }

    @Test("a configuration file that is not UTF-8 is refused at its first bad byte")
    func configurationFile() throws {
        let folder = try Self.folder([".eqlint.json5": [0xEF, 0xBB, 0xBF] + Array("{ failOn: 'warning' } // caf".utf8) + [0xE9, 0x0A]])
        var resolver = ConfigurationResolver(source: .discover, ruleDirectories: [], today: TestSupport.goldenToday,
                                             currentDirectory: folder.path)
        let error = #expect(throws: RuleFileError.self) {
            try resolver.context(forDirectory: ".")
        }
        #expect(error?.description == ".eqlint.json5:1:29: is not valid UTF-8 text (byte 0xE9 at byte offset 31); "
                + "save the file with UTF-8 encoding")
    }

    @Test("mixed line endings: each of LF, CRLF and CR ends a line, and columns count characters after a BOM")
    func mixedLineEndings() throws {
        let file = try SourceFile(path: "p", bytes: [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthr\u{E9}e\nfour\r\r\nsix".utf8))
        #expect(file.lineCount == 6)
        #expect((1...6).map(file.lineText) == ["one", "two", "thr\u{E9}e", "four", "", "six"])
        let bytes = file.bytes
        #expect(file.location(of: bytes.count - 1) == EqlintText.SourceLocation(line: 6, column: 3))
        #expect(file.location(of: Array("one\r\ntwo\rthr\u{E9}".utf8).count) == EqlintText.SourceLocation(line: 3, column: 5))
    }
}
