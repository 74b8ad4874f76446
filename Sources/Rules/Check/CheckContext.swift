import EqlintPlan
import EqlintText

/// One plan being checked: runs a rule's check at the rule's scope, where
/// the rule's `when` and `unless` conditions allow, and gives the checks
/// what they share (the plan, its file and words, the vocabulary, today,
/// the plan's record of stopped patterns). A class: every check's input
/// holds it, and a reference is one word to copy where the plan, the file
/// and the vocabulary are dozens.
final class CheckContext {
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
    /// The acronyms the plan spells out somewhere, read once when first asked.
    private let speltOut = SpeltOutAcronyms()
    /// The dates in the plan's texts, each text read once whichever rules ask.
    let dates = DateReadings()
    /// Each objective's own text (by objective index): the bytes it is read
    /// from, gathered once for every objective rule.
    private let objectiveSpans: [[Range<Int>]]
    /// The abbreviations of each published span, read when a rule first asks (`abbreviations(inPublished:)`).
    private var abbreviationCache: [[Range<Int>]?]
    /// The words of each objective's spans, read when a rule first asks (`objectiveWords(_:)`).
    private var objectiveWordCache: [[ArraySlice<PhraseIndex.Word>]?]
    /// The list whose terms upper-cased were asked for last, and the terms (`upperCasedTerms(of:)`).
    private var lastUpperCased: (list: String, terms: Set<String>)?
    /// Each objective's entries of the fields rules asked for (`entries(of:)`).
    private var entryLists: [(fields: [FieldName], entries: [[TextValue]])] = []
    /// Each objective's name, made when a finding first needs it (`objectiveName(_:)`).
    private var objectiveNames: [String?]

    init(plan: Plan, source: SourceFile, vocabulary: Vocabulary, today: CalendarDay,
         measurers: [Measurability] = [], stops: PatternStops, textSpans: [Range<Int>]? = nil) {
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
        // Each text's parts, or its one span, without an array for each (`TextValue.spans`).
        objectiveSpans = plan.objectives.map { objective in
            var spans: [Range<Int>] = []
            spans.reserveCapacity(objective.text.count)
            for text in objective.text {
                if let parts = text.parts { spans += parts } else { spans.append(text.span) }
            }
            return spans
        }
        objectiveWordCache = Array(repeating: nil, count: plan.objectives.count)
        objectiveNames = Array(repeating: nil, count: plan.objectives.count)
        abbreviationCache = Array(repeating: nil, count: spans.count)
    }

    /// Where a plan-wide finding goes: the title, or the top of the file.
    var planAnchor: SourceRange {
        plan.title?.range ?? SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
    }

