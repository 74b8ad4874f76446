import EqlintText
import Foundation

/// Paragraphs and list items: label lines, objectives marked by a line or a
/// label, lists of objectives, and plan-level text.
extension PlanRecovery {
    // MARK: Paragraphs

    mutating func paragraph(_ lines: [Range<Int>], standalone: Bool) {
        if !hasOpenObjective {
            switch section {
            case .glossary:
                // `Approved by the Local Governing Board: 02/10/2025` under the Glossary is no term.
                for line in lines where !readFacts(value(line)) { glossaryLine(line) }
                return
            case .childFriendly:
                // The paragraph's text, made once for both readings.
                let text = value(lines: lines)
                guard startsWithPlanFact(text) else { return planLevelLines(lines, text: text) }
                // `These objectives were approved by governors on ...` after the child-friendly versions.
                readFacts(text)
                section = .prose
                return
            default: break
            }
        }
        if hasOpenObjective, pendingLabelHasList { pendingLabel = nil }
        // A line alone may be a field's label, or the heading of another section
        // (a label waiting for its value takes a line that is not a label).
        if lines.count == 1, !awaitingStatement, pendingLabel == nil || pendingFieldHasEntries,
           loneLine(lines[0], standalone: standalone) {
            return
        }
        // A monitoring section, line by line: an objective named again, then what it says of it.
        if !hasOpenObjective, case .evaluation = section {
            for line in lines {
                if let marker = lineMarker(line) {
                    markedLine(marker, line)
                } else if let label = LabelLine(bytes, line, labels: labels), label.field == .evaluation, !label.value.isEmpty {
                    addEvaluation(value(label.value))  // `Progress: attendance rose to 92%`
                } else {
                    addEvaluation(value(line))
                }
            }
            return
        }


        // Plan-level prose that names no objective and gives no date (it has no digit) says
        // nothing eqlint reads: an introduction, the school's ethos. It is passed over unread.
        if !hasOpenObjective, case .prose = section, heldForNextObjective.isEmpty, let first = lines.first, let last = lines.last,
           let end = last.last, bytes[end] == 0x2E || bytes[end] == 0x21 || bytes[end] == 0x3F,  // a sentence that ends here
           ByteText.find(bytes, 0x3A, in: first.lowerBound..<min(first.upperBound, first.lowerBound + 60)) == nil,
           !ByteText.containsDigit(bytes, in: first.lowerBound..<last.upperBound),
           ByteText.find(bytes, "bjective", in: first.lowerBound..<last.upperBound) == nil,
           ByteText.find(bytes, "BJECTIVE", in: first.lowerBound..<last.upperBound) == nil {
            planText = nil
            return
        }
        // The lines from `looseStart` to `index` are loose text, to be read as one value
        // (a run of the paragraph's lines: no array of them made).
        var looseStart = 0
        var index = 0
        while index < lines.count {
            let line = lines[index]
            // `Rationale` on the line above its text, with no blank line between (a PDF): a label alone.
            if lines.count > 1, let field = loneLabel(line) {
                if looseStart < index { looseText(value(lines: lines[looseStart..<index])) }
                pendingLabel = field
                openField(field, label: source.range(of: line))
                index += 1
                looseStart = index
                continue
            }
            if let marker = lineMarker(line) {
                if looseStart < index { looseText(value(lines: lines[looseStart..<index])) }
                markedLine(marker, line)
                index += 1
                looseStart = index
                continue
            }
            guard let label = LabelLine(bytes, line, labels: labels) else {
                noteUnplaced(line)
                // `Ashgrove Primary School` above `Equality Objectives 2025-2028`: each line may name the plan.
                if !hasOpenObjective, lines.count > 1, case .prose = section {
                    let single = value(line)
                    if namesObjectives(single.text) { namingLines.append(single) }
                }
                index += 1
                continue
            }
            if looseStart < index { looseText(value(lines: lines[looseStart..<index])) }
            index += 1
            // A value runs on over the following lines, up to the next label line.
            var valueLines = label.value.isEmpty ? [] : [label.value]
            while !label.value.isEmpty, index < lines.count, LabelLine(bytes, lines[index], labels: labels) == nil,
                  lineMarker(lines[index]) == nil, !looksLikeFieldLabel(lines[index]) {
                valueLines.append(lines[index])
                index += 1
            }
            looseStart = index
            // Label lines just before an `Objective:` label that starts a new record belong to it.
            let startsRecord = opensRecord(label) == false && upcomingRecordLabel(in: lines[index...])
            labelled(label, valueLines: valueLines, holding: startsRecord)
        }
        if looseStart < index { looseText(value(lines: lines[looseStart..<index])) }
    }

