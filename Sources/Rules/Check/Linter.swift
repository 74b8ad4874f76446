import EqlintPlan
import EqlintText

/// Checks plans against a rule set. A pure function of its inputs: the rule
/// set, the day it counts as today, and the plan.
public struct Linter: Sendable {
    public let ruleSet: RuleSet
    public let today: CalendarDay
    public let parser: PlanParser
    /// The measurable checks' deciders, built once.
    let measurers: [Measurability.Key: Measurability]

    public init(ruleSet: RuleSet, today: CalendarDay) {
        self.ruleSet = ruleSet
        self.today = today
        parser = PlanParser(vocabulary: ruleSet.vocabulary)
        measurers = Measurability.all(for: ruleSet)
    }

    /// Parses and checks one file against every enabled rule.
    public func lint(_ source: SourceFile) -> [Diagnostic] {
        check(source).diagnostics
    }

    /// Parses and checks one file against some rules.
    public func lint(_ source: SourceFile, rules: [Rule]) -> [Diagnostic] {
        check(source, rules: rules).diagnostics
    }

    /// The plan reader, its trust's patterns recording their stops in (and
    /// skipping those stopped in) one plan's record.
    public func parser(stoppingIn stops: PatternStops) -> PlanParser {
        PlanParser(vocabulary: ruleSet.vocabulary.stopping(in: stops))
    }

    /// Parses and checks one file against the enabled rules (or some rules),
    /// in reading order, saying too which rule patterns had to be stopped.
    /// Each finding records the text at fault and its fingerprint.
    /// - Parameter stops: the plan's record of stopped patterns, holding
    ///   those an earlier plan of the run stopped; a fresh one when nil.
    public func check(_ source: SourceFile, rules: [Rule]? = nil, stops: PatternStops? = nil) -> LintOutcome {
        let stops = stops ?? PatternStops(path: source.path)
        let found = findings(in: source, rules: rules ?? ruleSet.rules.filter(\.enabled), stops: stops)
        var diagnostics = found.findings.map { rule, finding in
            Diagnostic(path: source.path, range: finding.range, severity: rule.severity, ruleID: rule.id,
                       message: rule.message.render(finding.values, parts: rule.parts),
                       help: rule.helpTemplate?.render(finding.values, parts: rule.parts) ?? rule.help)
        }
        // A file that is not UTF-8 is reported whatever the rules and comments say.
        if let invalid = source.invalidUTF8 { diagnostics.append(.invalidUTF8(invalid, path: source.path)) }
        diagnostics.sort(by: Diagnostic.reportOrder)
        for index in diagnostics.indices {
            // In a web page, the text at fault is its words, never its markup.
            diagnostics[index].faultText = found.isWebPage ? InlineText.plain(source.bytes, Self.faultSpan(diagnostics[index].range, in: source))
                : source.firstLine(of: diagnostics[index].range)
        }
        Fingerprint.assign(&diagnostics)
        return LintOutcome(diagnostics: diagnostics, stoppedPatterns: stops.all, objectiveCount: found.objectiveCount)
    }

    /// What the rules found in one plan, each finding with its rule and its
    /// placeholder values, after the plan's `eqlint-disable` comments have
    /// silenced theirs; then the suppression rules' own findings.
    func findings(in source: SourceFile, rules: [Rule], stops: PatternStops) -> PlanFindings {
        let parser = parser(stoppingIn: stops)
        let document = DocumentReaders.reader(for: source).read(source)
        let plan = parser.recover(document)
        let context = CheckContext(plan: plan, source: source, vocabulary: parser.vocabulary, today: today,
                                   measurers: measurers, stops: stops, textSpans: document.textSpans)
        let found = rules.flatMap { rule in context.findings(for: rule).map { (rule: rule, finding: $0) } }
        // Then the plan's own eqlint-disable comments, and findings about them.
        let suppressions = Suppressions(comments: plan.comments)
        var (kept, used) = suppressions.apply(to: found, ruleID: \.rule.id, line: \.finding.range.start.line)
        let known = ruleSet.rules.map(\.id)
        for rule in rules {
            kept += context.suppressionFindings(for: rule, suppressions: suppressions, used: used, knownRuleIDs: known).map { (rule, $0) }
        }
        return PlanFindings(findings: kept, objectiveCount: plan.objectives.count, isWebPage: document.textSpans != nil)
    }

    /// What `findings(in:rules:stops:)` gives.
    struct PlanFindings {
        var findings: [(rule: Rule, finding: Finding)]
        var objectiveCount: Int
        /// Whether the file was read as a web page (its findings' text is its words, not its markup).
        var isWebPage: Bool
    }

    /// The bytes of a finding's range in a web page, at most 2,000 of them,
    /// cut before a tag the limit would cut in two.
    static func faultSpan(_ range: SourceRange, in source: SourceFile) -> Range<Int> {
        let start = source.offset(of: range.start)
        var end = max(start, min(source.offset(of: range.end), start + 2_000))
        if end - start == 2_000, let open = source.bytes[start..<end].lastIndex(of: 0x3C),
           source.bytes[open..<end].firstIndex(of: 0x3E) == nil {
            end = open
        }
        return start..<end
    }
}
