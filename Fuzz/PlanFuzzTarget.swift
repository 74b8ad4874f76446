// libFuzzer target for plans: any bytes are read as a plan file (as
// Markdown, or as plain text when the first byte is odd, so both readers
// are fuzzed), its structure recovered, checked against every default rule
// (those off by default too), outlined, and reported as text with source
// excerpts. A crash, a hang (see -timeout in
// scripts/fuzz), a sanitizer report or a finding placed outside the file
// fails the run.

@testable import EqlintKit
@testable import EqlintText
@testable import Rules

private let ruleSet: RuleSet = {
    do { return try RuleSet.defaults() } catch { fatalError("the default rules do not load: \(error)") }
}()
private let linter = Linter(ruleSet: ruleSet, today: CalendarDay(year: 2026, month: 11, day: 23))

@_cdecl("LLVMFuzzerInitialize")
public func planFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    let examples = examplesPlan(ruleSet.rules)
    _ = TextReporter(color: true, showSource: true).report([FileReport(path: examples.path, source: examples, diagnostics: linter.lint(examples))])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func planFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source: SourceFile
    do {
        let bytes = fuzzBytes(data, size)
        source = try SourceFile(path: (bytes.first ?? 0) & 1 == 1 ? "fuzz.txt" : "fuzz.md", bytes: bytes)
    } catch {
        return 0  // refused as not a plan (a binary file): a clean outcome
    }
    let plan = linter.parser.parse(source)
    let outcome = linter.check(source, rules: ruleSet.rules)
    // eqlint's own patterns have no time limit (one that backtracks too long shows as a hang): none is stopped.
    require(outcome.stoppedPatterns.isEmpty, "a default pattern was stopped: \(outcome.stoppedPatterns)")
    let diagnostics = outcome.diagnostics
    for diagnostic in diagnostics {
        requireInside(diagnostic.range.start, source, "\(diagnostic.ruleID) start")
        requireInside(diagnostic.range.end, source, "\(diagnostic.ruleID) end")
        require(diagnostic.range.start <= diagnostic.range.end, "\(diagnostic.ruleID): range ends before it starts")
    }
    for objective in plan.objectives {
        requireInside(objective.anchor.start, source, "objective anchor")
        for entry in objective.fields.values.flatMap(\.entries) + objective.text {
            requireInside(entry.range.start, source, "entry start")
            require(entry.spans.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= source.bytes.count && !$0.isEmpty || $0.isEmpty },
                    "an entry's part lies outside the file")
        }
    }
    _ = PlanOutline.json([PlanOutline.Entry(path: source.path, plan: plan)])
    let report = TextReporter(color: true, showSource: true).report([FileReport(path: source.path, source: source, diagnostics: diagnostics)])
    require(diagnostics.isEmpty == report.isEmpty, "the text report and the findings disagree")
    return 0
}
