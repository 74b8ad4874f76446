@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// PDF plans, read through pdftotext (poppler-utils, which `.ci/run`
/// installs), against the Markdown they were printed from
/// (`scripts/make-pdf-fixtures`).
@Suite("Reading PDF plans")
struct PDFReaderTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/pdf")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    static let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)

    static func checked(_ source: SourceFile) -> (Plan, [Diagnostic]) {
        (linter.parser.parse(source), linter.lint(source))
    }

    @Test("pdftotext is installed (scripts and .ci/run install poppler-utils)")
    func toolInstalled() {
        #expect(PDFReader.pdftotext() != nil, "install poppler-utils: apt-get install -y poppler-utils")
    }

    @Test("a PDF gives the objectives and objective-level findings of the plan it was printed from", arguments: names)
    func sameAsSource(name: String) throws {
        let pdf = try Self.linter.parser.load(path: Self.folder.appendingPathComponent(name).path, displayPath: name)
        let markdown = name.replacingOccurrences(of: ".pdf", with: ".md")
        let original = try SourceFile.read(path: TestSupport.examplesDirectory.appendingPathComponent(markdown).path)
        let (pdfPlan, pdfFindings) = Self.checked(pdf)
        let (plan, findings) = Self.checked(original)
        #expect(pdfPlan.objectives.map(\.number) == plan.objectives.map(\.number))
        #expect(pdfPlan.objectives.map(\.title) == plan.objectives.map(\.title))
        func perObjective(_ plan: Plan, _ diagnostics: [Diagnostic]) -> [[String]] {
            plan.objectives.map { objective in
                Set(diagnostics.filter { $0.range.start == objective.anchor.start }.map(\.ruleID)).sorted()
            }
        }
        #expect(perObjective(pdfPlan, pdfFindings) == perObjective(plan, findings))
        // Findings are placed in the conversion, which is what the checked text is.
        #expect(pdf.format == "markdown")
        #expect(String(decoding: pdf.bytes, as: UTF8.self) == (try Self.linter.parser.convert(path: Self.folder.appendingPathComponent(name).path, displayPath: name)))
    }

    @Test("golden findings of a PDF plan")
    func golden() throws {
        let name = "soke-education-trust-2023-2026.pdf"
        let source = try Self.linter.parser.load(path: Self.folder.appendingPathComponent(name).path, displayPath: "pdf/\(name)")
        assertSnapshot(TextReporter().report([FileReport(path: source.path, source: source, diagnostics: Self.linter.lint(source))]),
                       named: "pdf/\(name).txt")
    }

    @Test("columns laid out by position become tab-separated cells; a list's marker stays with its text")
    func layoutText() {
        let text = """
            Actions

             Action              Person Responsible     Time frame
             Review job          HR Officers            July 2026
             descriptions
             Provide training    Headteachers           Ongoing
            •   Publish the make-up of our staff
            """
        #expect(LayoutText.tabbed(text) == """
            Actions

            Action\tPerson Responsible\tTime frame
            Review job\tHR Officers\tJuly 2026
            descriptions\t\t
            Provide training\tHeadteachers\tOngoing
            •   Publish the make-up of our staff
            """)
    }

    @Test("a file that is not a PDF, and a damaged PDF, are refused with a sentence")
    func refused() throws {
        let folder = try TemporaryFolder.make("pdf")
        let text = folder.appendingPathComponent("plan.pdf")
        try "Objective 1: Improve attendance\n".write(to: text, atomically: false, encoding: .utf8)
        #expect(throws: InputError.document(path: "plan.pdf", reason: "is not a PDF (it does not start with %PDF); save the plan as .pdf, .docx or text")) {
            try Self.linter.parser.load(path: text.path, displayPath: "plan.pdf")
        }
        try Data("%PDF-1.7\n%garbage that is no PDF at all\n".utf8).write(to: text)
        let damaged = Result { () throws(InputError) in try Self.linter.parser.load(path: text.path, displayPath: "plan.pdf") }
        guard case .failure(let error) = damaged else {
            Issue.record("a damaged PDF was read")
            return
        }
        #expect(error.description.hasPrefix("plan.pdf: pdftotext could not read it"))
        #expect(error.description.hasSuffix("; the PDF may be damaged or protected by a password"))
    }
}
