/// Where a check found a problem, and the words to fill its message with.
struct Finding {
    var range: SourceRange
    var values: [String: String]
}

/// One plan being checked: runs a rule's check at the rule's scope, where
/// the rule's `when` and `unless` conditions allow.
struct CheckContext {
    let plan: Plan
    let source: SourceFile
    let vocabulary: Vocabulary
    let today: CalendarDay
    /// The file's text less its HTML comments, which are never published;
    /// for a web page, the text of its blocks (`Document.textSpans`).
    let publishedSpans: [Range<Int>]
    /// Whether the file is markup around its text (a web page), whose line breaks are only where it wrapped.
    let isMarkup: Bool
    /// The words of each published span, read once for every plan-wide rule.
    let publishedWords: [[PhraseIndex.Word]]
    /// Answers already given on whether an entry is measurable.
    let measured: MeasurabilityMemo
    /// Where a rule's pattern that had to be stopped is recorded.
    let stops: PatternStops

    init(plan: Plan, source: SourceFile, vocabulary: Vocabulary, today: CalendarDay,
         measurers: [Measurability.Key: Measurability] = [:], stops: PatternStops, textSpans: [Range<Int>]? = nil) {
        measured = MeasurabilityMemo(measurers: measurers, stops: stops)
        self.stops = stops
        self.plan = plan
        self.source = source
        self.vocabulary = vocabulary
        self.today = today
        var spans: [Range<Int>] = []
        if let textSpans {
            spans = textSpans.isEmpty ? [0..<0] : textSpans
        } else {
            var start = 0
            for comment in plan.comments {
                let span = comment.span
                if span.lowerBound > start { spans.append(start..<span.lowerBound) }
                start = max(start, span.upperBound)
            }
            if start < source.bytes.count || spans.isEmpty { spans.append(start..<source.bytes.count) }
        }
        publishedSpans = spans
        isMarkup = textSpans != nil
        publishedWords = spans.map { PhraseIndex.words(in: source.bytes, span: $0) }
    }

    /// Where a plan-wide finding goes: the title, or the top of the file.
    var planAnchor: SourceRange {
        plan.title?.range ?? SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
    }


    func findings(for rule: Rule) -> [Finding] {
        switch rule.scope {
        case .plan:
            guard applies(rule, spans: publishedSpans, words: publishedWords) else { return [] }
            return planFindings(rule)
        case .objective:
            return plan.objectives.flatMap { objective in
                let spans = objective.text.flatMap(\.spans)
                guard applies(rule, spans: spans, texts: objective.text.map(\.text)) else { return [Finding]() }
                return objectiveFindings(rule, objective, spans: spans)
            }
        case .action:
            return plan.objectives.flatMap { objective in
                objective.actions.compactMap { action in
                    hasAny(rule.fields, in: action.fields) ? nil
                        : Finding(range: action.anchor, values: values(objective, rule))
                }
            }
        case .entry:
            return plan.objectives.flatMap { objective in
                rule.fields.flatMap { objective.entries(of: $0) }.flatMap { entry in
                    let spans = entry.spans
                    guard applies(rule, spans: spans, texts: [entry.text]) else { return [Finding]() }
                    return entryFindings(rule, entry, spans: spans).map { finding in
                        Finding(range: finding.range, values: values(objective, rule, entry).merging(finding.values) { $1 })
                    }
                }
            }
        }
    }