    /// The findings of the rule at `index` of `rules`, at its scope, with
    /// the scope's placeholders filled. The rule is read in place, field by
    /// field: passing `rules[index]` copied the whole rule (some twenty
    /// reference-counted values) for every plan and rule. A suppression
    /// check finds nothing here: it runs once the plan's comments are
    /// applied (`suppressionFindings(forRuleAt:of:...)`).
    func findings(forRuleAt index: Int, of rules: [Rule]) -> [Finding] {
        let conditions = rules[index].conditions
        let fields = rules[index].fields
        let basics = RuleBasics(id: rules[index].id, fields: fields)
        // Most rules find nothing in most places: the findings' array, the
        // scope's values and where a finding points are made only for one.
        var findings: [Finding] = []
        switch rules[index].check {
        case .plan(let check):
            guard conditions.isEmpty || applies(conditions, spans: publishedSpans, texts: { publishedSpans.map(source.text) },
                                                         words: { publishedWords[$0][...] }) else { return [] }
            var found = check.prepared(PlanInput(context: self, rule: basics))
            guard !found.isEmpty else { return [] }
            let extent = type(of: check).pointsAtFoundText ? FindingPlace.Extent.text : .plan
            Self.add(&found, scope: nil, extent: extent, objective: nil, to: &findings)
        case .objective(let check):
            // One input for the rule, moved from objective to objective: each made afresh retained
            // and released all it holds. The objective is read in place, through the input.
            var input = ObjectiveInput(context: self, rule: basics, index: 0, spans: [])
            for index in plan.objectives.indices {
                let spans = objectiveSpans[index]
                guard conditions.isEmpty || applies(conditions, spans: spans, texts: { self.plan.objectives[index].text.map(\.text) },
                                                         words: { [words = objectiveWords(index)] in words[$0] })
                else { continue }
                input.index = index
                input.spans = spans
                var found = check.prepared(input)
                guard !found.isEmpty else { continue }
                let scope = scopeValues(.objective, index, fields)
                let extent = type(of: check).pointsAtFoundText ? FindingPlace.Extent.text : .objective
                Self.add(&found, scope: scope, extent: extent, objective: index, to: &findings)
            }
        case .action(let check):
            for index in plan.objectives.indices {
                // The objective and each action read in place, through the input.
                var found: [Finding] = []
                for action in plan.objectives[index].actions.indices {
                    found += check.prepared(ActionInput(context: self, rule: basics, objectiveIndex: index, actionIndex: action))
                }
                guard !found.isEmpty else { continue }
                let scope = scopeValues(.action, index, fields)
                Self.add(&found, scope: scope, extent: .text, objective: index, to: &findings)
            }
        case .entry(let check):
            let entries = entries(of: fields)
            for index in entries.indices {
                // Each entry read in place, through one input for the objective's entries: a copy of
                // the entry, or an input made for each, retained and released all it holds.
                var input = EntryInput(context: self, rule: basics, entries: entries[index], position: 0)
                for position in input.entries.indices {
                    input.position = position
                    guard conditions.isEmpty || applies(conditions, toEntryAt: position, of: input.entries) else { continue }
                    var found = check.prepared(input)
                    guard !found.isEmpty else { continue }
                    let scope = scopeValues(.entry, index, fields, entryText: input.entry.text)
                    Self.add(&found, scope: scope, extent: .text, objective: index, to: &findings)
                }
            }
        case .suppressions:
            return []
        }
        return findings
    }

    /// Each objective's entries of some fields (its own, then each action's,
    /// field by field), by objective index: gathered once per plan for all
    /// the rules about the same fields.
    func entries(of fields: [FieldName]) -> [[TextValue]] {
        if let known = entryLists.first(where: { $0.fields == fields }) { return known.entries }
        // As `Objective.entries(of:)` gives them, field by field, into one array. The objectives and
        // actions are read in place, by index (`map` copied each objective to read it).
        var entries: [[TextValue]] = []
        entries.reserveCapacity(plan.objectives.count)
        for index in plan.objectives.indices {
            var gathered: [TextValue] = []
            for field in fields {
                Self.gather(plan.objectives[index].fields.entries(of: field), into: &gathered)
                for action in plan.objectives[index].actions.indices {
                    Self.gather(plan.objectives[index].actions[action].fields.entries(of: field), into: &gathered)
                }
            }
            entries.append(gathered)
        }
        entryLists.append((fields, entries))
        return entries
    }

    /// Adds some entries to those gathered so far. Most objectives have a
    /// field's entries in one place: the first array is then taken as it is,
    /// its storage shared with the plan's, not copied entry by entry.
    private static func gather(_ more: [TextValue], into gathered: inout [TextValue]) {
        if gathered.isEmpty { gathered = more } else { gathered += more }
    }

    /// Fills each finding's scope placeholders (if any) and place, in place,
    /// and adds the findings to `findings`: no finding copied, and no
    /// merged array of values made for each.
    private static func add(_ found: inout [Finding], scope: MessageValues?, extent: FindingPlace.Extent, objective: Int?,
                            to findings: inout [Finding]) {
        for index in found.indices {
            if let scope { found[index].values.add(scope) }
            found[index].place = FindingPlace(extent: extent, objective: objective, range: found[index].range)
        }
        if findings.isEmpty { swap(&findings, &found) } else { findings += found }
    }

