import EqlintPlan
import EqlintText

/// Checks plans against a rule set. A pure function of its inputs: the rule
/// set, the day it counts as today, and the plan.
public struct Linter: Sendable {
    public let ruleSet: RuleSet
    public let today: CalendarDay
    public let parser: PlanParser
    /// The measurable checks' deciders, built once.
    let measurers: [Measurability]
    /// The example dates help may give, for rules handed to `check` from outside the rule set.
    let exampleDates: MessageValues
    /// The rules a plan is checked against unless others are given: those enabled.
    let enabledRules: [Rule]
    /// Every rule's id (a plan's eqlint-disable comment may name any).
    let knownRuleIDs: [String]

    /// A linter checking plans on `today`; the rules' help gives example dates from it (`ExampleDates`).
    public init(ruleSet: RuleSet, today: CalendarDay) {
        self.ruleSet = ruleSet.withExampleDates(on: today)
        self.today = today
        exampleDates = MessageValues(ExampleDates.values(on: today).mapValues(MessageValue.text))
        parser = PlanParser(vocabulary: ruleSet.vocabulary)
        measurers = Measurability.all(for: ruleSet)
        // By index, the rules read in place: a rule is some twenty reference-counted values to copy.
        // Most rule sets enable every rule, and then share their array.
        let rules = self.ruleSet.rules
        enabledRules = rules.indices.contains { !rules[$0].enabled } ? rules.filter(\.enabled) : rules
        knownRuleIDs = rules.indices.map { rules[$0].id }
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
        parser.stopping(in: stops)
    }

    /// Parses and checks one file against the enabled rules (or some rules),
    /// in reading order, saying too which rule patterns had to be stopped.
    /// Each finding records the text at fault and its fingerprint.
    /// - Parameter stops: the plan's record of stopped patterns, holding
    ///   those an earlier plan of the run stopped; a fresh one when nil.
    public func check(_ source: SourceFile, rules: [Rule]? = nil, stops: PatternStops? = nil) -> LintOutcome {
        let stops = stops ?? PatternStops(path: source.path)
        let found = findings(in: source, rules: rules ?? enabledRules, stops: stops)
        let rules = found.rules
        /// The finding's diagnostic. The rule is read in place, field by field:
        /// a copy of the whole rule for each finding cost more than the rest.
        func diagnostic(_ ruleIndex: Int, _ finding: Finding) -> Diagnostic {
            var diagnostic = Diagnostic(
                path: source.path, range: finding.range, severity: rules[ruleIndex].severity, ruleID: rules[ruleIndex].id,
                message: rules[ruleIndex].message.render(finding.values, parts: rules[ruleIndex].parts),
                help: rules[ruleIndex].helpTemplate?.render(finding.values.merging(exampleDates) { own, _ in own }, parts: rules[ruleIndex].parts) ?? rules[ruleIndex].help)
            // A fix is offered only where the file can take it: never in an
            // eqlint-disable region, never in a file that is not all UTF-8
            // (its text is not the file's bytes), never in a converted document.
            if !rules[ruleIndex].fixes.isEmpty, source.invalidUTF8 == nil, !found.isWebPage,
               let fixIt = rules[ruleIndex].fixes.lazy.compactMap({ $0.fixIt(range: finding.range, values: finding.values, parts: rules[ruleIndex].parts, source: source) }).first,
               !fixIt.edits.contains(where: { edit in
                   (edit.range.start.line...max(edit.range.end.line, edit.range.start.line)).contains(where: found.suppressions.disablesAnything(onLine:))
               }) {
                diagnostic.fixIts = [fixIt]
            }
            diagnostic.basis = rules[ruleIndex].basis
            if finding.place?.extent != .plan {
                diagnostic.objective = finding.place?.objective ?? found.objectiveStarts.lastIndex { $0 <= finding.range.start }
            }
            return diagnostic
        }
        // Superseded findings are numbered with the rest, then dropped, so
        // that the fingerprints (and a baseline) of the others stay as they were.
        // By index: a finding and a diagnostic are large values to copy or move.
        var made: [Diagnostic] = []
        made.reserveCapacity(found.findings.count + found.superseded.count + 1)
        for index in found.findings.indices { made.append(diagnostic(found.findings[index].rule, found.findings[index].finding)) }
        for index in found.superseded.indices { made.append(diagnostic(found.superseded[index].rule, found.superseded[index].finding)) }
        let superseded = found.findings.count..<(found.findings.count + found.superseded.count)
        // A file that is not UTF-8 is reported whatever the rules and comments say.
        if let invalid = source.invalidUTF8 { made.append(.invalidUTF8(invalid, path: source.path)) }
        // Reading order, the diagnostics' indices sorted (the same stable sort, so the same order).
        var order = Array(made.indices)
        order.sort { Diagnostic.reportOrder(made[$0], made[$1]) }
        var all = made
        made = []
        Self.permute(&all, to: order)
        for index in all.indices {
            // In a web page, the text at fault is its words, never its markup.
            all[index].faultText = found.isWebPage ? InlineText.plain(source.bytes, Self.faultSpan(all[index].range, in: source))
                : source.firstLine(of: all[index].range)
        }
        Fingerprint.assign(&all)
        let shown = found.superseded.isEmpty ? all : all.indices.filter { !superseded.contains(order[$0]) }.map { all[$0] }
        return LintOutcome(diagnostics: shown, stoppedPatterns: stops.all, objectiveCount: found.objectiveCount,
                           synopsis: found.synopsis)
    }

