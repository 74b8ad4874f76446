@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Word and OpenDocument files that pandoc and LibreOffice made from the
/// example plans and some layout fixtures (`scripts/make-document-fixtures`):
/// eqlint must read from each the plan it reads from the Markdown the file
/// was made from, and report the same findings, rule by rule and objective by
/// objective. Lines differ (a document's findings are placed in its
/// conversion to the plan format), so findings are compared by rule and by
/// the objective they fall in.
@Suite("Office: documents made by pandoc and LibreOffice")
struct OfficeDocumentFindingsTests {
    struct Checked {
        var plan: Plan
        var diagnostics: [Diagnostic]
        var source: SourceFile
    }

    static let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)

    /// Reads a file as `eqlint check` does: through its reader's `load` (a document is converted), then checks it.
    static func check(_ name: String) throws -> Checked {
        let source = try linter.parser.load(path: OfficeFixtures.path(name), displayPath: name)
        return Checked(plan: linter.parser.parse(source), diagnostics: linter.lint(source), source: source)
    }

    /// The rule ids of the findings, as a sorted list: those of the plan, then those of each objective.
    /// A finding of a plan-level rule is the plan's; any other is the objective it falls in (the last
    /// whose anchor starts before it), or the plan's before the first objective.
    static func findingsByObjective(_ checked: Checked) -> (plan: [String], objectives: [[String]]) {
        var plan: [String] = []
        var objectives = Array(repeating: [String](), count: checked.plan.objectives.count)
        let anchors = checked.plan.objectives.map(\.anchor.start)
        for diagnostic in checked.diagnostics {
            let scope = TestSupport.builtInRuleSet.rule(id: diagnostic.ruleID)?.scope
            let index = anchors.lastIndex { $0 <= diagnostic.range.start }
            if scope == .plan || index == nil { plan.append(diagnostic.ruleID) } else { objectives[index!].append(diagnostic.ruleID) }
        }
        return (plan.sorted(), objectives.map { $0.sorted() })
    }

    @Test("the fixtures are here: four documents for each of the 11 plans")
    func fixturesExist() {
        #expect(OfficeFixtures.documents.count == 44)
        for document in OfficeFixtures.documents {
            #expect(FileManager.default.fileExists(atPath: OfficeFixtures.path(OfficeFixtures.markdownSource(of: document))), "\(document)")
        }
    }

    @Test("each document gives the objectives, numbers, titles, fields and dates of the Markdown it was made from", arguments: OfficeFixtures.documents)
    func samePlan(document: String) throws {
        let checked = try Self.check(document)
        let markdown = try Self.check(OfficeFixtures.markdownSource(of: document))
        #expect(checked.plan.objectives.count == markdown.plan.objectives.count)
        #expect(checked.plan.objectives.map(\.number) == markdown.plan.objectives.map(\.number))
        #expect(checked.plan.objectives.map(\.title) == markdown.plan.objectives.map(\.title))
        #expect(checked.plan.objectives.map { $0.fields.keys.map(\.rawValue).sorted() } == markdown.plan.objectives.map { $0.fields.keys.map(\.rawValue).sorted() })
        #expect(checked.plan.objectives.map(\.actions.count) == markdown.plan.objectives.map(\.actions.count))
        for key in Plan.dateKeys {
            #expect(checked.plan.date(key)?.span == markdown.plan.date(key)?.span, "\(key)")
        }
    }

    @Test("each document gets the findings of the Markdown it was made from, rule by rule and objective by objective", arguments: OfficeFixtures.documents)
    func sameFindings(document: String) throws {
        let checked = try Self.check(document)
        let markdown = try Self.check(OfficeFixtures.markdownSource(of: document))
        #expect(checked.diagnostics.map(\.ruleID).sorted() == markdown.diagnostics.map(\.ruleID).sorted())
        let (documentPlan, documentObjectives) = Self.findingsByObjective(checked)
        let (markdownPlan, markdownObjectives) = Self.findingsByObjective(markdown)
        #expect(documentPlan == markdownPlan)
        #expect(documentObjectives == markdownObjectives)
        // Every finding points at a line of the conversion, the file `eqlint convert` prints.
        #expect(checked.source.format == "markdown")
        for diagnostic in checked.diagnostics {
            #expect(diagnostic.range.start.line <= checked.source.lineCount, "\(diagnostic.ruleID) at line \(diagnostic.range.start.line)")
        }
    }

    /// Two documents in full: what the reader writes, and the plan in the plan format.
    static let goldenDocuments = ["model-plan.pandoc.docx", "secondary-2020-2024.libreoffice.odt"]

    @Test("golden Markdown and conversion", arguments: goldenDocuments)
    func golden(document: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: OfficeFixtures.path(document))))
        let markdown = document.hasSuffix(".docx") ? try DocxReader.markdown(bytes) : try OdtReader.markdown(bytes)
        assertSnapshot(markdown, named: "documents/\(document).md")
        let converted = try Self.linter.parser.convert(path: OfficeFixtures.path(document), displayPath: document)
        assertSnapshot(converted, named: "documents/\(document).convert.md")
        // Checking the conversion as Markdown gives the document's findings.
        let reread = Self.linter.lint(SourceFile(path: document, text: converted))
        #expect(reread.map(\.ruleID).sorted() == (try Self.check(document)).diagnostics.map(\.ruleID).sorted())
    }

    @Test("a folder search picks up .docx and .odt files by their extension")
    func folderSearch() {
        guard case .directory(let files, _) = PlanFinder.find(OfficeFixtures.folder.path) else {
            Issue.record("the fixtures folder is not found as a folder")
            return
        }
        let names = files.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(names.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".odt") } == OfficeFixtures.documents)
        #expect(DocumentReaders.reader(forPath: "plan.DOCX").format == "docx")
        #expect(DocumentReaders.reader(forPath: "plan.odt").format == "odt")
        #expect(DocumentReaders.fileExtensions.contains("docx") && DocumentReaders.fileExtensions.contains("odt"))
    }
}
