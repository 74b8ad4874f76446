@testable import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

/// `--format html` without a browser: what the page says, and that a
/// plan's text never becomes markup. `eqlintTests/HTMLReportBrowserTests`
/// renders it in headless Chromium.
@Suite("HTML report")
struct HTMLReporterTests {
    static let hostilePath = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/report/hostile-plan.md").path

    static func report(_ text: String, path: String = "plan.md") -> FileReport {
        let source = SourceFile(path: path, text: text)
        let checked = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday).check(source)
        var report = FileReport(path: path, source: source, diagnostics: checked.diagnostics)
        report.synopsis = checked.synopsis
        return report
    }

    static func hostile() throws -> FileReport {
        report(try String(contentsOfFile: hostilePath, encoding: .utf8), path: "plans/a<script>b\"c'.md")
    }

    static let page = HTMLReporter(context: TestSupport.reporterContext)

    @Test("a plan's text, its path and its findings are escaped: no tag or attribute comes from them")
    func escaped() throws {
        let html = Self.page.report([try Self.hostile()])
        for markup in ["<script", "<img", "<iframe", "<b ", "<a href=\"javascript"] {
            #expect(!html.contains(markup), "\(markup)")
        }
        // Every attribute in the page is one the reporter writes, and every link stays in the page.
        let tagTexts = html.matches(of: /<[a-zA-Z][^>]*>/).map { String($0.0) }
        let attributes = Set(tagTexts.flatMap { tag in
            tag.replacing(/"[^"]*"/, with: "\"\"").matches(of: /\s([a-zA-Z-]+)=/).map { String($0.1) }
        })
        #expect(attributes.isSubset(of: Self.allowedAttributes), "\(attributes.subtracting(Self.allowedAttributes))")
        #expect(html.matches(of: /href="([^"]*)"/).allSatisfy { $0.1.hasPrefix("#plan-") || $0.1 == "#summary" })
        #expect(html.contains("St &lt;script&gt;alert(&#39;school&#39;)&lt;/script&gt; &amp; &quot;Quotes&quot; School"))
        #expect(html.contains("plans/a&lt;script&gt;b&quot;c&#39;.md"))
        // Every tag in the page is one the reporter writes.
        let tags = Set(html.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)/).map { String($0.1).lowercased() })
        #expect(tags.isSubset(of: HTMLReporterTests.allowedTags), "\(tags.subtracting(HTMLReporterTests.allowedTags))")
    }

    static let allowedAttributes: Set<String> = ["lang", "charset", "name", "content", "class", "id", "href", "scope",
                                                 "aria-labelledby", "aria-hidden"]

    static let allowedTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4",
                                           "p", "a", "strong", "main", "section", "table", "caption", "thead", "tbody", "tr",
                                           "th", "td", "span", "br", "ol", "li", "q", "footer", "code"]

    @Test("control characters and noncharacters become U+FFFD; markup characters references")
    func escapeFunction() {
        var text = "a<b>&\"'\u{0}\u{7}\u{85}"
        text.unicodeScalars.append(Unicode.Scalar(0xFFFE)!)
        text.unicodeScalars.append(Unicode.Scalar(0xFDD0)!)
        text += "\tz\n"
        #expect(HTMLReporter.escape(text) == "a&lt;b&gt;&amp;&quot;&#39;\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\tz\n")
    }

    @Test("the verdict is in words, counting the legal requirements not met: one rule's findings on three objectives are one")
    func verdict() {
        func tally(_ findings: [(String, Basis)]) -> PlanTally {
            let start = SourceLocation(line: 1, column: 1)
            return PlanTally(FileReport(path: "plan.md", diagnostics: findings.map { rule, basis in
                var diagnostic = Diagnostic(path: "plan.md", range: SourceRange(start: start, end: start), severity: .error,
                                            ruleID: rule, message: "m", help: "h")
                diagnostic.basis = basis
                return diagnostic
            }))
        }
        #expect(HTMLReporter.verdict(tally([("objective-lead", .goodPractice)])) == "\u{2713} Meets the legal requirements")
        let once = tally([("objective-aim", .law), ("objective-aim", .law), ("objective-aim", .law)])
        #expect(HTMLReporter.verdict(once) == "\u{2717} Does not meet 1 legal requirement")
        #expect(once.legal == 3)
        #expect(HTMLReporter.verdict(tally([("objective-aim", .law), ("plan-period", .law)])) == "\u{2717} Does not meet 2 legal requirements")
    }

    @Test("the matrix has a row per objective and a mark and a word in every cell")
    func matrix() throws {
        let file = try Self.hostile()
        let html = Self.page.part(file)
        let rows = html.matches(of: /<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/).map { (String($0.1), String($0.2)) }
        #expect(rows.count == 2)
        let cells = rows.map { row in row.1.matches(of: /<td class="([a-z]+)"><span class="mark" aria-hidden="true">(.)<\/span> ([A-Za-z ]+)<\/td>/).map { "\($0.2) \($0.3)" } }
        #expect(cells.allSatisfy { $0.count == HTMLReporter.requirements.count })
        // Objective 1: its aim, lead, criteria and child-friendly version are there; the criterion is vague.
        #expect(cells[0] == ["\u{2713} Yes", "\u{2713} Yes", "\u{2713} Yes", "\u{2713} Yes", "\u{2717} No", "\u{2713} Yes", "\u{2713} Yes"])
        // Objective 2 has only its characteristics.
        #expect(cells[1] == ["\u{2717} Missing", "\u{2713} Yes", "\u{2717} Missing", "\u{2717} Missing", "\u{2717} No criteria",
                             "\u{2717} Missing", "\u{2717} Missing"])
        #expect(rows[1].0.hasPrefix("Objective 2: Welcome every family"))
    }

    @Test("findings are grouped by objective, legal requirements first, and the same advice is given once")
    func findings() throws {
        let file = try Self.hostile()
        let html = Self.page.part(file)
        #expect(html.matches(of: #/<li class="finding /#).count == file.diagnostics.count)
        for diagnostic in file.diagnostics {
            #expect(html.contains(HTMLReporter.escape(diagnostic.message)), "\(diagnostic.ruleID)")
        }
        // In each group, no recommendation comes before a legal requirement.
        for group in html.split(separator: "<section class=\"group\">").dropFirst() {
            let kinds = group.matches(of: /<li class="finding (legal|recommended)">/).map { String($0.1) }
            let legalFirst = kinds.filter { $0 == "legal" } + kinds.filter { $0 != "legal" }
            #expect(kinds == legalFirst)
        }
        // The same rule's same advice: said once, then pointed to.
        let two = Self.report("## Objective 1: Reading\n\n## Objective 2: Writing\n")
        let twice = Self.page.part(two)
        let help = try #require(two.diagnostics.first { $0.ruleID == "objective-lead" }).help
        #expect(twice.components(separatedBy: HTMLReporter.escape(help)).count == 2)
        #expect(twice.contains("What to do, and where it comes from: as for line 1 above"))
    }

    @Test("a page is whole: the language, headings, table headers with scope, the summary last in the text and first on screen")
    func page() throws {
        let model = TestSupport.examplesDirectory.appendingPathComponent("model-plan.md").path
        let html = Self.page.report([Self.report(try String(contentsOfFile: model, encoding: .utf8), path: "examples/model-plan.md"),
                                     try Self.hostile()])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("<h1>") && html.contains("<h2 id=\"summary-title\">Summary</h2>"))
        #expect(!html.contains("<th>"), "every th has a scope")
        #expect(html.contains(".summary { order: -1; }"))
        #expect(html.contains("\u{2713} Meets the legal requirements"))
        #expect(html.contains("Does not meet"))
        #expect(html.contains("<td>1 September 2025 to 31 August 2028</td>"))
        // Nothing fetched from elsewhere, and no script.
        let style = try #require(html.firstMatch(of: /<style>(.*?)<\/style>/.dotMatchesNewlines())).1
        #expect(!html.contains("<link") && !style.contains("@import") && !style.contains("url("))
    }

    /// WCAG's contrast ratio of two colours written `#rrggbb`.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
                let c = Double(channel) / 255
                return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("every text colour passes WCAG AA (4.5:1) on its background, and on the page's white and the table headers' grey")
    func contrast() {
        let blocks = HTMLReporter.style.matches(of: /([^{}]+)\{([^{}]*)\}/).map { (String($0.1), String($0.2)) }
        var checked = 0
        for (selector, body) in blocks {
            guard let color = body.firstMatch(of: /(?:^|[;\s])color:\s*(#[0-9a-fA-F]{6})/)?.1 else { continue }
            let background = body.firstMatch(of: /background:\s*(#[0-9a-fA-F]{6})/)?.1
            for ground in background.map({ [String($0)] }) ?? ["#ffffff", "#e8e8e8"] {
                #expect(Self.contrast(String(color), ground) >= 4.5, "\(selector): \(color) on \(ground)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }
}
