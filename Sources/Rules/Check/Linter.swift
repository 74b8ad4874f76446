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
        lint(source, rules: ruleSet.rules.filter(\.enabled))
    }

    /// Parses and checks one file against some rules, in reading order; each
    /// finding records the text at fault and its fingerprint.
    public func lint(_ source: SourceFile, rules: [Rule]) -> [Diagnostic] {
        let plan = parser.parse(source)
        let context = CheckContext(plan: plan, source: source, vocabulary: ruleSet.vocabulary, today: today, measurers: measurers)
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
        diagnostics.sort(by: Diagnostic.reportOrder)
        for index in diagnostics.indices { diagnostics[index].faultText = source.firstLine(of: diagnostics[index].range) }
        Fingerprint.assign(&diagnostics)
        return diagnostics
    }
}