    /// Puts `items[order[i]]` at `i` for every `i`, by swapping along each
    /// cycle of the permutation: each item moved, never copied (the array's
    /// own `swapAt` copies, retaining what an item holds).
    static func permute<Item>(_ items: inout [Item], to order: [Int]) {
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { items in
            for start in items.indices where !placed[start] {
                // Along the cycle from `start`: each place takes the item the order wants there.
                var place = start
                while true {
                    placed[place] = true
                    let from = order[place]
                    if from == start { break }
                    items.swapAt(place, from)
                    place = from
                }
            }
        }
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
        // Each finding with the index of its rule: a rule is a large value, costly to copy for each
        // (a plain loop, as a closure over the rules copied each rule it ran; the rule read in place
        // by the context, as passing `rules[index]` copied it for each call).
        var found: [(rule: Int, finding: Finding)] = []
        for index in rules.indices {
            for finding in context.findings(forRuleAt: index, of: rules) { found.append((index, finding)) }
        }
        // A finding a rule superseding its own replaces at the same place is dropped (see `Supersession`).
        let objectiveStarts = plan.objectives.map { $0.anchor.start }
        let superseded = Supersession.superseded(found, of: rules) {
            Supersession.objectiveExtents(starts: objectiveStarts, endOfFile: source.location(of: source.bytes.count))
        }
        // Then the plan's own eqlint-disable comments, and findings about them.
        // They apply to superseded findings too: a comment silencing one is
        // used, whether or not the finding would have been shown.
        let suppressions = Suppressions(comments: plan.comments, inLine: document.textSpans == nil ? Self.inLineComments(document) : [])
        let (unsilenced, used) = suppressions.apply(to: Array(found.indices), ruleID: { rules[found[$0].rule].id },
                                                    line: { found[$0].finding.range.start.line })
        // Most plans keep every finding: then the array is kept as it is, not copied finding by finding.
        let keepsAll = unsilenced.count == found.count && !superseded.contains(true)
        let dropped = keepsAll ? [] : unsilenced.filter { superseded[$0] }.map { found[$0] }
        var kept = keepsAll ? found : unsilenced.filter { !superseded[$0] }.map { found[$0] }
        for index in rules.indices {
            let more = context.suppressionFindings(forRuleAt: index, of: rules, suppressions: suppressions, used: used, knownRuleIDs: knownRuleIDs)
            // Only what there is added: even nothing added to an array shared with `found` copied it.
            if !more.isEmpty { kept += more.map { (index, $0) } }
        }
        return PlanFindings(rules: rules, findings: kept, superseded: dropped,
                            objectiveCount: plan.objectives.count, isWebPage: document.textSpans != nil,
                            objectiveStarts: objectiveStarts, synopsis: PlanSynopsis(plan, path: source.path),
                            suppressions: suppressions)
    }

    /// The `<!-- eqlint... -->` comments in lines of text (at the end of a
    /// heading, a list item, a table row), which `Plan.comments` (comments
    /// on lines of their own) leaves out.
    static func inLineComments(_ document: Document) -> [TextValue] {
        let source = document.source
        let bytes = source.bytes
        // Most plans have no comment at all: then there is nothing to look for block by block.
        guard hasCommentOpening(bytes) else { return [] }
        var spans: [Range<Int>] = []
        for block in document.blocks {
            switch block {
            case .heading(_, let text): spans.append(text)
            case .paragraph(let lines): spans += lines
            case .listItem(let item): spans += item.lines
            case .table(let table): spans += table.rows.map(\.span)
            case .frontMatter, .comment, .separator: break
            }
        }
        var found: [TextValue] = []
        for span in spans {
            var index = span.lowerBound
            while let open = ByteText.find(bytes, 0x3C, in: index..<span.upperBound), open + 4 <= span.upperBound {
                index = open
                guard bytes[index + 1] == 0x21, bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D else {
                    index += 1
                    continue
                }
                var end = index + 4
                while end + 3 <= span.upperBound, !(bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E) { end += 1 }
                guard end + 3 <= span.upperBound else { break }
                let comment = index..<(end + 3)
                let text = source.text(comment)
                let body = text.dropFirst(4).drop { $0 == " " || $0 == "\t" }
                if body.lowercased().hasPrefix("eqlint") {
                    found.append(TextValue(text: text, range: source.range(of: comment), span: comment))
                }
                index = end + 3
            }
        }
        return found
    }

    /// Whether `<!--` is anywhere in the bytes.
    static func hasCommentOpening(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let open = ByteText.find(bytes, 0x3C, in: index..<bytes.count) {
            if open + 3 < bytes.count, bytes[open + 1] == 0x21, bytes[open + 2] == 0x2D, bytes[open + 3] == 0x2D { return true }
            index = open + 1
        }
        return false
    }

    /// What `findings(in:rules:stops:)` gives.
    struct PlanFindings {
        /// The rules the plan was checked against: each finding's `rule` is an index in it
        /// (a rule is a large value, costly to copy for each finding).
        var rules: [Rule]
        var findings: [(rule: Int, finding: Finding)]
        /// Findings not silenced by a comment, but replaced by another at the same place.
        var superseded: [(rule: Int, finding: Finding)] = []
        var objectiveCount: Int
        /// Whether the file was read as a web page (its findings' text is its words, not its markup).
        var isWebPage: Bool
        /// Where each objective starts, by index in the plan's objectives.
        var objectiveStarts: [SourceLocation] = []
        /// The plan's school, period and objectives, for a report.
        var synopsis: PlanSynopsis?
        /// The plan's eqlint-disable comments (no fix is made where they disable anything).
        var suppressions = Suppressions(comments: [])
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
