import EqlintText

/// Tables: action tables, tables of objectives, two-column label tables, and
/// the rows of a Word table saved as text, whose cells wrap onto later rows.
extension PlanRecovery {
    /// A table row as structure recovery reads it: each cell's parts (a cell
    /// that ran onto later rows has one part from each).
    struct CellRow {
        var cells: [[Range<Int>]]
        /// Each cell as written in the row's first line (where a field's label is).
        var cellSpans: [Range<Int>]
        /// From the first cell to the last, where a missing field of an action is reported.
        var span: Range<Int>

        init(cells: [[Range<Int>]], cellSpans: [Range<Int>]) {
            self.cells = cells
            self.cellSpans = cellSpans
            span = (cellSpans.first?.lowerBound ?? 0)..<(cellSpans.last?.upperBound ?? 0)
        }
    }

    mutating func table(_ table: Document.Table) {
        lastText = nil
        // A table after `Actions` is the actions: the label waits for nothing more.
        if hasOpenObjective, pendingLabel != nil, table.hasHeader || isHeaderRow(table.rows.first?.cells ?? []) { pendingLabel = nil }
        if !hasOpenObjective, case .glossary = section { return planLevelTable(table.rows.dropFirst(table.hasHeader ? 1 : 0)) }
        if !hasOpenObjective, case .childFriendly = section { return planLevelTable(table.rows.dropFirst(table.hasHeader ? 1 : 0)) }
        if table.hasHeader, let header = table.rows.first {
            if isLabelTable(table.rows) {
                return labelRows(table.rows[...])
            }
            // The closures take the bytes, not `self`: one that captured `self` here copied the whole recovery.
            // (A cell's parts: one per `<br>`-separated part of a pipe table's cell.)
            let bytes = bytes
            let rows = table.rows.dropFirst().map { row in
                CellRow(cells: row.cells.map { InlineText.splitAtLineBreakTags(bytes, $0) }, cellSpans: row.cells)
            }
            // The header's texts, and the fields they name, made once for the table.
            let headers = header.cells.map { InlineText.plain(bytes, $0) }
            let columns = columnFields(headers)
            if hasOpenObjective || columns.contains(.objective) { plan.structuralLines.append(source.range(of: header.span)) }
            return headerTable(columns: columns, headers: headers, rows: rows, wrapping: false)
        }
        tabRows(table.rows)
    }

    /// The field each column names, given the header cells' texts (nil for a column eqlint does not know).
    func columnFields(_ headers: [String]) -> [FieldName?] {
        headers.map { columnField($0) }
    }

    func columnField(_ text: String) -> FieldName? {
        if let field = labels.field(forLabel: text) { return field }
        // `Target group(s): e.g. whole school, girls, boys` labels by what comes before the colon.
        if let colon = text.firstIndex(of: ":") { return labels.field(forLabel: String(text[..<colon])) }
        return nil
    }

    /// A table whose rows are `label | value` (one table per objective, as
    /// Word tables are often laid out): most first cells are labels, and the
    /// second column is no label.
    func isLabelTable(_ rows: [Document.Row]) -> Bool {
        guard rows.count >= 2, rows.allSatisfy({ $0.cells.count >= 2 }) else { return false }
        if let second = rows.first?.cells[1], !second.isEmpty, columnField(InlineText.plain(bytes, second)) != nil { return false }
        let labelled = rows.filter { rowLabel($0.cells[0]) != nil }.count
        return labelled >= 2 && labelled * 2 >= rows.count
    }

    /// What a label row's first cell says: a field, or a `Link to Objective N` marker.
    enum RowLabel {
        case field(FieldName)
        case marker(ObjectiveMarker)

        /// Whether the row starts an objective or gives its statement.
        var startsObjective: Bool {
            switch self {
            case .marker: true
            case .field(let field): field == .objective
            }
        }
    }

