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

    /// Parses and checks one file against the enabled rules (or some rules),
    /// in reading order, saying too which rule patterns had to be stopped.
    /// Each finding records the text at fault and its fingerprint.
    public func check(_ source: SourceFile, rules: [Rule]? = nil) -> LintOutcome {
        let rules = rules ?? ruleSet.rules.filter(\.enabled)
        let plan = parser.parse(source)
        let stops = PatternStops(path: source.path)
        let context = CheckContext(plan: plan, source: source, vocabulary: ruleSet.vocabulary, today: today,
                                   measurers: measurers, stops: stops)
        func diagnostic(_ rule: Rule, _ finding: Finding) -> Diagnostic {
            Diagnostic(path: source.path, range: finding.range, severity: rule.severity, ruleID: rule.id,
                       message: rule.message.render(finding.values), help: rule.help)
        }
        var diagnostics = rules.flatMap { rule in context.findings(for: rule).map { diagnostic(rule, $0) } }

        // Then the plan's own eqlint-disable comments, and findings about them.
        let suppressions = Suppressions(comments: plan.comments)
        let (kept, used) = suppressions.apply(to: diagnostics)
        diagnostics = kept
        for rule in rules {
            switch rule.check {
            case .suppressionsUsed:
                let known = Set(ruleSet.rules.map(\.id))
                for (comment, problem) in suppressions.ineffective(used: used, knownRuleIDs: known) {
                    diagnostics.append(diagnostic(rule, Finding(range: comment.range, values: ["text": problem])))
                }
            case .suppressionsExplained:
                for comment in suppressions.unexplained {
                    diagnostics.append(diagnostic(rule, Finding(range: comment.range, values: ["text": comment.text.shortened(to: 60)])))
                }
            default:
                break
            }
        }
        // A file that is not UTF-8 is reported whatever the rules and comments say.
        if let invalid = source.invalidUTF8 { diagnostics.append(.invalidUTF8(invalid, path: source.path)) }
        diagnostics.sort(by: Diagnostic.reportOrder)
        for index in diagnostics.indices { diagnostics[index].faultText = source.firstLine(of: diagnostics[index].range) }
        Fingerprint.assign(&diagnostics)
        return LintOutcome(diagnostics: diagnostics, stoppedPatterns: stops.all, objectiveCount: plan.objectives.count)
    }
}
