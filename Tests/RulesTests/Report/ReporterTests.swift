import EqlintKit
import EqlintText
import Foundation
import Rules
import Testing

@Suite("Reporters")
struct ReporterTests {
    static let diagnostic = Diagnostic(
        path: "plans/a b.md",
        range: SourceRange(start: EqlintText.SourceLocation(line: 3, column: 5), end: EqlintText.SourceLocation(line: 3, column: 9)),
        severity: .warning, ruleID: "criterion-vague", message: "Something is vague", help: "Say how much.")

    static let report = FileReport(
        path: "plans/a b.md",
        source: SourceFile(path: "plans/a b.md", text: "# T\n\n\t-  Some thing\n"),
        diagnostics: [diagnostic])

    @Test("text: the compiler format, one finding a line, then its note")
    func text() {
        #expect(TextReporter().report([Self.report]) == """
            plans/a b.md:3:5: warning: Something is vague [criterion-vague]
            plans/a b.md:3:5: note: Say how much.

            """)
    }

    @Test("text lines parse as editors read them: VS Code's $gcc matcher and the README's eqlint matcher")
    func editorFormats() throws {
        let lines = TextReporter().report([Self.report]).split(separator: "\n").map(String.init)
        // The regular expression of VS Code's built-in $gcc problem matcher.
        let gcc = try NSRegularExpression(pattern: "^(.*?):(\\d+):(\\d*)?:?\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$")
        let finding = try #require(gcc.firstMatch(in: lines[0], range: NSRange(lines[0].startIndex..., in: lines[0])))
        #expect(Array(1...4).map { (lines[0] as NSString).substring(with: finding.range(at: $0)) } == ["plans/a b.md", "3", "5", "warning"])
        // The matcher the README gives, read out of the README itself.
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let quoted = try #require(readme.components(separatedBy: "\"regexp\": \"").dropFirst().first?.components(separatedBy: "\",").first)
        let pattern = quoted.replacingOccurrences(of: "\\\\", with: "\\")
        let eqlint = try NSRegularExpression(pattern: pattern)
        let match = try #require(eqlint.firstMatch(in: lines[0], range: NSRange(lines[0].startIndex..., in: lines[0])))
        #expect(Array(1...6).map { (lines[0] as NSString).substring(with: match.range(at: $0)) }
            == ["plans/a b.md", "3", "5", "warning", "Something is vague", "criterion-vague"])
        #expect(eqlint.firstMatch(in: lines[1], range: NSRange(lines[1].startIndex..., in: lines[1])) == nil, "note lines are not findings")
    }

    @Test("on a terminal: colour and the source line with a caret under the text")
    func terminal() {
        let out = TextReporter(color: true, showSource: true).report([Self.report])
        #expect(out.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        let plain = out.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(plain.contains("3 | \t-  Some thing\n  | \t   ^~~~\n"))
    }

    @Test("the summary counts errors, warnings and plans")
    func summary() {
        let error = Diagnostic(path: "b.md", range: Self.diagnostic.range, severity: .error, ruleID: "x", message: "m", help: "h")
        let files = [Self.report, FileReport(path: "b.md", source: nil, diagnostics: [error, error]), FileReport(path: "c.md", source: nil, diagnostics: [])]
        #expect(Summary(files).description == "2 errors, 1 warning in 2 plans (3 checked): 0 legal requirements not met, 3 recommendations")
        #expect(Summary([]).description == "0 plans checked: no problems found")
        let info = Diagnostic(path: "b.md", range: Self.diagnostic.range, severity: .info, ruleID: "x", message: "m", help: "h")
        #expect(Summary([FileReport(path: "b.md", source: nil, diagnostics: [info])]).description == "0 errors, 0 warnings, 1 info in 1 plan (1 checked): 0 legal requirements not met, 1 recommendation")
        var legal = info
        legal.basis = .law
        #expect(Summary([FileReport(path: "b.md", source: nil, diagnostics: [legal, info])]).description
            == "0 errors, 0 warnings, 2 info in 1 plan (1 checked): 1 legal requirement not met, 1 recommendation")
    }

    @Test("JSON: the documented schema")
    func json() throws {
        let data = Data(JSONReporter().report([Self.report]).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(entry["file"] as? String == "plans/a b.md")
        #expect(entry["ruleId"] as? String == "criterion-vague")
        #expect(entry["severity"] as? String == "warning")
        #expect(entry["help"] as? String == "Say how much.")
        let start = (entry["range"] as? [String: Any])?["start"] as? [String: Int]
        #expect(start == ["line": 3, "column": 5])
        #expect((object["summary"] as? [String: Int])?["warnings"] == 1)
    }

    @Test("rules listing and explanation")
    func catalog() throws {
        let set = TestSupport.builtInRuleSet
        let listing = RuleCatalog.listing(set)
        #expect(listing.contains("objective-lead"))
        #expect(listing.split(separator: "\n").count == set.rules.count)
        let explanation = RuleCatalog.explanation(try #require(set.rule(id: "objective-lead")), in: set)
        #expect(explanation.hasPrefix("objective-lead (error)\n"))
        #expect(explanation.contains("\nHow to fix it:\n  Add a line such as 'Lead: Deputy Headteacher'"))
        #expect(explanation.contains("\nA good example (passes) 1 of "))
        #expect(explanation.contains("\nA bad example (fails)"))
    }
}