    /// Whether the rule's conditions hold for a text: its spans in the file
    /// and, for patterns, its plain words (the file's own text when nil).
    private func applies(_ rule: Rule, spans: [Range<Int>], texts: [String]? = nil, words: [[PhraseIndex.Word]]? = nil) -> Bool {
        rule.conditions.allSatisfy { condition in
            let found: Bool
            switch condition.test {
            case .mentions(let selection):
                found = spans.indices.contains { vocabulary.contains(selection, in: source.bytes, span: spans[$0], words: words?[$0] ?? self.words(in: spans[$0])) }
            case .matches(let pattern):
                found = (texts ?? spans.map(source.text)).contains { pattern.matches($0, stops: stops) }
            }
            return found == condition.isRequired
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

    /// The phrases and patterns of a selection in some spans of the file
    /// (with their words, when already read).
    private func find(_ selection: VocabularySelection, in spans: [Range<Int>], words: [[PhraseIndex.Word]]? = nil) -> [VocabularyMatch] {
        spans.indices.flatMap { vocabulary.find(selection, in: source.bytes, span: spans[$0], words: words?[$0] ?? self.words(in: spans[$0])) }
    }

    /// The words of a span of the file: a slice of the published words when
    /// the span lies in one published span and cuts no word in two, as an
    /// entry's text never does; read afresh otherwise.
    func words(in span: Range<Int>) -> [PhraseIndex.Word] {
        // The published span that starts last at or before the span (they are in file order, a web page's by the thousand).
        var low = 0
        var high = publishedSpans.count
        while low < high {
            let middle = (low + high) / 2
            if publishedSpans[middle].lowerBound <= span.lowerBound { low = middle + 1 } else { high = middle }
        }
        let published = low - 1
        guard published >= 0, publishedSpans[published].contains(span.lowerBound), publishedSpans[published].upperBound >= span.upperBound else {
            return PhraseIndex.words(in: source.bytes, span: span)
        }
        let words = publishedWords[published]
        /// The index of the first word starting at or after `offset`.
        func firstWord(from offset: Int) -> Int {
            var low = 0
            var high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].span.lowerBound < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let first = firstWord(from: span.lowerBound)
        let end = firstWord(from: span.upperBound)
        let cutAtStart = first > 0 && words[first - 1].span.upperBound > span.lowerBound
        let cutAtEnd = end > first && words[end - 1].span.upperBound > span.upperBound
        if cutAtStart || cutAtEnd { return PhraseIndex.words(in: source.bytes, span: span) }
        return Array(words[first..<end])
    }

    /// A finding for each phrase or pattern of the selection in the spans.
    private func avoided(_ selection: VocabularySelection, in spans: [Range<Int>], words: [[PhraseIndex.Word]]? = nil) -> [Finding] {
        find(selection, in: spans, words: words).map { match in
            Finding(range: source.range(of: match.span),
                    values: ["found": InlineText.plain(source.bytes, match.span).shortened(to: 60), "term": match.group])
        }
    }

    // MARK: Plan checks

    private func planFindings(_ rule: Rule) -> [Finding] {
        switch rule.check {
        case .hasObjectives:
            return plan.objectives.isEmpty ? [Finding(range: planAnchor, values: [:])] : []
        case .present(_, let all, let mentions, _):
            let missing = rule.fields.filter { !planGives($0, orMentions: mentions) }
            let fails = all ? !missing.isEmpty : missing.count == rule.fields.count
            guard fails else { return [] }
            return [Finding(range: planAnchor, values: ["field": missing.map(\.rawValue).joined(separator: all ? " and " : " or ")])]
        case .datesReadable:
            return plan.unreadableDates.map { Finding(range: $0.value.range, values: ["field": $0.key, "text": $0.value.text.shortened(to: 60)]) }
        case .avoids(let selection):
            return avoided(selection, in: publishedSpans, words: publishedWords)
        case .acronymsDefined(let list, let skipping):
            return AcronymCheck(context: self, known: list, skipping: skipping).findings()
        case .smallCounts(let below, let people):
            return SmallCounts(below: below, people: people, vocabulary: vocabulary, lineBreaksAreSpaces: isMarkup)
                .find(in: source.bytes, words: publishedWords)
                .map { Finding(range: source.range(of: $0), values: ["found": source.text($0)]) }
        default:
            return PeriodChecks(plan: plan, today: today).finding(rule.check, anchor: planAnchor).map { [$0] } ?? []
        }
    }

    /// Whether the plan gives a field: in its front matter, or (for a
    /// vocabulary list) by mentioning a phrase of the field's group anywhere.
    private func planGives(_ field: FieldName, orMentions list: String?) -> Bool {
        switch field.rawValue {
        // A date given but unreadable is reported by its own rule, not as missing.
        case "period": return plan.period != nil || plan.hasFrontMatter("period")
        case "published":
            return plan.published != nil || plan.approved != nil || plan.hasFrontMatter("published") || plan.hasFrontMatter("approved")
        case "title": return plan.title != nil
        default:
            // `approved` and `review` may come from the text (`Next review: October 2027`).
            if plan.hasFrontMatter(field.rawValue) || plan.date(field.rawValue) != nil { return true }
            guard let list else { return false }
            let selection = VocabularySelection(list: list, groups: [field.rawValue])
            return publishedSpans.indices.contains {
                vocabulary.contains(selection, in: source.bytes, span: publishedSpans[$0], words: publishedWords[$0])
            }
        }
    }

    // MARK: Objective checks

    private func objectiveFindings(_ rule: Rule, _ objective: Objective, spans: [Range<Int>]) -> [Finding] {
        let fire = Finding(range: objective.anchor, values: values(objective, rule))
        switch rule.check {
        case .present(let quantifier, _, _, let statementCounts):
            if hasAny(rule.fields, in: objective.fields) { return [] }
            if statementCounts, statementHasMeasure(objective, rule: rule) { return [] }
            let actions = objective.actions
            switch quantifier {
            case .none: return [fire]
            case .any: return actions.contains { hasAny(rule.fields, in: $0.fields) } ? [] : [fire]
            case .every: return !actions.isEmpty && actions.allSatisfy { hasAny(rule.fields, in: $0.fields) } ? [] : [fire]
            }
        case .mentions(let selection):
            return spans.contains { vocabulary.contains(selection, in: source.bytes, span: $0, words: words(in: $0)) } ? [] : [fire]
        case .avoids(let selection):
            return avoided(selection, in: spans).map { Finding(range: $0.range, values: fire.values.merging($0.values) { $1 }) }
        case .anyMeasurable(let list, let datesCount, let statementCounts):
            let entries = rule.fields.flatMap { objective.entries(of: $0) }
            guard let first = entries.first else { return [] }
            let stopped = { (pattern: Pattern) in stops.record(pattern, rule: rule, text: first) }
            if entries.contains(where: { measured.isMeasurable($0, list: list, datesCount: datesCount, vocabulary: vocabulary, stopped: stopped) }) {
                return []
            }
            if statementCounts, statementHasMeasure(objective, rule: rule, list: list) { return [] }
            return [Finding(range: first.range, values: fire.values)]
        case .recordedWhenDue:
            return EvaluationDue(today: today).finding(objective, fields: rule.fields)
                .map { [Finding(range: $0.range, values: fire.values.merging(["problem": $0.problem]) { $1 })] } ?? []
        default:
            return []
        }
    }

    /// Whether the objective's own statement has a measure in it ("… from
    /// 88% to 94% by July 2026"): it is then a success criterion too.
    private func statementHasMeasure(_ objective: Objective, rule: Rule, list: String = "measures") -> Bool {
        (objective.fields[.objective]?.entries ?? []).contains { statement in
            measured.isMeasurable(statement, list: list, datesCount: false, measuresOnly: true, vocabulary: vocabulary) {
                stops.record($0, rule: rule, text: statement)
            }
        }
    }

    // MARK: Entry checks

    /// The entry's findings: at the entry, or (for `avoids`) at each phrase found.
    private func entryFindings(_ rule: Rule, _ entry: TextValue, spans: [Range<Int>]) -> [Finding] {
        if case .avoids(let selection) = rule.check { return avoided(selection, in: spans) }
        return entryProblem(rule, entry).map { [Finding(range: entry.range, values: $0)] } ?? []
    }

    /// Extra message values when the entry fails the check, or nil when it passes.
    private func entryProblem(_ rule: Rule, _ entry: TextValue) -> [String: String]? {
        switch rule.check {
        case .measurable(let list, let datesCount):
            let stopped = { (pattern: Pattern) in stops.record(pattern, rule: rule, text: entry) }
            return measured.isMeasurable(entry, list: list, datesCount: datesCount, vocabulary: vocabulary, stopped: stopped) ? nil : [:]
        case .hasEndDate:
            // A date that cannot be read is reported as that, not as missing.
            switch DateReader.read(entry.text) {
            case .date(let span): return span.end == nil ? [:] : nil
            case .unreadable: return nil
            case .none: return [:]
            }
        case .datesReadable:
            guard case .unreadable(let date) = DateReader.read(entry.text) else { return nil }
            return ["found": date]
        case .datesInOrder, .withinPeriod:
            return PeriodChecks(plan: plan, today: today).problem(rule.check, entry: entry)
        case .matches(let pattern):
            return match(pattern, entry, rule) == .notFound ? [:] : nil
        case .notMatches(let pattern):
            return match(pattern, entry, rule) == .found ? [:] : nil
        case .mentions(let selection):
            return entry.spans.contains { vocabulary.contains(selection, in: source.bytes, span: $0, words: words(in: $0)) } ? nil : [:]
        case .readable(let limits):
            return Readability.problem(in: entry.text, limits: limits).map { ["text": $0] }
        case .abbreviationsDefined(let list):
            let unknown = Abbreviations.find(in: entry.text).filter { !isKnownAbbreviation($0, list: list) }
            return unknown.isEmpty ? nil : ["terms": unknown.map { "\u{201C}\($0)\u{201D}" }.joined(separator: ", ")]
        default:
            return nil
        }
    }

    /// Matches a rule's pattern, recording it if it has to be stopped (then
    /// neither `matches` nor `not-matches` makes a finding on a guess).
    private func match(_ pattern: Pattern, _ entry: TextValue, _ rule: Rule) -> Pattern.Match {
        let match = pattern.match(entry.text, stops: stops)
        if match == .stopped { stops.record(pattern, rule: rule, text: entry) }
        return match
    }

    /// Whether an abbreviation is in a vocabulary list or the plan's Glossary,
    /// allowing a plural (`SENCOs`, `TAs`).
    func isKnownAbbreviation(_ word: String, list: String) -> Bool {
        let known = vocabulary.upperCasedTerms(of: list)
        func isKnown(_ upper: String) -> Bool { known.contains(upper) || plan.glossary[upper] != nil }
        let upper = word.uppercased()
        return isKnown(upper) || (upper.hasSuffix("S") && isKnown(String(upper.dropLast())))
    }
}
