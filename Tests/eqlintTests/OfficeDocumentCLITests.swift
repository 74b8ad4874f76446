import Foundation
import Testing

/// `eqlint` on Word and OpenDocument files, end to end through the built
/// binary: findings placed in the conversion, exit statuses, and one error
/// line for a document it cannot read.
@Suite("The eqlint command on .docx and .odt files")
struct OfficeDocumentCLITests {
    static let documents = CLITests.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/documents")

    /// A folder holding copies of the named fixtures (and any other files given).
    static func folder(copying names: [String], files: [String: Data] = [:]) throws -> URL {
        let folder = try TemporaryFolder.make("office")
        for name in names {
            try FileManager.default.copyItem(at: documents.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The first bytes of an OLE compound file (a Word 97-2003 document), and some more.
    static let compoundFile = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 1_016))

    @Test("a .docx with gaps: exit 1, findings at lines of its conversion, which convert prints")
    func findings() throws {
        let folder = try Self.folder(copying: ["secondary-2020-2024.pandoc.docx"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--today", "2026-11-23", "secondary-2020-2024.pandoc.docx"], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let finding = try #require(lines.first { $0.contains(": error: ") })
        #expect(finding.hasPrefix("secondary-2020-2024.pandoc.docx:"))
        #expect(result.stderr.contains("in 1 plan (1 checked): "))
        // The line a finding names is a line of `eqlint convert`'s output.
        let converted = try CLITests.run(["convert", "secondary-2020-2024.pandoc.docx"], in: folder)
        #expect(converted.status == 0)
        let convertedLines = converted.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let parts = finding.split(separator: ":")
        let line = try #require(Int(parts[1]))
        #expect(line >= 1 && line <= convertedLines.count)
        #expect(converted.stdout.hasPrefix("---\nperiod: 2020-09 to 2024-08\n---\n\n# EQUALITY OBJECTIVES: 2020 -2024\n"))
    }

    @Test("a clean .odt: exit 0; a folder search checks .docx and .odt beside .md")
    func cleanAndFolder() throws {
        let folder = try Self.folder(copying: ["model-plan.libreoffice.odt", "model-plan.pandoc.docx", "model-plan.md"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try CLITests.run(["check", "--today", "2026-11-23", "model-plan.libreoffice.odt"], in: folder)
        #expect(one.status == 0)
        let all = try CLITests.run(["check", "--today", "2026-11-23", "--format", "json", "."], in: folder)
        #expect(all.status == 0)
        #expect(all.stderr.contains("3 plans checked: no problems found"))
        let outline = try CLITests.run(["outline", "model-plan.pandoc.docx"], in: folder)
        #expect(outline.status == 0)
        #expect(outline.stdout.contains("Objective 1"))
    }

    @Test("a Word 97-2003 .doc, or a .docx saved with a password: exit 2 and one error line saying how to save it as .docx")
    func compoundFile() throws {
        let folder = try Self.folder(copying: [], files: ["plan.doc": Self.compoundFile, "locked.docx": Self.compoundFile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = "is a Word 97-2003 document (.doc) or a password-protected document, which eqlint cannot read: "
            + "open it in Word, choose File > Save As > Word Document (.docx), and save it without a password\n"
        let doc = try CLITests.run(["check", "plan.doc"], in: folder)
        #expect(doc.status == 2)
        #expect(doc.stdout == "")
        #expect(doc.stderr.hasPrefix("eqlint: error: plan.doc: " + expected))
        let locked = try CLITests.run(["check", "locked.docx"], in: folder)
        #expect(locked.status == 2)
        #expect(locked.stderr.hasPrefix("eqlint: error: locked.docx: " + expected))
    }

    @Test("a text file named .docx, and a truncated .docx: exit 2, one error line each, the other plans checked")
    func broken() throws {
        let real = try Data(contentsOf: Self.documents.appendingPathComponent("model-plan.pandoc.docx"))
        let folder = try Self.folder(copying: ["model-plan.md"], files: [
            "renamed.docx": Data("# Equality objectives\n".utf8), "cut.docx": real.prefix(real.count / 2),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLITests.run(["check", "--today", "2026-11-23", "."], in: folder)
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("eqlint: error: ") }
        #expect(errors == [
            "eqlint: error: ./cut.docx: the archive is cut short (truncated)",
            "eqlint: error: ./renamed.docx: is not a Word document (.docx): it is not a ZIP archive, as every such document is; it looks like text; if it is, name it .md or .txt",
        ])
        #expect(result.stderr.contains("1 plan checked: no problems found"))
    }
}