    /// The findings of the rule at `index` of `rules` if it checks the plan's
    /// suppressions, once the plan's comments have silenced what they silence
    /// (`used`: the directives that silenced something). The rule is read in
    /// place, as in `findings(forRuleAt:of:)`.
    func suppressionFindings(forRuleAt index: Int, of rules: [Rule], suppressions: Suppressions, used: Set<Int>, knownRuleIDs: [String]) -> [Finding] {
        // Asked of every rule: the check is not bound (copied) unless it is one.
        guard case .suppressions = rules[index].check, case .suppressions(let check) = rules[index].check else { return [] }
        return check.prepared(SuppressionInput(context: self, rule: RuleBasics(id: rules[index].id, fields: rules[index].fields),
                                               suppressions: suppressions, used: used, knownRuleIDs: knownRuleIDs))
    }

    /// The scope's placeholders for the objective at `index` (and an entry's text):
    /// the objective's name, not the objective, is what they are given.
    private func scopeValues(_ scope: Rule.Scope, _ index: Int, _ fields: [FieldName], entryText: String? = nil) -> MessageValues {
        ScopePlaceholders.values(at: scope, ScopePlaceholders.Values(objectiveName: objectiveName(index), fields: fields, entryText: entryText))
    }

    /// An objective's name (`Objective.name`), made once for every rule finding something in it.
    private func objectiveName(_ index: Int) -> String {
        if let name = objectiveNames[index] { return name }
        let name = plan.objectives[index].name
        objectiveNames[index] = name
        return name
    }

    /// Whether a rule's conditions hold for a text: its spans in the file,
    /// its texts for patterns (made only for a pattern), and the words of
    /// each span by index for phrases.
    private func applies(_ conditions: [RuleCondition], spans: [Range<Int>], texts: () -> [String],
                         words: (Int) -> ArraySlice<PhraseIndex.Word>) -> Bool {
        applies(conditions, mentions: { vocabulary.contains($0, in: source.bytes, spans: spans, words: words) },
                matches: { pattern in texts().contains { pattern.matches($0, stops: stops) } })
    }

    /// Whether a rule's conditions hold for an entry, as `applies(_:spans:texts:words:)`
    /// of its spans and its text, with no array made for either. The entry
    /// is read in place in its objective's entries (passed itself, it was copied).
    private func applies(_ conditions: [RuleCondition], toEntryAt position: Int, of entries: [TextValue]) -> Bool {
        applies(conditions, mentions: { selection in
            if let parts = entries[position].parts {
                return vocabulary.contains(selection, in: source.bytes, spans: parts, words: { words(in: parts[$0]) })
            }
            let span = entries[position].span
            return vocabulary.contains(selection, in: source.bytes, span: span, words: words(in: span))
        }, matches: { $0.matches(entries[position].text, stops: stops) })
    }

    /// Whether every condition holds, or fails as it must: a condition's
    /// vocabulary asked of with `mentions`, its pattern with `matches`.
    private func applies(_ conditions: [RuleCondition], mentions: (VocabularySelection) -> Bool, matches: (Pattern) -> Bool) -> Bool {
        // By index: each condition read in place, not copied.
        for index in conditions.indices {
            let found: Bool
            switch conditions[index].test {
            case .mentions(let selection): found = mentions(selection)
            case .matches(let pattern): found = matches(pattern)
            }
            if found != conditions[index].isRequired { return false }
        }
        return true
    }

    /// Where the abbreviations are in a published span (by index), read once
    /// for every rule (`acronyms-defined`, and the acronyms spelt out in the plan).
    func abbreviations(inPublished index: Int) -> [Range<Int>] {
        if let spans = abbreviationCache[index] { return spans }
        let spans = Abbreviations.spans(in: source.bytes, span: publishedSpans[index])
        abbreviationCache[index] = spans
        return spans
    }

    /// The words of each span of an objective's own text, read once for every rule.
    func objectiveWords(_ index: Int) -> [ArraySlice<PhraseIndex.Word>] {
        if let words = objectiveWordCache[index] { return words }
        // The spans follow one another in the file: each one's words are looked for from where the last one's ended.
        var hint = WordHint()
        let words = objectiveSpans[index].map { self.words(in: $0, hint: &hint) }
        objectiveWordCache[index] = words
        return words
    }

