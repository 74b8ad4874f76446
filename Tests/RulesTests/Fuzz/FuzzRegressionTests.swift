@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules
import Testing

/// Every input the fuzzers (`scripts/fuzz`) found a fault with, kept in
/// `Fixtures/fuzz/`, run the way the fuzz target runs it, with the outcome
/// it must have now. A new fixture needs an entry in the tables below.
@Suite("Fuzzer findings")
struct FuzzRegressionTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/fuzz")

    static func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)) ?? []).sorted()
    }

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(folder).appendingPathComponent(name)))
    }

    /// A place inside the file: on one of its lines (one past the last
    /// character at most), or the very end of it.
    static func isInside(_ location: EqlintText.SourceLocation, _ source: SourceFile) -> Bool {
        if location == source.location(of: source.bytes.count) { return true }
        guard location.line >= 1, location.line <= source.lineCount else { return false }
        return location.column >= 1 && location.column <= source.lineText(location.line).unicodeScalars.count + 1
    }

    // MARK: Plans

    /// What checking each plan fixture must give: rule id → where its first finding starts and ends.
    static let planExpectations: [String: [String: (start: String, end: String)]] = [
        // The parser fuzzer's first report: an eqlint-disable comment never closed runs to the end of
        // the file, past its final line break. That end (3:1, where an editor puts the cursor after
        // the last line) is a real place; the fuzz target's check was widened to accept it.
        "unclosed-comment-at-end.md": ["unused-suppression": ("2:1", "3:1"), "plan-has-objectives": ("1:1", "1:1")],
    ]

    @Test("each plan the parser fuzzer kept is checked, its findings inside the file", arguments: names(in: "parser"))
    func plan(name: String) throws {
        let expected = try #require(Self.planExpectations[name], "add \(name) to planExpectations")
        let source = try SourceFile(path: name, bytes: try Self.bytes("parser", name))
        let ruleSet = TestSupport.builtInRuleSet
        let linter = Linter(ruleSet: ruleSet, today: TestSupport.goldenToday)
        // As the fuzz target does: every rule, those off by default too.
        let findings = linter.lint(source, rules: ruleSet.rules)
        for finding in findings {
            #expect(Self.isInside(finding.range.start, source) && Self.isInside(finding.range.end, source), "\(finding)")
            #expect(finding.range.start <= finding.range.end)
        }
        for (ruleID, range) in expected {
            let first = findings.first { $0.ruleID == ruleID }
            #expect(first.map { "\($0.range.start)-\($0.range.end)" } == "\(range.start)-\(range.end)", "\(ruleID)")
        }
        #expect(linter.check(source).stoppedPatterns.isEmpty)
    }

    // MARK: Web pages

    /// What checking each page the HTML fuzzer kept must give: rule id → where its first finding starts and ends.
    static let pageExpectations: [String: [String: (start: String, end: String)]] = [
        // The HTML fuzzer's first report: a `<br` whose attributes hold a tag (`<br /<svg/>>`, one
        // token to a browser) in a table cell. The cell's span ran on past it, so the word scanners,
        // which end a tag at the first `>` after its `<`, read `>` and what followed otherwise than the
        // page does. The cell's text now ends before such a tag (as a line's does), like `<br>` with `<`
        // or `>` in an attribute anywhere.
        "br-holding-a-tag-in-a-cell.html": ["small-numbers": ("70:49", "70:57"), "objective-child-friendly": ("31:128", "31:312")],
    ]

    @Test("each page the HTML fuzzer kept is read and checked, no span of text holding markup, its findings inside the file",
          arguments: names(in: "html"))
    func page(name: String) throws {
        let expected = try #require(Self.pageExpectations[name], "add \(name) to pageExpectations")
        let source = try SourceFile(path: name, bytes: try Self.bytes("html", name))
        let document = HTMLReader().read(source)
        // Markup the byte scanners would read otherwise than the page does is in no span of text.
        var tokenizer = HTMLTokenizer(bytes: source.bytes)
        var complex: [Range<Int>] = []
        while let token = tokenizer.next() {
            guard token.kind != .text, token.kind != .rawText else { continue }
            if Markup.tagLength(source.bytes, at: token.span.lowerBound, end: token.span.upperBound) != token.span.count { complex.append(token.span) }
        }
        for span in document.textSpans ?? [] {
            #expect(!complex.contains { $0.overlaps(span) }, "\(span)")
        }
        let ruleSet = TestSupport.builtInRuleSet
        let findings = Linter(ruleSet: ruleSet, today: TestSupport.goldenToday).lint(source, rules: ruleSet.rules)
        for finding in findings {
            #expect(Self.isInside(finding.range.start, source) && Self.isInside(finding.range.end, source), "\(finding)")
        }
        for (ruleID, range) in expected {
            let first = findings.first { $0.ruleID == ruleID }
            #expect(first.map { "\($0.range.start)-\($0.range.end)" } == "\(range.start)-\(range.end)", "\(ruleID)")
        }
    }

    // MARK: Rule and configuration files

    /// What loading each rule-fuzzer fixture on top of the default rules must
    /// give: nil when it loads, else the error's `line:column: message` start.
    static let ruleExpectations: [String: String?] = [
        // A number's sign followed by a word ("-criteria") made the JSON5 reader look one byte
        // before the start of the file for an exponent's 'e': an out-of-bounds read.
        "sign-before-a-word.json5": "1:1: expected a value (a string, number, list or object), found '-'",
        // A vocabulary pattern of over 256 characters: Foundation's regular expression leaks a
        // copy of it (see Fuzz/lsan.supp); eqlint loads it once and uses it.
        "long-pattern-leak.json5": nil,
    ]

    @Test("each rule file the rule fuzzer kept loads, or fails at a place in it", arguments: names(in: "rules"))
    func ruleFile(name: String) throws {
        let expected = try #require(Self.ruleExpectations[name], "add \(name) to ruleExpectations")
        let path = "trust/\(name)"
        let text = String(decoding: try Self.bytes("rules", name), as: UTF8.self)
        let defaults = try RuleSet.files(inDirectory: TestSupport.rulesDirectory.path)
        let result = Result { () throws(RuleFileError) in try RuleSet.load(layers: [defaults, [(path: path, text: text)]], defaultLayers: 1) }
        switch (result, expected) {
        case (.success, nil):
            break
        case (.failure(let error), let message?):
            #expect(error.path == path)
            let place = error.location.map { "\($0): " } ?? ""
            #expect("\(place)\(error.message)".hasPrefix(message), "\(error)")
            if let location = error.location {
                #expect(Self.isInside(location, SourceFile(path: path, text: text)), "\(error)")
            }
        case (.success, let message?):
            Issue.record("\(name) loads, but should fail with \(message)")
        case (.failure(let error), nil):
            Issue.record("\(name) should load, but: \(error)")
        }
    }
}