    /// A line of a paragraph that is a label and nothing else (`Rationale`,
    /// `Child-Friendly Objective`), in an objective marked by a line or a
    /// record: capitalised, and not the end of a sentence (`... to monitor` /
    /// `progress.` is a sentence's last word).
    func loneLabel(_ line: Range<Int>) -> FieldName? {
        guard line.count <= 60, hasOpenObjective, !Self.isHeadingOrigin(origin), let first = line.first, (0x41...0x5A).contains(bytes[first]),
              let last = line.last, bytes[last] != 0x2E, bytes[last] != 0x2C,
              let field = labels.field(forLabel: bytes, line), field != .objective else { return nil }
        return field
    }

    /// Whether the label waiting for its value already has some.
    var pendingFieldHasEntries: Bool {
        guard let pendingLabel else { return false }
        return objective?.fields.hasEntries(pendingLabel) ?? false
    }

    /// A line that marks an objective by itself (`Objective 1: ...`, `Link to
    /// Objective 2`), where such a line can start one: not inside an objective
    /// section of the plan format, whose heading marks it.
    func lineMarker(_ line: Range<Int>) -> ObjectiveMarker? {
        if hasOpenObjective, Self.isHeadingOrigin(origin) { return nil }
        // A marker starts `Objective`, `Equality` or `Link`, after any markup: most lines start otherwise.
        var start = line.lowerBound
        while start < line.upperBound, bytes[start] == 0x20 || bytes[start] == 0x2A || bytes[start] == 0x5F || bytes[start] == 0x23
                || bytes[start] == 0x3E {
            start += 1
        }
        guard start < line.upperBound else { return nil }
        let letter = bytes[start] | 0x20
        guard letter == 0x6F || letter == 0x65 || letter == 0x6C else { return nil }
        guard let marker = ObjectiveMarker(InlineText.plain(bytes, line)), marker.startsObjectiveInLine else { return nil }
        // `Objective 1` then `Link to Objective 1 (see policy): ...`: the same objective, named again.
        if marker.kind == .link, let open = objective, open.number != nil, open.number == marker.number { return nil }
        return marker
    }

    /// Notes a line that looks like a label eqlint does not know (`Staff
    /// responsible: Mrs Patel`), or that mentions an objective without
    /// starting one, for `eqlint outline` to show.
    mutating func noteUnplaced(_ line: Range<Int>) {
        guard notesUnplaced else { return }
        // A label is near the line's start: most lines have no colon there and no "bjective".
        let head = line.lowerBound..<min(line.upperBound, line.lowerBound + 60)
        guard ByteText.find(bytes, 0x3A, in: head) != nil || (!hasOpenObjective && ByteText.find(bytes, "bjective", in: line) != nil) else {
            return
        }
        let text = InlineText.plain(bytes, line)
        if !hasOpenObjective, let marker = ObjectiveMarker(text), marker.kind == .numbered {
            plan.unplaced.append(UnplacedLine(text: value(line), kind: .objectiveMention))
            return
        }
        guard let label = Self.labelLike(text),
              vocabulary.find(VocabularySelection(list: "publication"), in: bytes, span: line).isEmpty else { return }
        plan.unplaced.append(UnplacedLine(text: value(line), kind: .unknownLabel, label: label))
    }

