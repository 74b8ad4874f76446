import EqlintKit
import EqlintText
@testable import Rules
import Testing

/// Applying fix-its, and the unified diff `--diff` prints.
@Suite("Fix-its")
struct FixApplierTests {
    static func fix(_ span: Range<Int>, _ text: String) -> FixIt {
        FixIt(safety: .safe, title: text, edits: [FixIt.Edit(range: SourceRange(start: loc(1, 1), end: loc(1, 1)), span: span, replacement: text)])
    }

    @Test("fix-its that overlap an earlier one wait for the next round; the longer goes first where two start together")
    func overlapping() {
        let bytes = Array("abcdef".utf8)
        let (once, applied) = FixApplier.apply([Self.fix(0..<2, "X"), Self.fix(0..<4, "Y"), Self.fix(3..<5, "Z"), Self.fix(5..<6, "W")], to: bytes)
        #expect(String(decoding: once, as: UTF8.self) == "YeW")
        #expect(applied == 2)
        // Two insertions at one place overlap too: their order would matter.
        let (inserted, count) = FixApplier.apply([Self.fix(2..<2, "1"), Self.fix(2..<2, "2")], to: bytes)
        #expect(count == 1)
        #expect(String(decoding: inserted, as: UTF8.self) == "ab1cdef")
    }

    @Test("a line is added under a heading or a line of its own, never under a list item or a table row it would break")
    func insertedLineKeepsStructure() {
        func leadFixes(_ plan: String) -> [String] {
            TestSupport.lint(plan, rules: ["objective-lead"]).flatMap(\.fixIts).map(\.title)
        }
        #expect(leadFixes("## Objective 1: Improve attendance of pupils with SEND by July 2027\n") == ["add \u{201C}**Lead:** TODO\u{201D} after line 1"])
        let list = "## Our equality objectives\n\n1. Improve attendance of pupils with SEND by July 2027\n2. Reduce racist incidents by July 2027\n"
        #expect(leadFixes(list).isEmpty)
        #expect(leadFixes(list.replacingOccurrences(of: "1. ", with: "* ").replacingOccurrences(of: "2. ", with: "* ")).isEmpty)
        #expect(leadFixes("**Objective 1:** Improve attendance of pupils with SEND by July 2027\n").count == 1)
        let table = "Objective\tLead\tTimescale\nImprove attendance of pupils with SEND\t\tJuly 2027\n"
        #expect(leadFixes(table).isEmpty)
        #expect(leadFixes("| Objective | Timescale |\n|---|---|\n| Improve attendance of pupils with SEND | July 2027 |\n").isEmpty)
    }

    @Test("a fix-it past the end of the text is not applied")
    func outOfRange() {
        #expect(FixApplier.apply([Self.fix(4..<9, "X")], to: Array("abc".utf8)).applied == 0)
    }

    @Test("a unified diff: hunks with three lines of context, CRLF lines kept, a last line without a line break marked")
    func unifiedDiff() {
        let old = (1...10).map { "line \($0)\r\n" }.joined() + "end"
        let new = old.replacingOccurrences(of: "line 2\r\n", with: "line two\r\n").replacingOccurrences(of: "end", with: "END")
        let diff = UnifiedDiff.diff(old, new, path: "p.md")
        #expect(diff == "--- p.md\n+++ p.md\n@@ -1,5 +1,5 @@\n line 1\r\n-line 2\r\n+line two\r\n line 3\r\n line 4\r\n line 5\r\n"
            + "@@ -8,4 +8,4 @@\n line 8\r\n line 9\r\n line 10\r\n-end\n\\ No newline at end of file\n+END\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.diff("same\n", "same\n", path: "p.md") == "")
        #expect(UnifiedDiff.diff("a\n", "a\nb\n", path: "p.md") == "--- p.md\n+++ p.md\n@@ -1 +1,2 @@\n a\n+b\n")
    }
}
