/// Checks plans against a rule set. A pure function of its inputs: the rule
/// set, the day it counts as today, and the plan.
public struct Linter: Sendable {
    public let ruleSet: RuleSet
    public let today: CalendarDay
    public let parser: PlanParser

    public init(ruleSet: RuleSet, today: CalendarDay) {
        self.ruleSet = ruleSet
        self.today = today
        parser = PlanParser(vocabulary: ruleSet.vocabulary)
    }

    /// Parses and checks one file against every enabled rule.
    public func lint(_ source: SourceFile) -> [Diagnostic] {
        check(source).diagnostics
    }

    /// Parses and checks one file against every enabled rule, saying too
    /// which rule patterns had to be stopped.
    public func check(_ source: SourceFile) -> LintOutcome {
        check(parser.parse(source), path: source.path, rules: ruleSet.rules.filter(\.enabled), source: source)
    }

    /// Checks a parsed plan against some rules, in reading order. With the
    /// source, each finding records the text at fault and its fingerprint.
    public func lint(_ plan: Plan, path: String, rules: [Rule], source: SourceFile? = nil) -> [Diagnostic] {
        check(plan, path: path, rules: rules, source: source).diagnostics
    }

    func check(_ plan: Plan, path: String, rules: [Rule], source: SourceFile?) -> LintOutcome {
        let stops = PatternStops(path: path)
        let context = CheckContext(plan: plan, vocabulary: ruleSet.vocabulary, today: today, stops: stops)
        func diagnostic(_ rule: Rule, _ finding: Finding) -> Diagnostic {
            Diagnostic(path: path, range: finding.range, severity: rule.severity, ruleID: rule.id,
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
        if let invalid = source?.invalidUTF8 { diagnostics.append(.invalidUTF8(invalid, path: path)) }
        diagnostics.sort(by: Diagnostic.reportOrder)
        if let source {
            for index in diagnostics.indices { diagnostics[index].faultText = source.firstLine(of: diagnostics[index].range) }
        }
        Fingerprint.assign(&diagnostics)
        return LintOutcome(diagnostics: diagnostics, stoppedPatterns: stops.all)
    }
}

/// Where a check found a problem, and the words to fill its message with.
struct Finding {
    var range: SourceRange
    var values: [String: String]
}

/// One plan being checked: runs a rule's check at the rule's scope.
struct CheckContext {
    let plan: Plan
    let vocabulary: Vocabulary
    let today: CalendarDay
    /// Where a pattern that had to be stopped is recorded.
    let stops: PatternStops

    /// Where a plan-wide finding goes: the title, or the top of the file.
    var planAnchor: SourceRange {
        plan.title?.range ?? SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
    }

    func findings(for rule: Rule) -> [Finding] {
        switch rule.scope {
        case .plan:
            if case .datesReadable = rule.check {
                return plan.unreadableDates.map { Finding(range: $0.value.range, values: ["field": $0.key, "text": $0.value.text.shortened(to: 60)]) }
            }
            return planFinding(rule).map { [$0] } ?? []
        case .objective:
            return plan.objectives.compactMap { objectiveFinding(rule, $0) }
        case .action:
            return plan.objectives.flatMap { objective in
                objective.actions.compactMap { action in
                    hasAny(rule.fields, in: action.fields) ? nil
                        : Finding(range: action.anchor, values: values(objective, rule))
                }
            }
        case .entry:
            return plan.objectives.flatMap { objective in
                rule.fields.flatMap { objective.entries(of: $0) }.compactMap { entry in
                    entryFinding(rule, entry).map { extra in
                        Finding(range: entry.range, values: values(objective, rule, entry).merging(extra) { $1 })
                    }
                }
            }
        }
    }

    private func values(_ objective: Objective, _ rule: Rule, _ entry: TextValue? = nil) -> [String: String] {
        var values = ["objective": objective.name, "field": rule.fields.map(\.rawValue).joined(separator: " or ")]
        if let entry { values["text"] = entry.text.shortened(to: 60) }
        return values
    }

    private func hasAny(_ fields: [FieldName], in given: [FieldName: Field]) -> Bool {
        fields.contains { !(given[$0]?.entries.isEmpty ?? true) }
    }

    // MARK: Plan checks

    private func planFinding(_ rule: Rule) -> Finding? {
        switch rule.check {
        case .hasObjectives:
            return plan.objectives.isEmpty ? Finding(range: planAnchor, values: [:]) : nil
        case .present:
            let given = rule.fields.contains { field in
                switch field.rawValue {
                // A date given but unreadable is reported by its own rule, not as missing.
                case "period": return plan.period != nil || plan.hasFrontMatter("period")
                case "published": return plan.published != nil || plan.hasFrontMatter("published") || plan.hasFrontMatter("approved")
                case "title": return plan.title != nil
                default: return plan.hasFrontMatter(field.rawValue)
                }
            }
            return given ? nil : Finding(range: planAnchor, values: ["field": rule.fields.map(\.rawValue).joined(separator: " or ")])
        case .periodAtMost(let limit):
            guard let period = plan.period, let years = period.span.years, years > Double(limit) else { return nil }
            return Finding(range: period.source.range, values: ["years": "\(limit)", "period": describe(period.span)])
        case .periodNotEnded:
            guard let period = plan.period, let end = period.span.end, end < today else { return nil }
            return Finding(range: period.source.range, values: ["date": end.spelledOut, "period": describe(period.span)])
        case .notExpired(let limit):
            let basis = plan.published ?? plan.period
            guard let basis, let start = basis.span.start, start.adding(years: limit) < today else { return nil }
            return Finding(range: basis.source.range, values: ["date": start.spelledOut, "years": "\(limit)"])
        default:
            return nil
        }
    }

    private func describe(_ span: DateSpan) -> String {
        guard let start = span.start, let end = span.end else { return "" }
        return "\(DateReader.monthNames[start.month - 1]) \(start.year) to \(DateReader.monthNames[end.month - 1]) \(end.year)"
    }

    // MARK: Objective checks

    private func objectiveFinding(_ rule: Rule, _ objective: Objective) -> Finding? {
        let fire = Finding(range: objective.anchor, values: values(objective, rule))
        switch rule.check {
        case .present(let quantifier):
            if hasAny(rule.fields, in: objective.fields) { return nil }
            let actions = objective.actions
            switch quantifier {
            case .none: return fire
            case .any: return actions.contains { hasAny(rule.fields, in: $0.fields) } ? nil : fire
            case .every: return !actions.isEmpty && actions.allSatisfy { hasAny(rule.fields, in: $0.fields) } ? nil : fire
            }
        case .mentions(let list):
            var text: [UInt8] = []
            for value in objective.text { text += TextNormalizer.phraseText(value.text) }
            return vocabulary.containsPhrase(of: list, inPhraseText: text) ? nil : fire
        case .anyMeasurable(let list, let datesCount):
            let entries = rule.fields.flatMap { objective.entries(of: $0) }
            guard let first = entries.first else { return nil }
            let measurer = Measurability(patterns: vocabulary.allPatterns(of: list), datesCount: datesCount)
            let stopped = { (pattern: Pattern, entry: TextValue) in stops.record(pattern, rule: rule, text: entry) }
            if entries.contains(where: { measurer.isMeasurable($0, stopped: stopped) }) { return nil }
            return Finding(range: first.range, values: fire.values)
        default:
            return nil
        }
    }

    // MARK: Entry checks

    /// Matches a rule's pattern, recording it if it has to be stopped (then
    /// neither outcome is reported: no finding is made on a guess).
    private func match(_ pattern: Pattern, _ entry: TextValue, _ rule: Rule) -> Pattern.Match {
        let match = pattern.match(entry.text)
        if match == .stopped { stops.record(pattern, rule: rule, text: entry) }
        return match
    }

    /// Extra message values when the entry fails the check, or nil when it passes.
    private func entryFinding(_ rule: Rule, _ entry: TextValue) -> [String: String]? {
        switch rule.check {
        case .measurable(let list, let datesCount):
            let measurer = Measurability(patterns: vocabulary.allPatterns(of: list), datesCount: datesCount)
            let stopped = { (pattern: Pattern, entry: TextValue) in stops.record(pattern, rule: rule, text: entry) }
            return measurer.isMeasurable(entry, stopped: stopped) ? nil : [:]
        case .hasEndDate:
            return DateReader.span(in: entry.text)?.end == nil ? [:] : nil
        case .matches(let pattern):
            return match(pattern, entry, rule) == .notFound ? [:] : nil
        case .notMatches(let pattern):
            return match(pattern, entry, rule) == .found ? [:] : nil
        case .mentions(let list):
            return vocabulary.containsPhrase(of: list, inPhraseText: TextNormalizer.phraseText(entry.text)) ? nil : [:]
        case .readable(let maxSentenceWords, let maxWordLetters):
            return Readability.problem(in: entry.text, maxSentenceWords: maxSentenceWords, maxWordLetters: maxWordLetters)
                .map { ["text": $0] }
        case .abbreviationsDefined(let list):
            let known = vocabulary.upperCasedTerms(of: list)
            func isKnown(_ upper: String) -> Bool { known.contains(upper) || plan.glossary[upper] != nil }
            let unknown = Abbreviations.find(in: entry.text).filter { word in
                let upper = word.uppercased()
                // A known abbreviation may take a plural: `SENCOs`, `TAs`.
                return !isKnown(upper) && !(upper.hasSuffix("S") && isKnown(String(upper.dropLast())))
            }
            return unknown.isEmpty ? nil : ["terms": unknown.map { "\u{201C}\($0)\u{201D}" }.joined(separator: ", ")]
        default:
            return nil
        }
    }
}