    func rowLabel(_ cell: Range<Int>) -> RowLabel? {
        let text = InlineText.plain(bytes, cell)
        guard !text.isEmpty else { return nil }
        if let marker = ObjectiveMarker(text), marker.kind != .unnumbered, marker.startsObjectiveInLine { return .marker(marker) }
        if let field = labels.field(forLabel: text) { return .field(field) }
        // Two labels run together where Word merged cells: `Lead Person/ Responsibility Success Criteria`.
        let words = text.split(separator: " ")
        guard words.count <= 10 else { return nil }  // two labels are a few words, not a cell of prose
        for cut in stride(from: words.count - 1, through: 1, by: -1) {
            if let first = labels.field(forLabel: words[..<cut].joined(separator: " ")),
               labels.field(forLabel: words[cut...].joined(separator: " ")) != nil {
                return .field(first)
            }
        }
        return nil
    }

    // MARK: Rows of tab-separated cells

    /// Rows of a Word table saved as text: label rows, a header row with the
    /// rows under it, and rows that continue the row above.
    mutating func tabRows(_ rows: [Document.Row]) {
        var index = 0
        while index < rows.count {
            guard let (header, afterHeader) = header(rows, at: index) else {
                var end = index + 1
                while end < rows.count, self.header(rows, at: end) == nil { end += 1 }
                labelRows(rows[index..<end])
                index = end
                continue
            }
            structure(rows[index..<afterHeader])
            index = afterHeader
            var body: [Document.Row] = []
            while index < rows.count {
                if let (repeated, next) = self.header(rows, at: index) {
                    // The same header again, where the table runs onto a new page.
                    guard headerKey(repeated) == headerKey(header) else { break }
                    structure(rows[index..<next])
                    index = next
                    continue
                }
                body.append(rows[index])
                index += 1
            }
            let headers = header.map { headerText($0) }
            let names = columnFields(headers)
            headerTable(columns: names, headers: headers, rows: mergedRows(body, columns: names), wrapping: true)
        }
    }

    /// The header that starts at a row, if one does: its cells (a header
    /// cell that wrapped onto the rows below, `Link to Public` / `Sector
    /// Equality` / `Duty`, joined up), and the index of the row after it.
    func header(_ rows: [Document.Row], at index: Int) -> ([[Range<Int>]], Int)? {
        let (cells, next) = headerCells(rows, at: index)
        return isHeader(cells) ? (cells, next) : nil
    }

    /// Records header rows as the plan's structure.
    mutating func structure(_ rows: ArraySlice<Document.Row>) {
        plan.structuralLines += rows.map { source.range(of: $0.span) }
    }

    /// A header row's cells, with a row that continues them (`Time` above
    /// `frame`), and the index of the row after them.
    func headerCells(_ rows: [Document.Row], at index: Int) -> ([[Range<Int>]], Int) {
        var header = rows[index].cells.map { [$0] }
        var next = index + 1
        while next < rows.count, next - index <= 3, extendsHeader(rows[next].cells, header) {
            for (column, cell) in rows[next].cells.enumerated() where !cell.isEmpty && column < header.count {
                header[column].append(cell)
            }
            next += 1
        }
        return (header, next)
    }

    func headerText(_ parts: [Range<Int>]) -> String {
        parts.map { InlineText.plain(bytes, $0) }.joined(separator: " ")
    }

    func headerKey(_ header: [[Range<Int>]]) -> [String] {
        header.map { TextNormalizer.labelKey(headerText($0)) }
    }

    /// A header row: at least two cells, most of them labels eqlint knows.
    func isHeaderRow(_ cells: [Range<Int>]) -> Bool {
        isHeader(cells.map { [$0] })
    }