    /// What comes before the colon of a line shaped as `Label: value`: one to
    /// four words, the first capitalised, no digit, and a value after it; nil
    /// for any other line.
    static func labelLike(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard (1...4).contains(TextWords(label).count), label.first?.isUppercase ?? false, !label.contains(where: \.isNumber),
              !text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return label
    }

    /// Whether a line under a label's value is a label eqlint does not know
    /// that names what a field is about (`Measure of success: ...`, `PSED
    /// link: ...`, `Pupil voice version: ...`): it ends the value above it
    /// and is noted for the outline, rather than running on into the value
    /// (a timescale "By July 2026 Measure of success: ..."). A line such as
    /// `Reading: 80% of pupils ...` under success criteria is part of them.
    func looksLikeFieldLabel(_ line: Range<Int>) -> Bool {
        let head = line.lowerBound..<min(line.upperBound, line.lowerBound + 60)
        guard ByteText.find(bytes, 0x3A, in: head) != nil, let label = Self.labelLike(InlineText.plain(bytes, line)) else { return false }
        return TextWords(label).contains { Self.fieldWords.contains($0) }
    }

    /// Words that name what a field is about, in labels eqlint knows.
    static let fieldWords: Set<String> = [
        "success", "criteria", "criterion", "measure", "measures", "target", "targets", "outcome", "outcomes",
        "timescale", "timeframe", "deadline", "lead", "responsible", "responsibility", "owner", "aim", "aims", "duty",
        "psed", "link", "friendly", "version", "evaluation", "progress", "monitoring", "impact", "rationale", "evidence",
        "reason", "actions", "strategy", "strategies", "resources", "characteristic", "characteristics",
    ]

    /// Opens the objective a line marks, or, in a monitoring section, turns
    /// to the objective it names again.
    mutating func markedLine(_ marker: ObjectiveMarker, _ line: Range<Int>) {
        let text = TextValue(text: InlineText.plain(bytes, line), range: source.range(of: line), span: line)
        if !hasOpenObjective, case .evaluation = section, let known = existingObjective(marker) {
            // The marker names the objective again; what follows it is its progress.
            evaluationTarget = known
            plan.structuralLines.append(text.range)
            return
        }
        // `Objective 1 – <its statement>` in notes after a table of objectives: more of objective 1.
        if let known = existingObjective(marker), marker.kind == .numbered, objective?.number != marker.number,
           !marker.title.isEmpty, Self.sameStatement(plan.objectives[known].title, untagged(marker.title)) {
            reopen(number: plan.objectives[known].number ?? "")
            plan.structuralLines.append(text.range)
            return
        }
        if marker.kind == .link {
            openObjective(number: marker.number, title: "", at: text, origin: .record)
        } else {
            openObjective(number: marker.number, title: untagged(marker.title), at: text, origin: .line)
            _ = addTags(of: text, whole: false)
        }
    }

    /// Whether two statements are the same, written twice (one may be cut short).
    static func sameStatement(_ one: String, _ other: String) -> Bool {
        let first = TextNormalizer.labelKey(one)
        let second = TextNormalizer.labelKey(other)
        guard min(first.utf8.count, second.utf8.count) >= 12 else { return false }
        return first.hasPrefix(second) || second.hasPrefix(first)
    }

