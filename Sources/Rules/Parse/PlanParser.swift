/// Reads an equality objectives plan out of ordinary Markdown, following
/// `plan-format.md`: front matter, objective sections at any heading level,
/// fields as label lines, sub-headings or tables, a plan-level objectives
/// table, a Glossary and a plan-level child-friendly section. It never fails:
/// what it does not recognise it keeps out of the way.
public struct PlanParser: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    public func parse(_ source: SourceFile) -> Plan {
        var builder = PlanBuilder(source: source, vocabulary: vocabulary)
        return builder.build()
    }
}

/// The state of one parse: where we are in the file and what is open.
private struct PlanBuilder {
    let source: SourceFile
    let vocabulary: Vocabulary
    var bytes: [UInt8] { source.bytes }

    var plan = Plan()
    var firstHeading: TextValue?

    /// A plan-level section with a meaning of its own.
    enum Section { case prose, glossary(level: Int), childFriendly(level: Int, heading: SourceRange) }
    var section = Section.prose

    /// The objective whose section we are in, and its heading level.
    var objective: Objective?
    var objectiveLevel = 0
    /// A sub-heading that names a field, and its level.
    var headingField: (name: FieldName, level: Int)?
    /// A label line with no value: the blocks that follow are its entries.
    var pendingLabel: FieldName? {
        didSet { pendingLabelHasList = false }
    }
    /// Whether list items have been read into the pending label: a paragraph after them ends it.
    var pendingLabelHasList = false

    /// Child-friendly text from a plan-level section, to be matched to objectives.
    var childTexts: [(key: String?, value: TextValue, heading: SourceRange)] = []
    var childKey: String?

    init(source: SourceFile, vocabulary: Vocabulary) {
        self.source = source
        self.vocabulary = vocabulary
    }

    mutating func build() -> Plan {
        for block in BlockScanner(source: source).blocks() {
            switch block {
            case .frontMatter(let lines): readFrontMatter(lines)
            case .heading(let level, let text): heading(level: level, span: text)
            case .paragraph(let lines): paragraph(lines)
            case .listItem(let lines): listItem(lines)
            case .table(let header, let rows): table(header: header, rows: rows)
            case .comment(let span): plan.comments.append(TextValue(text: source.text(span), range: source.range(of: span), span: span))
            case .separator: break
            }
        }
        closeObjective()
        if plan.title == nil { plan.title = firstHeading }
        attachChildFriendlyTexts()
        readDates()
        return plan
    }

    // MARK: Values

    func value(_ span: Range<Int>) -> TextValue {
        TextValue(text: InlineText.plain(bytes, span), range: source.range(of: span), span: span)
    }