    /// Whether cells make a header: at least two cells, most of them labels
    /// eqlint knows, and not a `label | value` row.
    func isHeader(_ header: [[Range<Int>]]) -> Bool {
        let filled = header.filter { !$0.allSatisfy { $0.isEmpty } }
        guard filled.count >= 2 else { return false }
        if filled.count == 2, filled[0].count == 1, rowLabel(filled[0][0]) != nil, columnField(headerText(filled[1])) == nil { return false }
        let labels = filled.filter { columnField(headerText($0)) != nil }.count
        return labels >= 2 && labels * 2 >= filled.count
    }

    /// Whether a row continues the header's cells (`\t\t\tframe\t` under
    /// `Time`): it has text only under header cells that are no label yet,
    /// and makes at least one of them a label, or leaves it unfinished
    /// (`Sector Equality` under `Link to Public`, before `Duty`).
    func extendsHeader(_ cells: [Range<Int>], _ header: [[Range<Int>]]) -> Bool {
        let filled = cells.indices.filter { !cells[$0].isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0 < header.count }) else { return false }
        return filled.allSatisfy { column in
            let above = headerText(header[column])
            return !above.isEmpty && columnField(above) == nil
        }
    }

    /// The rows under a header, with the rows that continue a row (a cell
    /// that wrapped: fewer cells than the header, the objective's cell (or
    /// the first) empty, or it or the first cell with text starting in lower
    /// case) joined to it, and a letter or two cut off the
    /// word in the cell before it left out (`Ongoin` | `g Positive feedback`).
    func mergedRows(_ rows: [Document.Row], columns: [FieldName?]) -> [CellRow] {
        let key = columns.firstIndex(of: .objective) ?? 0
        var merged: [CellRow] = []
        for row in rows {
            let cells = row.cells.enumerated().map { column, cell in column > 0 ? withoutStrayFragment(cell) : cell }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            let keyCell = key < cells.count ? cells[key] : nil
            let firstFilled = cells.first { !$0.isEmpty }
            // `... from 87% to` / `93%`: the key cell above left its sentence open.
            let keyAbove = merged.last.flatMap { key < $0.cells.count ? $0.cells[key].last : nil }
            let carriesOn = keyAbove.map { above in keyCell.map { PlanRecovery.continues(InlineText.plain(bytes, above), with: InlineText.plain(bytes, $0)) } ?? false } ?? false
            let continues = !merged.isEmpty && (cells.count < columns.count || keyCell?.isEmpty != false || startsLowercase(keyCell!)
                || firstFilled.map { startsLowercase($0) } == true || carriesOn)
            guard continues else {
                merged.append(CellRow(cells: cells.map { $0.isEmpty ? [] : [$0] }, cellSpans: cells))
                continue
            }
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                while merged[merged.count - 1].cells.count <= column { merged[merged.count - 1].cells.append([]) }
                merged[merged.count - 1].cells[column].append(cell)
            }
        }
        return merged
    }

    func startsLowercase(_ span: Range<Int>) -> Bool {
        guard let first = span.first else { return false }
        return (0x61...0x7A).contains(bytes[first])
    }

    /// A cell without the letter or two at its start that belong to the word
    /// at the end of the cell before it (`g Positive feedback`), when what
    /// follows starts a sentence; the letters are not an English word.
    func withoutStrayFragment(_ cell: Range<Int>) -> Range<Int> {
        var index = cell.lowerBound
        while index < cell.upperBound, index - cell.lowerBound < 3, (0x61...0x7A).contains(bytes[index]) { index += 1 }
        let length = index - cell.lowerBound
        guard length >= 1, length <= 2, index + 1 < cell.upperBound, bytes[index] == 0x20,
              (0x41...0x5A).contains(bytes[index + 1]) else { return cell }
        let fragment = String(decoding: bytes[cell.lowerBound..<index], as: UTF8.self)
        guard !Self.shortWords.contains(fragment) else { return cell }
        return index + 1..<cell.upperBound
    }

    static let shortWords: Set<String> = [
        "a", "i", "o", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of",
        "on", "or", "so", "to", "up", "us", "we", "eg", "ie",
    ]

    // MARK: Label rows

    /// Rows of `label | value`: a `Link to Objective N` row starts objective
    /// N; an `Objective` row gives it its statement (or starts the next
    /// record); other labels are its fields; a row whose first cell is empty
    /// continues the field above. Rows before a row that starts an objective,
    /// with no blank line between, belong to that objective.
    mutating func labelRows(_ rows: ArraySlice<Document.Row>) {
        var lastField: FieldName?
        var index = rows.startIndex
        while index < rows.endIndex {
            let row = rows[index]
            let cells = row.cells
            let valueCells = cells.dropFirst().filter { !$0.isEmpty }
            let entry = valueCells.isEmpty ? nil : value(lines: Array(valueCells))
            guard let first = cells.first, !first.isEmpty else {
                // A cell that ran onto more lines: more of the field above.
                if let lastField, let entry { continueField(lastField, with: entry) } else if let entry { addText(entry) }
                index += 1
                continue
            }
            let holding = rows[index].followsBlankLine && runStartsObjective(rows[index...])
            let label = rowLabel(first)
            // `Date approved | 03/10/2024`, `Review date | 03/10/2025` before any objective: a
            // document-control table's rows give the plan's own dates (`Date | 14/03/2024` under `Approved by | ...` too).
            let rowAbove = index > rows.startIndex ? rows[index - 1].span : nil
            if !hasOpenObjective, !holding, label.map(\.startsObjective) != true,
               readFacts(value(row.span)) || entry.map({ readDateOfFact(label: first, date: $0.span, above: rowAbove) }) == true {
                lastField = nil
                index += 1
                continue
            }
            switch label {
            case .marker(let marker)?:
                let text = value(first)
                if !hasOpenObjective, case .evaluation = section, let known = existingObjective(marker) {
                    evaluationTarget = known
                    if let entry { addEvaluation(entry) }
                    lastField = nil
                } else {
                    openObjective(number: marker.number, title: "", at: text, origin: .record)
                    // What the row says beside the marker (the need it answers) is the objective's prose.
                    if let entry { objective?.text.append(entry) }
                    lastField = nil
                }
            case .field(let field)?:
                let name = fieldName(field, entry)
                if name == .objective, !hasOpenObjective || !Self.isHeadingOrigin(origin) {
                    if let stated = objective?.fields.hasEntries(.objective), !stated {
                        if let entry { setStatement(entry, label: source.range(of: first)) } else { awaitingStatement = true }
                    } else {
                        let anchor = value(first.lowerBound..<(valueCells.last?.upperBound ?? first.upperBound))
                        openObjective(number: nil, title: entry?.text ?? "", at: entry.map {
                            TextValue(text: $0.text, range: anchor.range, span: $0.span)
                        } ?? anchor, origin: .record)
                        objective?.anchor = anchor.range
                    }
                } else {
                    // `| Success criteria | Attendance rises…<br>Persistent absence falls… |`: each part a criterion.
                    let parts = valueCells.flatMap { InlineText.splitAtLineBreakTags(bytes, $0) }
                    let entries: [TextValue?] = name.listsEntries && parts.count > 1 ? parts.map { value($0) } : [entry]
                    for entry in entries {
                        if !hasOpenObjective || holding || origin == .record {
                            recordField(name, label: source.range(of: first), entry: entry, holding: holding)
                        } else if let entry {
                            addEntry(entry, to: name, label: source.range(of: first))
                        } else {
                            openField(name, label: source.range(of: first))
                        }
                    }
                }
                lastField = name
            case nil:
                // A row eqlint cannot place: prose of the objective.
                if hasOpenObjective { addText(value(lines: Array(cells.filter { !$0.isEmpty }))) }
                let label = InlineText.plain(bytes, first)
                if notesUnplaced, valueCells.count == 1, (1...5).contains(TextWords(label).count) {
                    plan.unplaced.append(UnplacedLine(text: value(row.span), kind: .unknownLabel, label: label))
                }
                lastField = nil
            }
            index += 1
        }
    }

    /// Whether a run of rows (up to the next blank line) holds a row that
    /// starts a new objective.
    func runStartsObjective(_ rows: ArraySlice<Document.Row>) -> Bool {
        for (offset, row) in rows.enumerated() {
            if offset > 0, row.followsBlankLine { return false }
            guard let first = row.cells.first, !first.isEmpty else { continue }
            switch rowLabel(first) {
            case .marker?: return offset > 0
            case .field(let field)? where field == .objective:
                return offset > 0 && (objective?.fields.hasEntries(.objective) ?? false)
            default: continue
            }
        }
        return false
    }

    /// More of a field from a row that continues a label row: another entry
    /// of a field that lists things (success criteria, actions, progress),
    /// or more of the same entry otherwise (a lead over two lines).
    mutating func continueField(_ field: FieldName, with entry: TextValue) {
        if let last = heldForNextObjective.last, last.field == field {
            heldForNextObjective.append((field, last.label, entry))
            return
        }
        guard hasOpenObjective else { return }
        if !field.listsEntries, let previous = objective?.fields.entries(of: field).last {
            // The statement's cell ran on: the title runs on with it.
            if field == .objective, previous.text == objective?.title { objective?.title += " " + entry.text }
            return replace(previous, with: previous.joined(with: entry), in: field == .objective ? .title : .field(field))
        }
        addEntry(entry, to: field, label: entry.range)  // the label of a field not yet open
    }

    // MARK: Tables with a header

    /// A table with a header row: inside an objective, each row is an
    /// action; outside, with an objective column, each row is an objective;
    /// else a plan-level table (or nothing).
    /// `wrapping`: the parts of a cell are lines it wrapped onto (a Word
    /// table saved as text), read as one entry; else each part (split at
    /// `<br>`) is an entry.
    mutating func headerTable(columns: [FieldName?], headers: [String], rows: [CellRow], wrapping: Bool) {
        if hasOpenObjective {
            actionTable(columns: columns, headers: headers, rows: rows, wrapping: wrapping)
        } else if columns.contains(.objective) {
            objectivesTable(columns: columns, headers: headers, rows: rows, wrapping: wrapping)
        }
    }

    /// Inside an objective: each row is an action with its own fields.
    mutating func actionTable(columns: [FieldName?], headers: [String], rows: [CellRow], wrapping: Bool) {
        guard columns.contains(where: { $0 != nil }) else {
            for row in rows { addText(value(parts: row.cells.flatMap { $0 })) }
            return
        }
        for row in rows where !row.cells.allSatisfy({ $0.isEmpty }) {
            var action = Action(anchor: source.range(of: row.span))
            action.fields.reserveCapacity(min(columns.count, Self.usualFieldCount))
            for (column, (cell, field)) in zip(row.cells, columns).enumerated() {
                guard let field else { continue }
                let entries = cellEntries(cell, wrapping: wrapping)
                objective?.text.append(contentsOf: entries)
                guard !entries.isEmpty else { continue }
                Self.add(entries, to: field, in: &action.fields, label: source.range(of: row.cellSpans[min(column, row.cellSpans.count - 1)]),
                         labelText: headers[column])
            }
            objective?.actions.append(action)
        }
    }

    /// Adds a cell's entries to a field: a field not there yet is made with
    /// them (their array kept, not copied into a new one), its label worked out only then.
    /// (`Fields.addEntries`, not an optional field changed through its
    /// subscript: that accessor cost more than the look-up. Nor its
    /// `default:` subscript: `label`, carried into that accessor's closure,
    /// had this whole recovery copied at each cell.)
    static func add(_ entries: [TextValue], to field: FieldName, in fields: inout Fields,
                    label: @autoclosure () -> SourceRange, labelText: String) {
        if !fields.addEntries(entries, to: field) {
            fields[field] = Field(name: field, label: label(), entries: entries, labelText: labelText)
        }
    }

    /// A cell's entries: one per part, or with `wrapping`, the parts read as one.
    func cellEntries(_ parts: [Range<Int>], wrapping: Bool) -> [TextValue] {
        if wrapping {
            guard !parts.isEmpty else { return [] }
            let joined = value(parts: parts)
            return joined.text.isEmpty ? [] : [joined]
        }
        // One array, made to size, the empty parts left out as they are read.
        var entries: [TextValue] = []
        entries.reserveCapacity(parts.count)
        for part in parts {
            let entry = value(part)
            if !entry.text.isEmpty { entries.append(entry) }
        }
        return entries
    }

    /// Outside any objective, a table with an Objective column: one objective per row.
    /// A row whose objective cell is empty continues the row above.
    mutating func objectivesTable(columns: [FieldName?], headers: [String], rows: [CellRow], wrapping: Bool) {
        guard let objectiveColumn = columns.firstIndex(of: .objective) else { return }
        var current: Objective?
        for row in rows where !row.cells.allSatisfy({ $0.isEmpty }) {
            let statementParts = objectiveColumn < row.cells.count ? row.cells[objectiveColumn] : []
            let statement = statementParts.isEmpty ? nil : value(parts: statementParts)
            if !(statement?.text.isEmpty ?? true) || current == nil {
                if let finished = current { finishTableObjective(finished) }
                current = Objective(number: nil, title: statement?.text ?? "", anchor: statement?.range ?? source.range(of: row.cellSpans[0]))
                current?.fields.reserveCapacity(Self.usualFieldCount)
                current?.text.reserveCapacity(Self.usualTextCount)
            }
            for (column, (cell, field)) in zip(row.cells, columns).enumerated() {
                let entries = cellEntries(cell, wrapping: wrapping)
                current?.text.append(contentsOf: entries)
                guard let field, !entries.isEmpty else { continue }
                if field == .number {
                    // `No.` | `1`: the objective's number, as the plan gives it.
                    if let number = entries.first?.text, number.count <= 4, number.first?.isNumber == true { current?.number = number }
                    continue
                }
                if current != nil {
                    Self.add(entries, to: field, in: &current!.fields, label: source.range(of: row.cellSpans[min(column, row.cellSpans.count - 1)]),
                             labelText: headers[column])
                }
            }
        }
        if let finished = current { finishTableObjective(finished) }
    }

    mutating func finishTableObjective(_ finished: Objective) {
        var objective = finished
        addDeadlineAsTimescale(&objective)
        plan.objectives.append(objective)
    }

    // MARK: Plan-level tables

    mutating func planLevelTable(_ rows: ArraySlice<Document.Row>) {
        for row in rows where row.cells.count >= 2 {
            switch section {
            case .glossary: defineTerm(row.cells[0], meaning: row.cells[1])
            case .childFriendly(_, let heading):
                let key = ObjectiveMarker(InlineText.plain(bytes, row.cells[0]))
                childTexts.append((key?.number ?? key?.title ?? InlineText.plain(bytes, row.cells[0]), value(row.cells[1]), heading))
            default: return
            }
        }
    }
}

extension FieldName {
    /// Whether each paragraph of the field is an entry of its own (success
    /// criteria, actions, progress), so a Word cell's paragraphs are kept
    /// apart; other fields (a lead, a timescale) read as one entry.
    var listsEntries: Bool {
        ["success", "actions", "evaluation"].contains(rawValue)
    }

    /// Whether the field's value, under a label alone on its line, is one
    /// paragraph (a lead, a timescale), not all the paragraphs that follow.
    var takesOneParagraph: Bool {
        ["lead", "timescale", "aim", "characteristics", "groups", "resources", "oversight"].contains(rawValue)
    }
}
