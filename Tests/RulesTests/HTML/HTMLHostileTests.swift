@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Huge and hostile web pages: each is read in time that grows with its
/// size, never with its square, with no recursion (tags nested 200,000
/// deep) and memory bounded by its size, as far as it makes sense; and,
/// where what it reads is a plan of a sane size, checked in full, every
/// finding inside the file. The pages are made in memory at test time.
///
/// Two shapes are only read here, not checked: a table cell of 200,000
/// words, and hundreds of thousands of one-line paragraphs that each carry
/// on the one before. Structure recovery (`PlanRecovery`, the same for
/// every format) takes time that grows with the square of those: a
/// Markdown or text file of the same shape takes as long.
@Suite("Hostile web pages")
struct HTMLHostileTests {
    /// How long one page may take. Generous, for a debug build on a busy
    /// machine: it catches time that grows faster than the input, not a slow
    /// constant (a release build reads each of these in well under a second).
    static let timeLimit = 300.0

    static let linter = Linter(ruleSet: TestSupport.builtInRuleSet, today: TestSupport.goldenToday)

    /// Reads a page (and, with `lint`, checks it), within the time limit,
    /// every span and finding inside the file; returns its first blocks.
    @discardableResult
    static func check(_ html: String, lint: Bool = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let source = SourceFile(path: "hostile.html", text: html)
        let start = Date()
        let document = HTMLReader().read(source)
        let read = Date().timeIntervalSince(start)
        #expect(read < timeLimit, "reading took \(read) s", sourceLocation: sourceLocation)
        let count = source.bytes.count
        for span in document.textSpans ?? [] {
            #expect(span.lowerBound >= 0 && span.upperBound <= count, sourceLocation: sourceLocation)
        }
        if lint {
            let outcome = linter.check(source)
            let seconds = Date().timeIntervalSince(start)
            #expect(seconds < timeLimit, "reading and checking took \(seconds) s", sourceLocation: sourceLocation)
            for diagnostic in outcome.diagnostics {
                #expect(FuzzRegressionTests.isInside(diagnostic.range.start, source) && FuzzRegressionTests.isInside(diagnostic.range.end, source),
                        sourceLocation: sourceLocation)
            }
        }
        // Only the first blocks: enough to see what was read.
        var shown = document
        shown.blocks = Array(document.blocks.prefix(40))
        return HTMLTestSupport.describe(shown).filter { $0 != "---" }
    }

    static let depth = 200_000
    static let plan = "<h2>Objective 1: Improve attendance</h2><p>Lead: Head</p>"

    @Test("elements nested 200,000 deep, closed and never closed", arguments: ["div", "span", "p", "b", "section", "blockquote", "a"])
    func deepNesting(tag: String) {
        let open = String(repeating: "<\(tag)>", count: Self.depth)
        let close = String(repeating: "</\(tag)>", count: Self.depth)
        let read = Self.check(open + Self.plan + close + "<p>After</p>")
        #expect(read.contains("paragraph: After"))
        Self.check(open + Self.plan)
    }

    @Test("lists and tables nested 200,000 deep")
    func deepStructures() {
        Self.check(String(repeating: "<ul><li>Item", count: Self.depth) + Self.plan)
        Self.check(String(repeating: "<ol start=9><li value=2>", count: Self.depth) + String(repeating: "</li></ol>", count: Self.depth))
        // One cell of 200,000 words (each nested table's text is the cell's): read only, see above.
        let tables = Self.check(String(repeating: "<table><tr><td>Cell", count: Self.depth) + String(repeating: "</td></tr></table>", count: Self.depth),
                                lint: false)
        #expect(tables.count == 1)
        Self.check(String(repeating: "<table><tr><td>", count: Self.depth) + "Cell" + String(repeating: "</td></tr></table>", count: Self.depth))
        Self.check(String(repeating: "<table><tr><td><h2>Layout</h2>", count: Self.depth / 4) + Self.plan)
        Self.check(String(repeating: "<table>", count: Self.depth) + "<tr><td>x")
        Self.check(String(repeating: "<h1><h2><li><dd><dt><tr><td><th><thead>", count: Self.depth / 8))
    }

    @Test("hidden and skipped elements nested deep, and end tags that match nothing")
    func skippedAndStray() {
        let read = Self.check(String(repeating: "<div hidden>", count: Self.depth) + "secret" + String(repeating: "</div>", count: Self.depth)
            + Self.plan)
        #expect(!read.contains { $0.contains("secret") })
        #expect(read.contains("heading 2: Objective 1: Improve attendance"))
        Self.check(String(repeating: "<nav><span>", count: Self.depth / 2) + Self.plan)
        Self.check(String(repeating: "<div>", count: Self.depth) + String(repeating: "</span></li></td></table></p>", count: Self.depth / 5))
        Self.check(String(repeating: "<b><i>x</b></i>", count: Self.depth / 2))
        Self.check(String(repeating: "<p><li>", count: Self.depth) + "<p>Last")
    }

    @Test("a 10 MB attribute, quoted and bare, closed and never closed")
    func hugeAttribute() {
        let value = String(repeating: "x", count: 10_000_000)
        let quoted = Self.check("<div class=\"\(value)\">Inside</div>" + Self.plan)
        #expect(quoted.first == "paragraph: Inside")
        Self.check("<p title=\(value)>Bare</p>")
        Self.check("<div style='display:\(value)'>Styled</div>")
        let unclosed = Self.check(Self.plan + "<div class=\"\(value)")
        #expect(unclosed.contains("paragraph: Lead: Head"))
        Self.check(Self.plan + "<a " + String(repeating: "b ", count: 2_000_000) + ">x</a>")
    }

    @Test("an unterminated comment, CDATA and script, and comments full of '>' and '--'")
    func unterminated() {
        let filler = String(repeating: "<p>never read</p> -- > ", count: 400_000)
        let comment = Self.check(Self.plan + "<!-- " + filler)
        #expect(comment.first == "heading 2: Objective 1: Improve attendance")
        #expect(!comment.contains("paragraph: never read"))
        // A CDATA section never closed ends at the first `>`, as browsers end it: what follows is
        // read, here 800,000 paragraphs that carry on each other (read only, see above).
        Self.check(Self.plan + "<![CDATA[" + filler, lint: false)
        let cdata = Self.check(Self.plan + "<![CDATA[" + String(repeating: "never read -- ", count: 700_000))
        #expect(cdata == ["heading 2: Objective 1: Improve attendance", "paragraph: Lead: Head"])
        Self.check(Self.plan + "<script>" + filler)
        Self.check(Self.plan + "<style>" + String(repeating: "</styl", count: 1_000_000))
        Self.check(String(repeating: "<!-- a --><!-->", count: Self.depth) + Self.plan)
    }

    @Test("text of stray markup characters: '<' with no '>', '&' with no ';', entities by the million")
    func strayCharacters() {
        Self.check("<p>" + String(repeating: "<a", count: 2_000_000) + "</p>")
        Self.check("<p>" + String(repeating: "a < b ", count: 1_000_000) + "</p>", lint: false)
        Self.check("<p>" + String(repeating: "a < b ", count: 100_000) + "</p>")
        Self.check("<p>" + String(repeating: "&amp;&#8211;&nbsp;&bogus;&#xZZ;& ", count: 300_000) + "</p>", lint: false)
        Self.check("<p>" + String(repeating: "&amp;&#8211;&nbsp;&bogus;&#xZZ;& ", count: 30_000) + "</p>")
        Self.check("<p>" + String(repeating: "x&rsquo;", count: 100_000) + "</p>")
        Self.check(String(repeating: "</", count: 2_000_000))
        Self.check(String(repeating: "<!", count: 2_000_000))
    }

    @Test("a paragraph of 1.4 MB of text, and 200,000 short blocks")
    func bigText() {
        Self.check("<h2>Objective 1: Improve attendance</h2><p>Success criteria: " + String(repeating: "pupils attend ", count: 100_000) + "</p>")
        Self.check(String(repeating: "<p>Lead: Head<br>Timescale: July 2026</p>\n", count: 100_000), lint: false)
        Self.check(String(repeating: "<p>Lead: Head<br>Timescale: July 2026</p>\n", count: 5_000))
        Self.check("<table>" + String(repeating: "<tr><td>Objective</td><td colspan=999999>Lead</td></tr>", count: 100_000) + "</table>", lint: false)
        Self.check("<table>" + String(repeating: "<tr><td>Objective</td><td colspan=999999>Lead</td></tr>", count: 2_000) + "</table>")
    }
}