    /// Reads a line that is a paragraph by itself, when it is a label alone
    /// (`Rationale`, `Child-Friendly Objective`) or a line that reads as a
    /// heading (`Impact Statement`, `Equality Objectives 2023-2026`); says
    /// whether it did.
    mutating func loneLine(_ line: Range<Int>, standalone: Bool) -> Bool {
        // A label or a heading is short; a line of prose is read as prose at once.
        guard line.count <= 240 else { return false }
        let field = labels.field(forLabel: bytes, line)
        guard field != nil || (standalone && (!hasOpenObjective || !Self.isHeadingOrigin(origin))) else { return false }
        let text = value(line)
        if let field {
            if field == .objective, !hasOpenObjective || !Self.isHeadingOrigin(origin) {
                // `Objective` alone: the statement follows.
                if !hasOpenObjective || objective?.fields.contains(.objective) == true {
                    openObjective(number: nil, title: "", at: text, origin: .record)
                } else {
                    awaitingStatement = true
                }
                return true
            }
            // A Glossary (`Key`) is the plan's; after a list of objectives, so are
            // child-friendly versions and progress, given for each in turn.
            let listed: Bool = { if case .listItem = origin { return true }; return false }()
            if hasOpenObjective, !Self.isHeadingOrigin(origin), field == .glossary || (listed && [.child, .evaluation].contains(field)) {
                closeObjective()
            }
            if hasOpenObjective {
                pendingLabel = field
                openField(field, label: text.range)
                return true
            }
            guard standalone || field == .glossary, [.glossary, .child, .evaluation].contains(field) else { return false }
            enterSection(named: text, level: nil, field: labels.field(forLabel: text.text))
            return true
        }
        // Inside an objective section of the plan format, headings mark sections; a line is a line.
        guard standalone, !hasOpenObjective || !Self.isHeadingOrigin(origin), lineMarker(line) == nil, isHeadingLike(text) else {
            return false
        }
        closeObjective()
        heldForNextObjective = []
        readFacts(text)
        enterSection(named: text, level: nil, field: labels.field(forLabel: text.text))
        // A line split from its sentence by a hard break may follow it.
        planText = text
        return true
    }

    /// Whether a line alone reads as a heading: short, starting with a
    /// capital or a number, ending with no punctuation of a sentence, and
    /// not a date.
    func isHeadingLike(_ text: TextValue) -> Bool {
        guard text.text.utf8.count < 200, !hasMoreWords(text.text, than: 16) else { return false }
        let words = TextWords(text.text)
        guard !words.isEmpty, words.count <= 10 || (words.count <= 16 && namesObjectives(text.text)),
              let first = text.text.first, first.isUppercase || first.isNumber,
              let last = text.text.last, !".,;:!?".contains(last) else { return false }
        guard DateReader.span(in: text.text) == nil || namesObjectives(text.text) || words.count > 4 else { return false }
        // `Lead: Headteacher` is a field; `Part 7: Information about our employees` a heading.
        if let colon = text.text.firstIndex(of: ":") {
            let before = text.text[..<colon]
            guard before.contains(where: \.isNumber) || namesObjectives(text.text),
                  LabelLine(bytes, text.span, labels: labels) == nil else { return false }
        }
        return true
    }

    /// Whether a label line opens a new record objective (an `Objective:`
    /// label where no objective is open, or the open one has its statement).
    func opensRecord(_ label: LabelLine) -> Bool {
        guard label.field == .objective else { return false }
        guard hasOpenObjective else { return true }
        if Self.isHeadingOrigin(origin) { return false }
        return objective?.fields.hasEntries(.objective) ?? false
    }

    /// Whether the lines that follow are label lines up to an `Objective:`
    /// label that opens a new record.
    func upcomingRecordLabel(in lines: ArraySlice<Range<Int>>) -> Bool {
        guard !hasOpenObjective || !Self.isHeadingOrigin(origin) else { return false }
        for line in lines {
            guard let label = LabelLine(bytes, line, labels: labels) else { return false }
            if label.field == .objective { return true }
        }
        return false
    }

