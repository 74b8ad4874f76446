// libFuzzer target for plans: any bytes are read as a plan file, parsed, and
// checked against every default rule (those off by default too), then
// reported as text with source excerpts. A crash, a hang (see -timeout in
// scripts/fuzz), a sanitizer report or a finding placed outside the file
// fails the run.

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
        source = try SourceFile(path: "fuzz.md", bytes: fuzzBytes(data, size))
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
    }
    let report = TextReporter(color: true, showSource: true).report([FileReport(path: source.path, source: source, diagnostics: diagnostics)])
    require(diagnostics.isEmpty == report.isEmpty, "the text report and the findings disagree")
    return 0
}