    // MARK: What checks share

    /// Whether any of the fields is given, with an entry, among some fields.
    func hasAny(_ fields: [FieldName], in given: Fields) -> Bool {
        fields.contains { given.hasEntries($0) }
    }

    /// Whether a phrase or pattern of a selection is in some spans of the file.
    func mentions(_ selection: VocabularySelection, in spans: [Range<Int>]) -> Bool {
        mentions(selection, in: spans) { self.words(in: spans[$0]) }
    }

    /// Whether a phrase or pattern of a selection is in some spans of the
    /// file, given the words of each span (by index) already read.
    func mentions(_ selection: VocabularySelection, in spans: [Range<Int>], words: (Int) -> ArraySlice<PhraseIndex.Word>) -> Bool {
        vocabulary.contains(selection, in: source.bytes, spans: spans, words: words)
    }

    /// The phrases and patterns of a selection in some spans of the file.
    func find(_ selection: VocabularySelection, in spans: [Range<Int>]) -> [VocabularyMatch] {
        find(selection, in: spans) { self.words(in: spans[$0]) }
    }

    /// The phrases and patterns of a selection in some spans of the file,
    /// given the words of each span (by index) already read.
    func find(_ selection: VocabularySelection, in spans: [Range<Int>], words: (Int) -> ArraySlice<PhraseIndex.Word>) -> [VocabularyMatch] {
        vocabulary.find(selection, in: source.bytes, spans: spans, words: words)
    }

    /// The words of a span of the file: a slice of the published words when
    /// the span lies in one published span and cuts no word in two, as an
    /// entry's text never does (not copied); read afresh otherwise.
    func words(in span: Range<Int>) -> ArraySlice<PhraseIndex.Word> {
        var hint = WordHint()
        return words(in: span, hint: &hint)
    }

    /// Where the words of the last span asked for ended (`words(in:hint:)`):
    /// the published span, and the index of the first word after them.
    struct WordHint {
        var published = -1
        var end = 0
    }

    /// The words of a span of the file, as `words(in:)`, looked for from
    /// where the last span's ended when the span is further on in the same
    /// published span (a binary search of the published words otherwise).
    func words(in span: Range<Int>, hint: inout WordHint) -> ArraySlice<PhraseIndex.Word> {
        let published: Int
        if hint.published >= 0, publishedSpans[hint.published].contains(span.lowerBound) {
            // The published spans do not overlap: the one holding the span's start is the one wanted.
            published = hint.published
        } else {
            // The published span that starts last at or before the span (they are in file order, a web page's by the thousand).
            var low = 0
            var high = publishedSpans.count
            while low < high {
                let middle = (low + high) / 2
                if publishedSpans[middle].lowerBound <= span.lowerBound { low = middle + 1 } else { high = middle }
            }
            published = low - 1
        }
        guard published >= 0, publishedSpans[published].contains(span.lowerBound), publishedSpans[published].upperBound >= span.upperBound else {
            return PhraseIndex.words(in: source.bytes, span: span)[...]
        }
        let words = publishedWords[published]
        // Where to start looking: after the last span's words if they all start before this span.
        let after = published == hint.published ? hint.end : 0
        let (first, end, isCut) = words.withUnsafeBufferPointer { words in
            /// The index of the first word starting at or after `offset` (`words.count` when none does), given
            /// that every word before `start` starts before it: steps doubling from `start` until one is past
            /// the offset, then halved.
            func firstWord(from offset: Int, after start: Int) -> Int {
                var low = start
                var high = start
                var step = 1
                while high < words.count, words[high].span.lowerBound < offset {
                    low = high + 1
                    high += step
                    step *= 2
                }
                high = min(high, words.count)
                while low < high {
                    let middle = (low + high) / 2
                    if words[middle].span.lowerBound < offset { low = middle + 1 } else { high = middle }
                }
                return low
            }
            let isBefore = after <= words.count && (after == 0 || words[after - 1].span.lowerBound < span.lowerBound)
            let first = firstWord(from: span.lowerBound, after: isBefore ? after : 0)
            // The span's own words follow, an entry's few or a paragraph's many.
            let end = firstWord(from: span.upperBound, after: first)
            let cutAtStart = first > 0 && words[first - 1].span.upperBound > span.lowerBound
            let cutAtEnd = end > first && words[end - 1].span.upperBound > span.upperBound
            return (first, end, cutAtStart || cutAtEnd)
        }
        hint = WordHint(published: published, end: end)
        if isCut { return PhraseIndex.words(in: source.bytes, span: span)[...] }
        return words[first..<end]
    }

