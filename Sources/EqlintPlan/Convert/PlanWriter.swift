import EqlintText

/// Writes a plan in eqlint's plan format (`docs/plan-format.md`): front
/// matter from the plan's dates, its title, each objective as a `##
/// Objective N: ...` section with its fields as label lines, sub-headings
/// and an action table, and the rest of the document as Markdown where it
/// stood. Reading what it writes gives the same plan. `eqlint convert`
/// prints it, and findings on a `.docx` or `.pdf` are placed in it.
public enum PlanWriter {
    /// The plan in the plan format, from the document it was recovered from.
    public static func markdown(_ plan: Plan, from document: Document, vocabulary: Vocabulary) -> String {
        var writer = Writer(plan: plan, document: document, vocabulary: vocabulary)
        return writer.write()
    }

    /// The labels written for each field, in the order fields are written.
    static let fieldLabels: [(FieldName, String)] = [
        ("aim", "Aim"), ("characteristics", "Protected characteristics"), ("groups", "Target groups"),
        ("rationale", "Rationale"), ("lead", "Lead"), ("timescale", "Timescale"), ("success", "Success criteria"),
        ("actions", "Actions"), ("resources", "Resources"), ("evaluation", "Evaluation"), ("child", "Child-friendly version"),
    ]

    static func label(for field: FieldName) -> String {
        fieldLabels.first { $0.0 == field }?.1 ?? field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
    }

    /// The label to write for a field: the plan's own words when they name
    /// it (`Link to PSED`, `Lead Person/ Responsibility`), else eqlint's.
    static func label(for field: Field, vocabulary: Vocabulary, source: SourceFile) -> String {
        // The label as written: given for a table's column, else where the field's label stands.
        var written = Substring(field.labelText ?? InlineText.plain(source.bytes, source.offset(of: field.label.start)..<(
            field.label.end.line == field.label.start.line ? source.offset(of: field.label.end) : source.offset(of: field.label.start))))
        while let last = written.last, last == ":" || last == " " { written.removeLast() }
        guard !written.isEmpty, vocabulary.field(forLabel: String(written)) == field.name else { return label(for: field.name) }
        return String(written)
    }
}

/// The state of one conversion.
private struct Writer {
    let plan: Plan
    let document: Document
    let vocabulary: Vocabulary
    var source: SourceFile { document.source }
    var lines: [String] = []
    /// The lines (1-based) the plan's objectives and title were read from: not written again as prose.
    var consumed: Set<Int> = []
    var written = 0
    /// Whether the last thing written is an objective's section, which plan-level text must not join.
    var inObjective = false
    let objectives: [Objective]

    init(plan: Plan, document: Document, vocabulary: Vocabulary) {
        self.plan = plan
        self.document = document
        self.vocabulary = vocabulary
        objectives = plan.objectives.sorted { $0.anchor.start < $1.anchor.start }
        for objective in plan.objectives {
            mark(objective.anchor)
            for value in objective.text + objective.fields.values.flatMap(\.entries) + objective.actions.flatMap({ $0.fields.values.flatMap(\.entries) }) {
                mark(value)
            }
            for field in objective.fields.values { mark(field.label) }
            for action in objective.actions {
                mark(action.anchor)
                for field in action.fields.values { mark(field.label) }
            }
        }
        if let title = plan.title { mark(title) }
        for range in plan.structuralLines { mark(range) }
        for (_, value) in plan.unreadableDates { mark(value) }
    }

    mutating func mark(_ range: SourceRange) {
        guard range.start.line <= range.end.line else { return }
        consumed.formUnion(range.start.line...range.end.line)
    }

    mutating func mark(_ value: TextValue) {
        for part in value.spans { mark(source.range(of: part)) }
    }

    // MARK: The whole