    mutating func labelled(_ label: LabelLine, valueLines: [Range<Int>], holding: Bool = false) {
        // `Review: July 2027` before any objective is the plan's own date, not a field held for one.
        if !hasOpenObjective, label.field != .objective, !valueLines.isEmpty,
           readFacts(value(label.label.lowerBound..<valueLines[valueLines.count - 1].upperBound)) {
            return
        }
        let labelRange = source.range(of: label.label)
        let entry = valueLines.isEmpty ? nil : value(lines: valueLines)
        let field = fieldName(label.field, entry)
        // `Objective: ...` starts an objective, or gives the open one its statement.
        if field == .objective, !hasOpenObjective || !Self.isHeadingOrigin(origin) {
            if opensRecord(label) {
                let end = valueLines.last?.upperBound ?? label.label.upperBound
                let whole = label.label.lowerBound..<end
                let anchor = TextValue(text: entry?.text ?? "", range: source.range(of: whole), span: whole)
                openObjective(number: nil, title: entry?.text ?? "", at: entry == nil ? anchor : TextValue(
                    text: entry!.text, range: source.range(of: whole), span: entry!.span), origin: .record)
                objective?.anchor = anchor.range
            } else if let entry {
                setStatement(entry, label: labelRange)
            } else {
                awaitingStatement = true
            }
            return
        }
        // `Led by: EYFS Leader` after a list objective and a paragraph about it: the objective's.
        if !hasOpenObjective, !holding, case .objectives = section { takeUpClosedListObjective() }
        if !hasOpenObjective || holding || origin == .record {
            let held = recordField(field, label: labelRange, entry: entry, holding: holding)
            pendingLabel = entry == nil && !held ? field : nil
            return
        }
        if let entry {
            pendingLabel = nil
            addEntry(entry, to: field, label: labelRange)
        } else {
            pendingLabel = field
            openField(field, label: labelRange)
        }
    }

    /// The field a label's value goes to: a `Characteristic:` line that
    /// states a fact in a sentence ("We have very few racist incidents
    /// reported.") is why the objective was chosen, as its words say.
    func fieldName(_ field: FieldName, _ entry: TextValue?) -> FieldName {
        guard field == "characteristics", let text = entry?.text, text.hasSuffix("."), TextWords(text).count >= 6 else { return field }
        return "rationale"
    }

    /// Text that is not a label line: the open objective's, or the plan's.
    mutating func looseText(_ text: TextValue) {
        if hasOpenObjective {
            if joinSplitSentence(text) { return }
            // `Approved by the Local Governing Body on 02.10.2025.` after the last objective is the plan's.
            if !Self.isHeadingOrigin(origin), startsWithPlanFact(text) {
                closeObjective()
                pendingLabel = nil
            }
        }
        if hasOpenObjective {
            if case .listItem = origin, !isTag(text.text) {
                let listOrigin = origin
                closeObjective()
                closedListObjective = (plan.objectives.count - 1, listOrigin, [])
            } else {
                if case .listItem = origin, addTags(of: text, whole: true) { return }
                return addText(text)
            }
        }
        heldForNextObjective = []
        if let previous = planText, previous.text.utf8.count < 2000, Self.continues(previous.text, with: text.text) {
            // A sentence a hard line break split: read its facts again, whole.
            planText = previous.joined(with: text)
            if let closed = closedListObjective, closed.texts.last?.span == previous.span {
                closedListObjective?.texts[closed.texts.count - 1] = planText!
            }
            readFacts(planText!)
            return
        }
        planText = text
        if mentionsObjective(text.text) { periodSentences.append(text) }
        if readFacts(text) {
            closedListObjective = nil
            return
        }
        closedListObjective?.texts.append(text)
        switch section {
        case .evaluation:
            addEvaluation(text)
        case .objectives(let level):
            if text.text.hasSuffix(":") {
                section = namesObjectives(text.text) ? .objectives(level: level) : .prose
                if namesObjectives(text.text) { namingLines.append(text) }
            } else {
                statementCandidates.append(text)  // judged by `isStatement` only if they are needed
            }
        default:
            // A line that names the objectives (`Equality Objectives 2025-2028`), or
            // leads in to them (`Our equality objectives for 2024-2025 are:`).
            // (A paragraph of a few words: in a web page's source it may wrap over lines.)
            guard namesObjectives(text.text) else { return }
            namingLines.append(text)
            if text.text.hasSuffix(":") { section = .objectives(level: nil) }
        }
    }

