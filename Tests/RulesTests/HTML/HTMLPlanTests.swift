@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Plans as web pages: the pages `scripts/make-html-fixtures` made from the
/// examples and layouts (pandoc's HTML in a school site's furniture) give
/// the findings their sources give; a page as a school's CMS writes it has
/// golden findings; findings point at the text at fault in the HTML file;
/// and markup in a page never becomes a finding's text.
@Suite("Plans as web pages")
struct HTMLPlanTests {
    static let pandocDirectory = HTMLTestSupport.fixtures.appendingPathComponent("pandoc")

    /// Each page and the plan it was made from (`sources.tsv`).
    static let pages: [(page: String, source: String)] = {
        let list = (try? String(contentsOf: pandocDirectory.appendingPathComponent("sources.tsv"), encoding: .utf8)) ?? ""
        return list.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t").map(String.init)
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
    }()

    static var pageNames: [String] { pages.map(\.page) }

    static let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)

    struct Checked {
        var source: SourceFile
        var plan: Plan
        var diagnostics: [Diagnostic]
    }

    static func check(_ url: URL, as displayPath: String) throws -> Checked {
        let source = try SourceFile.read(path: url.path, displayPath: displayPath)
        return Checked(source: source, plan: linter.parser.parse(source), diagnostics: linter.lint(source))
    }

    static func check(html: String, path: String = "page.html") -> Checked {
        let source = SourceFile(path: path, text: html)
        return Checked(source: source, plan: linter.parser.parse(source), diagnostics: linter.lint(source))
    }

    /// The findings of each objective (rule ids, as often as each fires), and
    /// then (last) those of no objective. A finding is an objective's when it
    /// starts in the objective's heading or line, one of its fields or
    /// entries, or one of its actions.
    static func findingsByObjective(_ checked: Checked) -> [[String]] {
        let places = checked.plan.objectives.map { objective -> [SourceRange] in
            var ranges = [objective.anchor] + objective.text.map(\.range)
            for field in objective.fields.values { ranges += [field.label] + field.entries.map(\.range) }
            for action in objective.actions {
                ranges.append(action.anchor)
                for field in action.fields.values { ranges += [field.label] + field.entries.map(\.range) }
            }
            return ranges
        }
        var result = Array(repeating: [String](), count: places.count + 1)
        for diagnostic in checked.diagnostics {
            let start = diagnostic.range.start
            let owner = places.firstIndex { $0.contains { $0.start <= start && start <= $0.end } } ?? places.count
            result[owner].append(diagnostic.ruleID)
        }
        return result.map { $0.sorted() }
    }

    // MARK: Pages made from the examples and layouts

    @Test("there are pages, made from examples and layouts")
    func pagesExist() {
        #expect(Self.pages.count >= 11)
        #expect(Self.pages.contains { $0.source.hasPrefix("examples/") })
        #expect(Self.pages.contains { $0.source.hasPrefix("Tests/RulesTests/Fixtures/layouts/") })
    }

    @Test("each page gives its source's objectives and, objective by objective, its findings", arguments: pageNames)
    func sameAsSource(page: String) throws {
        let sourcePath = try #require(Self.pages.first { $0.page == page }?.source)
        let html = try Self.check(Self.pandocDirectory.appendingPathComponent(page), as: "html/\(page)")
        let original = try Self.check(TestSupport.packageRoot.appendingPathComponent(sourcePath), as: sourcePath)
        #expect(html.plan.format == "html")
        #expect(html.plan.objectives.map(\.number) == original.plan.objectives.map(\.number))
        #expect(html.plan.objectives.map(\.title) == original.plan.objectives.map(\.title))
        #expect(html.plan.objectives.count == original.plan.objectives.count)
        #expect(Self.findingsByObjective(html) == Self.findingsByObjective(original))
        // The same messages too: the same words were read, and the same values found.
        #expect(html.diagnostics.map(\.message).sorted() == original.diagnostics.map(\.message).sorted())
    }

    @Test("a page's furniture is not the plan: nothing is found in its header, menu, cookie banner, sidebar or footer",
          arguments: pageNames)
    func furnitureIsNotRead(page: String) throws {
        let html = try Self.check(Self.pandocDirectory.appendingPathComponent(page), as: "html/\(page)")
        let text = html.diagnostics.map(\.message).joined(separator: "\n")
        for word in ["SBM", "PTA", "GDPR", "Ofsted", "DfE", "cookies", "Schools Web Co"] {
            #expect(!text.contains(word), "\(word) in the findings of \(page)")
        }
        let spans = try #require(HTMLReader().read(html.source).textSpans)
        let read = spans.map { InlineText.plain(html.source.bytes, $0) }.joined(separator: " ")
        // The furniture's own words (12-web-page.md has a menu and a cookie notice of its own, as the plan's text).
        for furniture in ["Skip to main content", "Reject optional cookies", "Learning together", "Latest news", "12 Church Lane",
                          "Headteacher's Welcome", "In this section"] {
            #expect(!read.contains(furniture), "\(furniture) read in \(page)")
        }
    }

    // MARK: A page as a school's CMS writes it

    static let cmsPage = HTMLTestSupport.fixtures.appendingPathComponent("cms-page.html")

    @Test("a CMS page (bold lead-ins, &nbsp; everywhere, inline styles, tables): golden findings")
    func cmsPageFindings() throws {
        let checked = try Self.check(Self.cmsPage, as: "html/cms-page.html")
        let report = FileReport(path: checked.source.path, source: checked.source, diagnostics: checked.diagnostics)
        assertSnapshot(TextReporter().report([report]), named: "html/cms-page.html.txt")
        assertSnapshot(TextReporter(showSource: true).report([report]), named: "html/cms-page.html.source.txt")
        assertSnapshot(PlanOutline.text([PlanOutline.Entry(path: checked.source.path, plan: checked.plan)]), named: "html/cms-page.html.outline.txt")
    }

    @Test("the CMS page's three objectives, each as the school marked it")
    func cmsPageObjectives() throws {
        let plan = try Self.check(Self.cmsPage, as: "html/cms-page.html").plan
        #expect(plan.objectives.map(\.number) == ["1", "2", "3"])
        #expect(plan.objectives.map(\.title) == [
            "To raise the attendance of pupils with SEND from 91% to 95% by July 2027.",
            "To improve the teaching of a diverse curriculum",
            "Reduce racist incidents at lunchtime",
        ])
        #expect(plan.objectives[0].entries(of: "lead").map(\.text) == ["Mrs A Patel, Special Educational Needs Co-ordinator"])
        #expect(plan.objectives[1].actions.count == 2)
        // The cell's two lines (`<br>`) are two success criteria.
        #expect(plan.objectives[2].entries(of: "success").map(\.text) == [
            "Racist incidents at lunchtime fall from 14 in 2024/25 to 5 or fewer in 2026/27.",
            "All midday supervisors are trained by December 2025.",
        ])
        #expect(plan.title?.text == "Equality Objectives")
        #expect(plan.approved?.source.text.contains("12 November 2025") == true)
    }

    // MARK: Positions

    /// The 1-based line and column where `needle` (the `occurrence`th, from 1) starts in `text`.
    static func location(of needle: String, in text: String, occurrence: Int = 1) throws -> EqlintText.SourceLocation {
        var from = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            let range = try #require(text.range(of: needle, range: from..<text.endIndex), "no \(needle)")
            found = range
            from = range.upperBound
        }
        let before = text[..<found!.lowerBound]
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].unicodeScalars.count + 1
        return EqlintText.SourceLocation(line: line, column: column)
    }

    @Test("a finding points at the line and column in the HTML file where the text at fault starts")
    func positions() throws {
        let text = try String(contentsOf: Self.cmsPage, encoding: .utf8)
        let diagnostics = try Self.check(Self.cmsPage, as: "html/cms-page.html").diagnostics
        func first(_ rule: String) throws -> Diagnostic { try #require(diagnostics.first { $0.ruleID == rule }, "no \(rule)") }
        // An objective marked by a bold lead-in inside spans with inline styles: at the word "Objective".
        let objective = try Self.location(of: "Objective 1:", in: text)
        #expect(try first("objective-child-friendly").range.start == objective)
        // A lead's initials after `<b>Lead:</b>&nbsp;`: at the initials.
        let initials = try Self.location(of: "JM<br", in: text)
        #expect(try first("lead-initials").range.start == initials)
        #expect(try first("lead-initials").faultText == "JM")
        // An acronym in a paragraph, a small count in a table cell, a timescale after a label.
        let acronym = try Self.location(of: "EHCP", in: text)
        #expect(try first("acronym-undefined").range.start == acronym)
        let count = try Self.location(of: "3 pupils", in: text)
        #expect(try first("small-numbers").range.start == count)
        let ongoing = try Self.location(of: "Ongoing", in: text)
        #expect(try first("timescale-end-date").range.start == ongoing)
        // A finding's range ends after the text at fault, not after the tags that close it.
        let vague = try first("criterion-vague")
        let vagueStart = try Self.location(of: "Staff will try", in: text)
        let vagueEnd = try Self.location(of: "</span></p>\n<table", in: text)
        #expect(vague.range.start == vagueStart)
        #expect(vague.range.end == vagueEnd)
    }

    @Test("a finding on a heading and on text that wraps over the file's lines starts at its first character")
    func wrappedPositions() throws {
        let html = """
            <main>
              <h1>
                Equality Objectives 2025&ndash;2028
              </h1>
              <h2 class="title">Objective 1:
                Raise attendance</h2>
              <p>
                <strong>Lead:</strong>
                Mrs Patel
              </p>
            </main>
            """
        let checked = Self.check(html: html)
        let objective = try #require(checked.plan.objectives.first)
        #expect(objective.anchor.start == loc(5, 21))
        #expect(objective.anchor.end == loc(6, 21))
        #expect(objective.title == "Raise attendance")
        #expect(objective.entries(of: "lead").first?.range.start == loc(9, 5))
        #expect(checked.diagnostics.first { $0.ruleID == "objective-timescale" }?.range.start == loc(5, 21))
        #expect(checked.diagnostics.first { $0.ruleID == "objective-timescale" }?.faultText == "Objective 1: Raise attendance")
    }

    // MARK: Escaping

    @Test("a script and an onerror attribute in the plan's text: nothing of them is a finding's text; the text output is plain words")
    func escaping() throws {
        let html = """
            <h1>Equality Objectives 2025-2028</h1>
            <p><strong>Objective 1:</strong> Improve attendance <script>alert(1)</script>of <img src=x onerror=alert(1)>pupils with SEND</p>
            <p>Lead: <a href="javascript:alert(1)" onclick="alert(1)">JM</a><script>document.write("<b>XSS</b>")</script></p>
            <p>Success criteria: we will teach why &lt;script&gt; tags in forms are unsafe</p>
            """
        let checked = Self.check(html: html)
        #expect(checked.plan.objectives.map(\.title) == ["Improve attendance of pupils with SEND"])
        #expect(!checked.diagnostics.isEmpty)
        let report = TextReporter().report([FileReport(path: "page.html", diagnostics: checked.diagnostics)])
        for diagnostic in checked.diagnostics {
            for text in [diagnostic.message, diagnostic.faultText] {
                #expect(!text.contains("alert"), "\(text)")
                #expect(!text.contains("onerror"), "\(text)")
                #expect(!text.contains("<img"), "\(text)")
                #expect(!text.contains("XSS"), "\(text)")
            }
        }
        #expect(!report.contains("alert") && !report.contains("onerror") && !report.contains("<b>"))
        #expect(report.contains("[lead-initials]"))
        // The school's own words about tags are words: decoded in the text, escaped in XML reports.
        // criterion-vague alone (with every rule, objective-measurable speaks for the objective instead).
        let vague = try #require(Self.linter.lint(checked.source, rules: TestSupport.builtInRuleSet.rules.filter { $0.id == "criterion-vague" }).first)
        #expect(vague.message.contains("why <script> tags"))
        let xml = CheckstyleReporter().report([FileReport(path: "page.html", diagnostics: checked.diagnostics + [vague])])
        #expect(xml.contains("why &lt;script&gt; tags") && !xml.contains("<script>"))
    }

    @Test("an eqlint-disable comment in a page works as in Markdown")
    func suppression() throws {
        let html = """
            <h1>Equality Objectives 2025-2028</h1>
            <!-- eqlint-disable-next-line lead-initials -- the governors know JM -->
            <p><strong>Objective 1:</strong> Improve attendance<br><strong>Lead:</strong> JM</p>
            """
        let findings = Self.check(html: html).diagnostics.map(\.ruleID)
        #expect(findings.contains("objective-lead") == false)
        #expect(!findings.contains("lead-initials"))
        #expect(!findings.contains("unused-suppression"))
    }
}
