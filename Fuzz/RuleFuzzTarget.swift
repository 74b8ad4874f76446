@testable import EqlintKit
@testable import EqlintPlan
@testable import EqlintText
import Foundation
@testable import Rules

// libFuzzer target for rule and configuration files: any bytes are loaded
// as a rule (or vocabulary) file on top of the default rules, and as a
// `.eqlint.json5` configuration applied to them. What loads is used: a
// rule's own examples are checked with it, a vocabulary or configuration
// checks a plan made of every default rule's examples. What does not load
// must say where: a `RuleFileError` whose line and column are in the file.

private let defaults: RuleSet = {
    do { return try RuleSet.defaults() } catch { fatalError("the default rules do not load: \(error)") }
}()
private let today = CalendarDay(year: 2026, month: 11, day: 23)
/// One plan holding every default rule's examples, to check a changed rule set on.
private let examplePlan = examplesPlan(defaults.rules)
private let examplePlanText = String(decoding: examplePlan.bytes, as: UTF8.self)
/// The example plan's lines that are all ASCII, and distinct: where the byte matcher answers.
private let examplePlanASCIILines = Array(Set(asciiLines(examplePlanText))).sorted()

private func asciiLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
}

@_cdecl("LLVMFuzzerInitialize")
public func ruleFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    let linter = Linter(ruleSet: defaults, today: today)
    check(linter.check(examplePlan), examplePlan, examplePlan)
    for text in ["{ id: 'x' }", "{ vocabulary: 'labels', terms: { lead: ['Boss'] } }", "{ rules: { 'objective-lead': 'off' } }"] {
        let source = SourceFile(path: "fuzz.json5", text: text)
        loadAsRuleFile(source)
        loadAsConfiguration(Array(text.utf8), source)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func ruleFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let source: SourceFile
    do {
        source = try SourceFile(path: "fuzz.json5", bytes: bytes)
    } catch {
        return 0  // a binary file: refused before parsing
    }
    loadAsRuleFile(source)
    loadAsConfiguration(bytes, source)
    return 0
}

/// An error must point into the file it names.
private func requirePlaced(_ error: RuleFileError, in source: SourceFile) {
    require(error.path == source.path, "an error names \(error.path), not the file")
    if let location = error.location { requireInside(location, source, "error '\(error.message)'") }
    require(!error.message.isEmpty, "an error without a message")
}

private func lintExamples(_ set: RuleSet, rules: [Rule], source: SourceFile) {
    let linter = Linter(ruleSet: set, today: today)
    for rule in rules {
        for example in rule.examples.pass + rule.examples.fail {
            let plan = SourceFile(path: "example.md", text: example.text)
            let rules = set.rules.filter { $0.enabled || $0.id == rule.id }
            check(linter.check(plan, rules: rules), plan, source)
        }
    }
}

/// Findings must be in the plan; a stopped pattern must be one of the fuzzed file's, placed in it.
private func check(_ outcome: LintOutcome, _ plan: SourceFile, _ source: SourceFile) {
    for diagnostic in outcome.diagnostics {
        requireInside(diagnostic.range.start, plan, "\(diagnostic.ruleID) start")
        requireInside(diagnostic.range.end, plan, "\(diagnostic.ruleID) end")
    }
    for stop in outcome.stoppedPatterns {
        require(stop.origin?.path == source.path, "a pattern not from the fuzzed file was stopped: \(stop)")
        if let origin = stop.origin { requireInside(origin.location, source, "stopped pattern") }
        requireInside(stop.location, plan, "stopped pattern's text")
    }
}

private func loadAsRuleFile(_ source: SourceFile) {
    let text = String(decoding: source.bytes, as: UTF8.self)
    do {
        // As RuleSet.load would on a layer above the defaults.
        var set = defaults
        switch try RuleFileLoader.load(path: source.path, text: text) {
        case .vocabulary(let name, let terms, let patterns):
            set.vocabulary.add(terms: terms, to: name)
            set.vocabulary.add(patterns: patterns, to: name)
            for pattern in patterns.values.joined() {
                for plan in [text, examplePlanText] {
                    require(pattern.prefilterAgrees(on: plan), "the prefilter of '\(pattern.source)' rules out a text it matches")
                }
                // The byte matcher answers for ASCII text only: the file's and
                // the plan's ASCII lines.
                for line in asciiLines(text) + examplePlanASCIILines {
                    require(pattern.byteMatcherAgrees(on: line), "the byte matcher and Foundation differ on '\(pattern.source)' over '\(line)'")
                }
            }
            let linter = Linter(ruleSet: set, today: today)
            check(linter.check(examplePlan), examplePlan, source)
        case .rule(let rule, let references):
            // As RuleSet.load does: a list or group that does not exist is an error at the reference.
            for reference in references where set.vocabulary.problem(with: reference.selection) != nil {
                requireInside(reference.location, source, "vocabulary reference")
                return
            }
            set.rules.removeAll { $0.id == rule.id }
            set.rules.append(rule)
            lintExamples(set, rules: [rule], source: source)
        }
    } catch {
        requirePlaced(error, in: source)
    }
}

private func loadAsConfiguration(_ bytes: [UInt8], _ source: SourceFile) {
    do {
        let configuration = try ConfigurationLoader.load(bytes: bytes, absolutePath: "/fuzz/.eqlint.json5", displayPath: source.path)
        _ = configuration.includes(absolutePath: "/fuzz/plans/2026/trust-plan.md")
        let set = try defaults.configured(by: configuration)
        let linter = Linter(ruleSet: set, today: today)
        check(linter.check(examplePlan), examplePlan, source)
    } catch {
        requirePlaced(error, in: source)
    }
}