    /// Whether a text starts by giving a date of the plan's own (`Approved by
    /// governors on ...`, `Date of next review: ...`, `These objectives were
    /// first published in ...`).
    func startsWithPlanFact(_ text: TextValue) -> Bool {
        guard ByteText.containsDigit(text.text) else { return false }
        let start = text.spans[0]
        let head = start.lowerBound..<min(start.upperBound, start.lowerBound + 80)
        guard let first = vocabulary.find(VocabularySelection(list: "publication"), in: bytes, span: head).first else { return false }
        let words = TextWords(String(text.text.prefix(40)))
        let subject = ["this", "these", "the"].contains(words.first ?? "") && ["plan", "objectives", "policy", "document"].contains(words.dropFirst().first ?? "")
        guard subject || first.span.lowerBound - start.lowerBound <= 12 else { return false }
        return DateReader.span(in: text.text) != nil
    }

    /// Whether a paragraph under a heading that names the objectives reads
    /// as an objective's statement: one or two short sentences that are
    /// not about the plan itself ("These were adopted in January 2024").
    func isStatement(_ text: TextValue) -> Bool {
        guard !hasMoreWords(text.text, than: 60) else { return false }
        let words = TextWords(text.text)
        guard words.count >= 4, !text.text.hasSuffix(":") else { return false }
        let sentences = text.text.split { ".!?".contains($0) }.filter { TextWords(String($0)).count >= 3 }
        guard sentences.count <= 2 else { return false }
        return !["these", "this", "the", "for", "please", "our", "we", "see", "further", "more"].contains(words[0])
    }

    /// Statements under a heading that names the objectives become objectives
    /// when the plan marks none in any other way.
    mutating func adoptStatementCandidates() {
        defer { statementCandidates = [] }
        for statement in statementCandidates where isStatement(statement) {
            var found = Objective(number: nil, title: statement.text, anchor: statement.range)
            found.text = [statement]
            found.fields[.objective] = Field(name: .objective, label: statement.range, entries: [statement])
            addDeadlineAsTimescale(&found)
            plan.objectives.append(found)
        }
    }

    /// Text of a monitoring section: the evaluation of the objective it names
    /// (by number, or by repeating its statement).
    mutating func addEvaluation(_ text: TextValue) {
        if let repeated = repeatedStatement(in: text.text) {
            evaluationTarget = repeated.index
            // The statement alone names the objective; it is no progress.
            if repeated.alone {
                plan.structuralLines.append(text.range)
                return
            }
        }
        guard let target = evaluationTarget else { return }
        plan.objectives[target].fields[.evaluation, default: Field(name: .evaluation, label: text.range)].entries.append(text)
        plan.objectives[target].text.append(text)
    }

    // MARK: List items

    mutating func listItem(_ item: Document.ListItem) {
        let lines = item.lines
        guard !lines.isEmpty else { return }
        if !hasOpenObjective {
            switch section {
            case .glossary: return planLevelLines(lines)
            case .childFriendly:
                if case .number(let number) = item.marker { return planLevelLines(lines, key: String(number)) }
                return planLevelLines(lines)
            default: break
            }
        }
        if case .objectives = section, !isPendingLabelsBullet(item) {
            let indent = source.location(of: item.markerSpan.lowerBound).column + Self.bulletDepth(bytes, item.markerSpan)
            if !hasOpenObjective || isListObjective(deeperThan: indent) == false, let opened = listObjective(item, indent: indent) { return opened }
        }
        if !hasOpenObjective {
            heldForNextObjective = []
            if case .evaluation = section { addEvaluation(value(lines: lines)) }
            return
        }
        if let marker = lineMarker(lines[0]) {
            markedLine(marker, lines[0])
            if lines.count > 1 { addText(value(lines: lines.dropFirst())) }
            return
        }
        // Lines after the first that are label lines (`Lead: ...` straight after
        // the last item) are fields of their own, not more of the item.
        let split = lines.dropFirst().firstIndex { LabelLine(bytes, $0, labels: labels) != nil || lineMarker($0) != nil }
        let itemLines = split.map { Array(lines[..<$0]) } ?? lines
        if let label = LabelLine(bytes, itemLines[0], labels: labels) {
            labelled(label, valueLines: (label.value.isEmpty ? [] : [label.value]) + itemLines.dropFirst())
        } else if pendingLabel == nil, headingField == nil, !awaitingStatement, origin == .line || origin == .record {
            // Items straight under an objective's line, with no label: what will be done.
            let item = value(lines: itemLines)
            addEntry(item, to: "actions", label: item.range)
        } else {
            addText(value(lines: itemLines))
            if pendingLabel != nil { pendingLabelHasList = true }
        }
        if let split {
            let wasListing = pendingLabel != nil
            paragraph(Array(lines[split...]), standalone: false)
            if wasListing, pendingLabel != nil { pendingLabelHasList = true }
        }
    }