    /// Matches a rule's pattern, recording it if it has to be stopped (then
    /// neither `matches` nor `not-matches` makes a finding on a guess).
    func match(_ pattern: Pattern, _ entry: TextValue, _ rule: RuleBasics) -> Pattern.Match {
        let match = pattern.match(entry.text, stops: stops)
        if match == .stopped { stops.record(pattern, rule: rule, text: entry) }
        return match
    }

    /// Whether an entry is measurable by a vocabulary list, recording for
    /// the rule any of its patterns that had to be stopped.
    func isMeasurable(_ entry: TextValue, list: String, datesCount: Bool, rule: RuleBasics) -> Bool {
        measured.isMeasurable(entry, list: list, datesCount: datesCount, vocabulary: vocabulary, dates: dates) {
            stops.record($0, rule: rule, text: entry)
        }
    }

    /// Whether the objective's own statement has a measure in it ("… from
    /// 88% to 94% by July 2026"): it is then a success criterion too.
    func statementHasMeasure(_ objective: Objective, rule: RuleBasics, list: String = "measures") -> Bool {
        objective.fields.entries(of: .objective).contains { statement in
            measured.isMeasurable(statement, list: list, datesCount: false, measuresOnly: true, vocabulary: vocabulary, dates: dates) {
                stops.record($0, rule: rule, text: statement)
            }
        }
    }

    /// Whether an abbreviation is in a vocabulary list or the plan's Glossary,
    /// allowing a plural (`SENCOs`, `TAs`).
    func isKnownAbbreviation(_ word: String, list: String) -> Bool {
        isKnownAbbreviation(upperCased: word.uppercased(), terms: upperCasedTerms(of: list))
    }

    /// Whether an abbreviation already upper-cased is in a list's terms
    /// upper-cased (`upperCasedTerms(of:)`, asked for once by a check with
    /// many words) or the plan's Glossary, allowing a plural.
    func isKnownAbbreviation(upperCased upper: String, terms known: Set<String>) -> Bool {
        func isKnown(_ upper: String) -> Bool { known.contains(upper) || plan.glossary[upper] != nil }
        return isKnown(upper) || (upper.hasSuffix("S") && isKnown(String(upper.dropLast())))
    }

    /// A list's terms upper-cased (`Vocabulary.upperCasedTerms(of:)`), the
    /// last list asked for kept: each plan's abbreviations ask of one or two
    /// lists, and the vocabulary takes a lock to look its list up.
    func upperCasedTerms(of list: String) -> Set<String> {
        if let known = lastUpperCased, known.list == list { return known.terms }
        let terms = vocabulary.upperCasedTerms(of: list)
        lastUpperCased = (list, terms)
        return terms
    }

    /// Whether the plan spells an abbreviation out somewhere, in brackets
    /// before or after it: `Director of Learning (DoL)`, `PSA (Parent Support Adviser)`.
    func isSpeltOutInPlan(_ word: String) -> Bool {
        let found = speltOut.get(self)
        let upper = word.uppercased()
        return found.contains(upper) || (upper.hasSuffix("S") && found.contains(String(upper.dropLast())))
    }
}

/// The acronyms a plan spells out in brackets, anywhere in it (`AcronymCheck.speltOut`).
final class SpeltOutAcronyms {
    private var found: Set<String>?

    func get(_ context: CheckContext) -> Set<String> {
        if let found { return found }
        let read = AcronymCheck.speltOut(in: context)
        found = read
        return read
    }
}