    mutating func write() -> String {
        frontMatter()
        lines.append("# \(plan.title?.text.nonEmpty ?? "Equality objectives")")
        lines.append("")
        for block in document.blocks { self.block(block) }
        while written < objectives.count { objective() }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func frontMatter() {
        var entries: [(String, String)] = []
        for (key, value) in plan.frontMatter.sorted(by: { $0.key < $1.key }) where !Plan.dateKeys.contains(key) {
            entries.append((key, value.text))
        }
        for key in Plan.dateKeys {
            if let date = plan.date(key), let written = Self.written(date.span, isPeriod: key == "period") {
                entries.append((key, written))
            } else if let unreadable = plan.unreadableDates.first(where: { $0.key == key }) {
                entries.append((key, unreadable.value.text))
            }
        }
        guard !entries.isEmpty else { return }
        lines.append("---")
        lines += entries.map { "\($0.0): \($0.1)" }
        lines.append("---")
        lines.append("")
    }

    /// A date span as the front matter gives it: `2025-09 to 2028-08`, `2025-10-01`, `2026-07`.
    static func written(_ span: DateSpan, isPeriod: Bool) -> String? {
        guard let start = span.start else { return nil }
        func day(_ day: CalendarDay) -> String { day.description }
        func month(_ day: CalendarDay) -> String { String(day.description.prefix(7)) }
        guard let end = span.end else { return isPeriod ? nil : day(start) }
        let wholeMonths = start.day == 1 && end.day == CalendarDay.daysIn(month: end.month, year: end.year)
        if start == end { return day(start) }
        if wholeMonths, start.year == end.year, start.month == end.month, !isPeriod { return month(start) }
        return wholeMonths ? "\(month(start)) to \(month(end))" : "\(day(start)) to \(day(end))"
    }

    // MARK: Prose

    /// Writes the objectives marked before a line, then the line's text if it is no objective's.
    mutating func before(_ line: Int) {
        while written < objectives.count, objectives[written].anchor.start.line <= line { objective() }
    }

    mutating func block(_ block: Document.Block) {
        switch block {
        case .frontMatter, .separator:
            return
        case .heading(let level, let span):
            let line = source.location(of: span.lowerBound).line
            before(line)
            guard !consumed.contains(line) else { return }
            heading("\(String(repeating: "#", count: max(level, 2))) \(plain(span))")
        case .paragraph(let spans):
            var pending: [String] = []
            for span in spans {
                let line = source.location(of: span.lowerBound).line
                before(line)
                if consumed.contains(line) {
                    if !pending.isEmpty { paragraph(pending) }
                    pending = []
                } else {
                    pending.append(plain(span))
                }
            }
            if !pending.isEmpty { paragraph(pending) }
        case .listItem(let item):
            guard let first = item.lines.first else { return }
            let line = source.location(of: first.lowerBound).line
            before(line)
            guard !consumed.contains(line) else { return }
            var marker = "-"
            if case .number(let number) = item.marker { marker = "\(number)." }
            leaveObjective()
            prose("\(marker) \(item.lines.map(plain).joined(separator: " "))", separated: false)
        case .table(let table):
            var rows: [[String]] = []
            for row in table.rows {
                let line = source.location(of: row.span.lowerBound).line
                before(line)
                guard !consumed.contains(line) else { continue }
                rows.append(row.cells.map { Self.cell(plain($0)) })
            }
            if !rows.isEmpty {
                leaveObjective()
                self.table(rows)
            }
        case .comment(let span):
            before(source.location(of: span.lowerBound).line)
            prose(source.text(span))
        }
    }

    /// A paragraph of prose lines. A line alone that reads as a heading (it
    /// ended an objective, or opens a section) is written as one, so that it
    /// ends the objective before it here too.
    mutating func paragraph(_ text: [String]) {
        if text.count == 1, written > 0, Self.isHeadingLike(text[0]) {
            heading("## \(text[0])")
        } else {
            leaveObjective()
            prose(text.map(Self.escaped).joined(separator: "\n"))
        }
    }

    mutating func heading(_ text: String) {
        prose(text)
        inObjective = false
    }

    /// Plan-level text after an objective goes under a heading of its own,
    /// or it would be read as that objective's.
    mutating func leaveObjective() {
        guard inObjective else { return }
        heading("## Notes")
    }

    static func isHeadingLike(_ text: String) -> Bool {
        guard let last = text.last, !".,;:!?".contains(last), let first = text.first, first.isUppercase || first.isNumber else { return false }
        return text.split(separator: " ").count <= 16
    }

    /// A line that Markdown would read as something else (`# `, `- `, `1. `) written as text.
    static func escaped(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>|".contains(first) || ((first == "-" || first == "*" || first == "+") && line.dropFirst().first == " ") {
            return "\\" + line
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    mutating func prose(_ text: String, separated: Bool = true) {
        if separated, lines.last != "" { lines.append("") }
        lines.append(text)
        if separated { lines.append("") }
    }

    func plain(_ span: Range<Int>) -> String {
        InlineText.plain(source.bytes, span)
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    mutating func table(_ rows: [[String]]) {
        let width = rows.map(\.count).max() ?? 0
        guard width > 0 else { return }
        let padded = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        if lines.last != "" { lines.append("") }
        lines.append("| " + padded[0].joined(separator: " | ") + " |")
        lines.append("|" + Array(repeating: "---|", count: width).joined())
        for row in padded.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
        lines.append("")
    }

    // MARK: Objectives

    /// Writes the next objective: its heading, its fields, its actions, its prose.
    mutating func objective() {
        let objective = objectives[written]
        written += 1
        inObjective = true
        var heading = "## Objective"
        if let number = objective.number { heading += " \(number)" }
        if !objective.title.isEmpty { heading += ": \(objective.title)" }
        prose(heading)
        let statements = objective.fields.entries(of: .objective)
        // The deadline read from the statement is read from it again.
        let fromStatement = { (entry: TextValue) in
            statements.contains { statement in statement.spans.contains { $0.contains(entry.span.lowerBound) } }
        }
        for statement in statements.dropFirst(objective.title.isEmpty ? 0 : 1) { prose("**Objective:** \(statement.text)") }
        // Its prose first: under a field's sub-heading it would be read as that field.
        let fieldTexts = Set(objective.fields.values.flatMap(\.entries) + objective.actions.flatMap { $0.fields.values.flatMap(\.entries) })
        for text in objective.text where !fieldTexts.contains(text) && !statements.contains(text) {
            prose(Self.escaped(text.text))
        }
        let ordered = PlanWriter.fieldLabels.map(\.0) + objective.fields.keys.filter { name in
            !PlanWriter.fieldLabels.contains { $0.0 == name } && name != .objective
        }.sorted()
        // Fields of one entry as label lines, then the action table, then fields that list entries under sub-headings.
        var listed: [(String, [TextValue])] = []
        for name in ordered {
            guard let field = objective.fields[name] else { continue }
            let entries = field.entries.filter { !(name == .timescale && fromStatement($0)) }
            if entries.isEmpty, !field.entries.isEmpty { continue }
            let label = PlanWriter.label(for: field, vocabulary: vocabulary, source: source)
            if entries.count == 1, !name.listsEntries {
                prose(label.hasSuffix("?") ? "**\(label)** \(entries[0].text)" : "**\(label):** \(entries[0].text)")
            } else {
                listed.append((label, entries))
            }
        }
        actions(objective.actions)
        for (label, entries) in listed {
            prose("### \(label)")
            for entry in entries { lines.append("- \(entry.text)") }
            if !entries.isEmpty { lines.append("") }
        }
    }

    mutating func actions(_ actions: [Action]) {
        guard !actions.isEmpty else { return }
        let names = (PlanWriter.fieldLabels.map(\.0) + actions.flatMap(\.fields.keys).sorted()).reduce(into: [FieldName]()) { order, name in
            if actions.contains(where: { $0.fields.contains(name) }), !order.contains(name) { order.append(name) }
        }
        // The action itself first, as action tables are written.
        let columns = names.filter { $0 == "actions" } + names.filter { $0 != "actions" }
        var rows = [columns.map { name in
            actions.lazy.compactMap { $0.fields[name] }.first.map { PlanWriter.label(for: $0, vocabulary: vocabulary, source: source) }
                ?? (name == "actions" ? "Action" : PlanWriter.label(for: name))
        }]
        for action in actions {
            rows.append(columns.map { name in action.fields.entries(of: name).map { Self.cell($0.text) }.joined(separator: "<br>") })
        }
        table(rows)
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