    /// Whether a bulleted item belongs to a label alone on its line above it
    /// (`Actions:`), under an objective that is an item of a numbered list:
    /// Word's plain text keeps no indent, so `1. Improve attendance`,
    /// `Actions:` and `• Attendance officer meets each family` all start at
    /// the first column, yet the bullets are the actions, not objectives.
    func isPendingLabelsBullet(_ item: Document.ListItem) -> Bool {
        guard pendingLabel != nil, item.marker == .bullet, case .listItem = origin else { return false }
        return objective?.number != nil
    }

    /// How much deeper than its column a bullet puts its item. Word's plain
    /// text keeps no indent, only each level's bullet: `•`, then `o` (or
    /// `◦`), then `▪`; an item whose bullet is of a lower level is read as
    /// indented under the one above.
    static func bulletDepth(_ bytes: [UInt8], _ marker: Range<Int>) -> Int {
        guard let first = marker.first else { return 0 }
        if bytes[first] == 0x6F { return 2 }  // o
        guard marker.count == 3, bytes[first] == 0xE2 else { return 0 }
        switch (bytes[first + 1], bytes[first + 2]) {
        case (0x97, 0xA6): return 2  // ◦
        case (0x96, 0xAA): return 4  // ▪
        default: return 0
        }
    }

    /// Whether the open objective is an item of a list of objectives, with
    /// items at an indent less than `indent` (so this one is part of it); nil
    /// when it is no list item.
    func isListObjective(deeperThan indent: Int) -> Bool? {
        guard case .listItem(let base) = origin else { return nil }
        return indent > base
    }

    /// An item of a list of objectives: an objective, with the tags at its
    /// end read as fields (`(Disability)`, `(Duty: Foster good relations)`,
    /// `(Target = ...)`). An item that only names an aim of the duty is not one.
    mutating func listObjective(_ item: Document.ListItem, indent: Int) -> Void? {
        let whole = value(lines: item.lines)
        guard !isAimOnly(whole) else { return nil }
        var number: String?
        if case .number(let value) = item.marker { number = String(value) }
        let statementLines = item.lines.filter { !isTag(InlineText.plain(bytes, $0)) }
        let statement = statementLines.isEmpty ? whole : value(lines: statementLines)
        let title = untagged(statement.text)
        openObjective(number: number, title: title, at: TextValue(text: statement.text, range: statement.range, span: statement.span),
                      origin: .listItem(indent: indent))
        objective?.fields[.objective]?.entries = [statement]
        if let index = objective?.text.indices.first { objective?.text[index] = statement }
        for line in item.lines { _ = addTags(of: value(line), whole: false) }
        return ()
    }

    /// Whether a list item only names an aim of the duty, as the
    /// introduction of a plan lists them.
    func isAimOnly(_ text: TextValue) -> Bool {
        guard !hasMoreWords(text.text, than: 10) else { return false }
        return vocabulary.contains(VocabularySelection(list: "aims"), in: bytes, span: text.span)
    }
}