    /// One value over several lines, joined with spaces.
    func value(lines: [Range<Int>]) -> TextValue {
        let text = lines.map { InlineText.plain(bytes, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
        let first = lines.first ?? 0..<0
        let last = lines.last ?? first
        let span = first.lowerBound..<last.upperBound
        return TextValue(text: text, range: source.range(of: span), span: span)
    }

    // MARK: Front matter and dates

    mutating func readFrontMatter(_ lines: [Range<Int>]) {
        for line in lines {
            guard let colon = line.first(where: { bytes[$0] == 0x3A }) else { continue }
            let key = source.text(ByteText.trim(bytes, line.lowerBound..<colon)).lowercased()
            var valueSpan = ByteText.trim(bytes, colon + 1..<line.upperBound)
            if valueSpan.count >= 2, let quote = [UInt8(0x22), 0x27].first(where: { $0 == bytes[valueSpan.lowerBound] }),
               bytes[valueSpan.upperBound - 1] == quote {
                valueSpan = valueSpan.lowerBound + 1..<valueSpan.upperBound - 1
            }
            plan.frontMatter[key] = TextValue(text: source.text(valueSpan), range: source.range(of: valueSpan), span: valueSpan)
        }
    }

    mutating func readDates() {
        for key in ["period", "published", "approved", "review"] {
            guard let value = plan.frontMatter[key], !value.text.isEmpty else { continue }
            guard let span = DateReader.span(in: value.text) else {
                plan.unreadableDates.append((key, value))
                continue
            }
            switch key {
            case "period": plan.period = DatedText(source: value, span: span)
            case "published", "approved": if plan.published == nil { plan.published = DatedText(source: value, span: span) }
            default: break
            }
        }
        if plan.period == nil, !plan.hasFrontMatter("period"), let title = plan.title, let span = DateReader.span(in: title.text) {
            plan.period = DatedText(source: title, span: span)
        }
    }

    // MARK: Headings

    mutating func heading(level: Int, span: Range<Int>) {
        let text = value(span)
        if firstHeading == nil { firstHeading = text }
        if plan.title == nil, level == 1, objective == nil { plan.title = text }

        switch section {
        case .childFriendly(let sectionLevel, _) where level > sectionLevel:
            childKey = text.text
            return
        case .glossary(let sectionLevel) where level > sectionLevel:
            return  // "### Staff roles" groups terms; the Glossary goes on
        default:
            break
        }
        if let heading = ObjectiveHeading(text.text) {
            closeObjective()
            section = .prose
            var opened = Objective(number: heading.number, title: heading.title, anchor: text.range)
            if !heading.title.isEmpty {
                let statement = TextValue(text: heading.title, range: text.range, span: text.span)
                opened.text.append(statement)
                opened.fields[.objective] = Field(name: .objective, label: text.range, entries: [statement])
            }
            objective = opened
            objectiveLevel = level
            return
        }
        if objective != nil, level > objectiveLevel {
            pendingLabel = nil
            if let field = vocabulary.field(forLabel: text.text) {
                headingField = (field, level)
                openField(field, label: text.range)
            } else {
                if let open = headingField, level <= open.level { headingField = nil }
                objective?.text.append(text)
            }
            return
        }
        closeObjective()
        switch vocabulary.field(forLabel: text.text) {
        case .glossary?: section = .glossary(level: level)
        case .child?:
            section = .childFriendly(level: level, heading: text.range)
            childKey = nil
        default: section = .prose
        }
    }

    mutating func closeObjective() {
        guard var finished = objective else { return }
        addDeadlineFromStatement(&finished)
        plan.objectives.append(finished)
        objective = nil
        headingField = nil
        pendingLabel = nil
    }

    /// A deadline in the objective's own statement ("… by July 2026") is a timescale for it.
    func addDeadlineFromStatement(_ objective: inout Objective) {
        for statement in objective.fields[.objective]?.entries ?? [] where DateReader.deadline(in: statement.text) != nil {
            if objective.fields[.timescale] == nil {
                objective.fields[.timescale] = Field(name: .timescale, label: statement.range)
            }
            objective.fields[.timescale]?.entries.append(statement)
            return
        }
    }

    // MARK: Fields

    mutating func openField(_ field: FieldName, label: SourceRange) {
        if objective?.fields[field] == nil {
            objective?.fields[field] = Field(name: field, label: label)
        }
    }

    mutating func addEntry(_ entry: TextValue, to field: FieldName, label: SourceRange) {
        openField(field, label: label)
        guard !entry.text.isEmpty else { return }
        objective?.fields[field]?.entries.append(entry)
        objective?.text.append(entry)
    }

    /// Where text that is not a label line goes: the open label, the field
    /// sub-heading, or else the objective's prose.
    mutating func addText(_ entry: TextValue) {
        guard !entry.text.isEmpty else { return }
        if let field = pendingLabel ?? headingField?.name {
            addEntry(entry, to: field, label: objective?.fields[field]?.label ?? entry.range)
        } else {
            objective?.text.append(entry)
        }
    }

    // MARK: Paragraphs and list items

    mutating func paragraph(_ lines: [Range<Int>]) {
        guard objective != nil else { return planLevelLines(lines) }
        // A lone line that is just a label ("Rationale") opens that field.
        if lines.count == 1, pendingLabel == nil, let field = vocabulary.field(forLabel: source.text(lines[0])) {
            pendingLabel = field
            openField(field, label: source.range(of: lines[0]))
            return
        }
        if pendingLabelHasList { pendingLabel = nil }
        var loose: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard let label = LabelLine(bytes, lines[index], vocabulary: vocabulary) else {
                loose.append(lines[index])
                index += 1
                continue
            }
            if !loose.isEmpty { addText(value(lines: loose)) }
            loose = []
            index += 1
            // A value runs on over the following lines, up to the next label line.
            var valueLines = label.value.isEmpty ? [] : [label.value]
            while !label.value.isEmpty, index < lines.count, LabelLine(bytes, lines[index], vocabulary: vocabulary) == nil {
                valueLines.append(lines[index])
                index += 1
            }
            labelled(label, valueLines: valueLines)
        }
        if !loose.isEmpty { addText(value(lines: loose)) }
    }

    mutating func labelled(_ label: LabelLine, valueLines: [Range<Int>]) {
        let labelRange = source.range(of: label.label)
        if valueLines.isEmpty {
            pendingLabel = label.field
            openField(label.field, label: labelRange)
        } else {
            pendingLabel = nil
            addEntry(value(lines: valueLines), to: label.field, label: labelRange)
        }
    }

    mutating func listItem(_ lines: [Range<Int>]) {
        guard objective != nil else { return planLevelLines(lines) }
        if let label = LabelLine(bytes, lines[0], vocabulary: vocabulary) {
            labelled(label, valueLines: (label.value.isEmpty ? [] : [label.value]) + lines.dropFirst())
        } else {
            addText(value(lines: lines))
            if pendingLabel != nil { pendingLabelHasList = true }
        }
    }

    // MARK: Tables

    /// The field each column names (nil for a column eqlint does not know).
    func columnFields(_ header: [Range<Int>]) -> [FieldName?] {
        header.map { cell in
            let text = InlineText.plain(bytes, cell)
            if let field = vocabulary.field(forLabel: text) { return field }
            // `Target group(s): e.g. whole school, girls, boys` labels by what comes before the colon.
            if let colon = text.firstIndex(of: ":") { return vocabulary.field(forLabel: String(text[..<colon])) }
            return nil
        }
    }

    /// A cell's entries: one per `<br>`-separated part.
    func cellEntries(_ cell: Range<Int>) -> [TextValue] {
        InlineText.splitAtLineBreakTags(bytes, cell).map(value).filter { !$0.text.isEmpty }
    }

    mutating func table(header: [Range<Int>], rows: [[Range<Int>]]) {
        let columns = columnFields(header)
        if objective != nil {
            actionTable(columns: columns, rows: rows)
        } else if columns.contains(.objective) {
            objectivesTable(columns: columns, rows: rows)
        } else {
            planLevelTable(header: header, rows: rows)
        }
    }

    /// Inside an objective: each row is an action with its own fields.
    mutating func actionTable(columns: [FieldName?], rows: [[Range<Int>]]) {
        guard columns.contains(where: { $0 != nil }) else {
            for row in rows { addText(value(lines: row)) }
            return
        }
        for row in rows where !row.allSatisfy(\.isEmpty) {
            var action = Action(anchor: source.range(of: row[0].lowerBound..<row[row.count - 1].upperBound))
            for (cell, field) in zip(row, columns) {
                guard let field else { continue }
                let entries = cellEntries(cell)
                objective?.text.append(contentsOf: entries)
                guard !entries.isEmpty else { continue }
                action.fields[field, default: Field(name: field, label: source.range(of: cell))].entries.append(contentsOf: entries)
            }
            objective?.actions.append(action)
        }
    }

    /// Outside any objective, a table with an Objective column: one objective per row.
    /// A row whose objective cell is empty continues the row above.
    mutating func objectivesTable(columns: [FieldName?], rows: [[Range<Int>]]) {
        guard let objectiveColumn = columns.firstIndex(of: .objective) else { return }
        var current: Objective?
        for row in rows where !row.allSatisfy(\.isEmpty) {
            let statementCell = objectiveColumn < row.count ? row[objectiveColumn] : row[row.count - 1].upperBound..<row[row.count - 1].upperBound
            let statement = value(lines: InlineText.splitAtLineBreakTags(bytes, statementCell))
            if !statement.text.isEmpty || current == nil {
                if let finished = current { finishTableObjective(finished) }
                let anchor = statement.text.isEmpty ? source.range(of: row[0]) : statement.range
                current = Objective(number: nil, title: statement.text, anchor: anchor)
            }
            for (cell, field) in zip(row, columns) {
                let entries = cellEntries(cell)
                current?.text.append(contentsOf: entries)
                guard let field, !entries.isEmpty else { continue }
                current?.fields[field, default: Field(name: field, label: source.range(of: cell))].entries.append(contentsOf: entries)
            }
        }
        if let finished = current { finishTableObjective(finished) }
    }

    mutating func finishTableObjective(_ finished: Objective) {
        var objective = finished
        addDeadlineFromStatement(&objective)
        plan.objectives.append(objective)
    }

    // MARK: Plan-level sections

    mutating func planLevelLines(_ lines: [Range<Int>]) {
        switch section {
        case .prose: return
        case .glossary: lines.forEach { glossaryLine($0) }
        case .childFriendly(_, let heading):
            let text = value(lines: lines)
            if let tagged = ObjectiveHeading(text.text) {
                let rest = TextValue(text: tagged.title, range: text.range, span: text.span)
                childTexts.append((tagged.number ?? tagged.title, rest, heading))
            } else {
                childTexts.append((childKey, text, heading))
            }
        }
    }

    mutating func planLevelTable(header: [Range<Int>], rows: [[Range<Int>]]) {
        for row in rows where row.count >= 2 {
            switch section {
            case .prose: return
            case .glossary: defineTerm(row[0], meaning: row[1])
            case .childFriendly(_, let heading):
                let key = ObjectiveHeading(InlineText.plain(bytes, row[0]))
                childTexts.append((key?.number ?? key?.title ?? InlineText.plain(bytes, row[0]), value(row[1]), heading))
            }
        }
    }

    /// `TERM: meaning`, `**TERM** – meaning`, `TERM - meaning`, `TERM = meaning`.
    mutating func glossaryLine(_ line: Range<Int>) {
        let text = source.text(line)
        // Whichever separator comes first ends the term: "HP – Head of School: leads the plan".
        let separators = [":", " \u{2013} ", " \u{2014} ", " - ", " = ", "\u{2013}"].compactMap { text.range(of: $0) }
        guard let range = separators.min(by: { $0.lowerBound < $1.lowerBound }) else { return }
        let termLength = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let meaningStart = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        defineTerm(line.lowerBound..<line.lowerBound + termLength, meaning: line.lowerBound + meaningStart..<line.upperBound)
    }

    mutating func defineTerm(_ term: Range<Int>, meaning: Range<Int>) {
        let name = InlineText.plain(bytes, term)
        guard !name.isEmpty else { return }
        plan.glossary[name.uppercased()] = value(ByteText.trim(bytes, meaning))
    }

    /// Gives each objective the plan-level child-friendly text meant for it,
    /// by number or title; with one objective, or as many texts as
    /// objectives and no keys, they pair up in order.
    mutating func attachChildFriendlyTexts() {
        guard !childTexts.isEmpty else { return }
        let unkeyed = childTexts.allSatisfy { $0.key == nil }
        for (position, child) in childTexts.enumerated() {
            let target: Int?
            if let key = child.key {
                let wanted = ObjectiveHeading(key).map { $0.number ?? $0.title } ?? key
                let wantedKey = TextNormalizer.labelKey(wanted)
                target = plan.objectives.firstIndex { objective in
                    objective.number == wanted.lowercased()
                        || (!wantedKey.isEmpty && TextNormalizer.labelKey(objective.title).hasPrefix(wantedKey))
                }
            } else if plan.objectives.count == 1 {
                target = 0
            } else if unkeyed, childTexts.count == plan.objectives.count {
                target = position
            } else {
                target = nil
            }
            guard let target, !child.value.text.isEmpty else { continue }
            plan.objectives[target].fields[.child, default: Field(name: .child, label: child.heading)].entries.append(child.value)
        }
    }
}
