import EqlintText
import Foundation

/// Reads a plan: the reader for the file's format turns it into a
/// `Document`, and `PlanRecovery` finds the plan in it. It never fails: what
/// it does not recognise it keeps out of the way.
public struct PlanParser: Sendable {
    public let vocabulary: Vocabulary
    /// The vocabulary's labels, for looking up by bytes (built once).
    let labels: LabelTable

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        labels = LabelTable(vocabulary: vocabulary)
    }

    private init(vocabulary: Vocabulary, labels: LabelTable) {
        self.vocabulary = vocabulary
        self.labels = labels
    }

    /// The same parser, its vocabulary's patterns recording their stops in
    /// one plan's record (`Vocabulary.stopping(in:)`); its labels are not built again.
    public func stopping(in stops: PatternStops) -> PlanParser {
        PlanParser(vocabulary: vocabulary.stopping(in: stops), labels: labels)
    }

    /// - Parameter notingUnplaced: note the lines that look like labels or
    ///   objectives but were not placed (for `eqlint outline`; checking needs none).
    public func parse(_ source: SourceFile, notingUnplaced: Bool = false) -> Plan {
        recover(DocumentReaders.reader(for: source).read(source), notingUnplaced: notingUnplaced)
    }

    /// Loads a plan file for checking: its text, as its reader gives it. A
    /// document whose findings are placed in its conversion (.docx, .pdf)
    /// is converted to the plan format here, and that is the text checked.
    public func load(path: String, displayPath: String? = nil) throws(InputError) -> SourceFile {
        let name = displayPath ?? path
        let reader = DocumentReaders.reader(forPath: path)
        let source = try reader.load(path: path, displayPath: name)
        guard reader.placesFindingsInConversion else { return source }
        return convert(source)
    }

    /// A plan file in the plan format, as `eqlint convert` writes it.
    public func convert(path: String, displayPath: String? = nil) throws(InputError) -> String {
        let name = displayPath ?? path
        let reader = DocumentReaders.reader(forPath: path)
        let source = try reader.load(path: path, displayPath: name)
        return String(decoding: convert(source).bytes, as: UTF8.self)
    }

    /// A loaded file's plan in the plan format (`eqlint convert`), as a
    /// Markdown file named as the original.
    public func convert(_ source: SourceFile) -> SourceFile {
        let document = DocumentReaders.reader(for: source).read(source)
        var converted = SourceFile(path: source.path, text: PlanWriter.markdown(recover(document), from: document, vocabulary: vocabulary))
        converted.format = MarkdownReader().format
        return converted
    }

    /// The plan in a document read by any reader.
    public func recover(_ document: Document, notingUnplaced: Bool = false) -> Plan {
        var recovery = PlanRecovery(document: document, vocabulary: vocabulary, labels: labels)
        recovery.notesUnplaced = notingUnplaced
        return recovery.build()
    }
}

/// Recovers a plan's structure from a `Document`, whatever layout the school
/// used (`docs/plan-format.md`, and the layouts of plans found in the wild):
/// objective sections at any heading level; objectives marked by a line
/// (`Objective 1: ...`), a label (`Objective: ...`) or a `Link to Objective
/// N` row; lists and statements under a heading or line that names the
/// equality objectives; tables with an objective column; fields as label
/// lines, sub-headings, label rows and action tables; and the plan's period,
/// publication, approval and review, from its front matter or its text.
struct PlanRecovery {
    /// Makes `PlanRecovery` address-only (an existential is), so that its
    /// methods read it where it is: a loadable struct of its size (1.7 KB)
    /// was copied to the stack each time a mutating method called a
    /// non-mutating one (`value(lines:)`, `lineMarker`, ...), some 15,000
    /// copies for 100 plans.
    private let readInPlace: any Sendable = ()
    let document: Document
    let vocabulary: Vocabulary
    /// The vocabulary's labels, looked up by bytes.
    let labels: LabelTable
    /// The document's text and its bytes, kept apart so that reading them copies nothing.
    let source: SourceFile
    let bytes: [UInt8]

    var plan = Plan()
    var firstHeading: TextValue?
    /// Lines that may name the plan (`EQUALITY OBJECTIVES: 2020 - 2024`), for its title and period.
    var namingLines: [TextValue] = []
    /// Plan-level sentences that mention the objectives, where a period may be given in passing.
    var periodSentences: [TextValue] = []
    /// The last plan-level text, to which a sentence split by a hard line break is joined.
    var planText: TextValue?

    /// A plan-level section with a meaning of its own. `level` is nil for a
    /// section opened by a line rather than a heading.
    enum Section {
        case prose
        case glossary(level: Int)
        case childFriendly(level: Int, heading: SourceRange)
        /// Under a heading or line that names the equality objectives: its
        /// lists (and, failing all else, its statements) are objectives.
        case objectives(level: Int?)
        /// A monitoring or progress section after the objectives: what it
        /// says of an objective is that objective's evaluation.
        case evaluation(level: Int?)
    }
    var section = Section.prose

    /// How the open objective was marked, which decides what ends it.
    enum Origin: Equatable {
        /// A heading: it runs to the next heading of its level or higher.
        case heading(level: Int)
        /// A line (`Objective 1: ...`): it runs to the next objective, a
        /// heading, or a line that reads as a heading of another section.
        case line
        /// A record of label lines or label rows (`Objective: ...`, `Link to Objective 1`).
        case record
        /// An item of a list of objectives.
        case listItem(indent: Int)
    }

    /// The objective being read, and how it was marked.
    var objective: Objective?
    var origin = Origin.heading(level: 0)
    /// Whether an objective is open. (`objective != nil` copied the open
    /// objective to compare it, its parts retained and released, at each test.)
    var hasOpenObjective: Bool {
        if case .some = objective { return true }
        return false
    }
    /// Fields given before the open record objective's statement (a record
    /// that starts with them: the next such field starts the next record).
    var fieldsBeforeStatement: Set<FieldName> = []
    /// Where the open objective stood, when it was read before and opened again.
    var reopened: Int?
    /// Whether the open objective's statement is still to come (a marker alone on its line).
    var awaitingStatement = false
    /// Label lines or rows read before the objective they belong to.
    var heldForNextObjective: [(field: FieldName, label: SourceRange, entry: TextValue?)] = []

    /// A sub-heading that names a field, and its level.
    var headingField: (name: FieldName, level: Int)?
    /// A label line with no value: the blocks that follow are its entries.
    var pendingLabel: FieldName? {
        didSet { pendingLabelHasList = false }
    }
    /// Whether list items have been read into the pending label: a paragraph after them ends it.
    var pendingLabelHasList = false
    /// The last piece of text read and where it went, so that a sentence a
    /// hard line break split can be joined again.
    var lastText: LastText?
    /// A piece of text and where it went. (A struct, not a tuple: a tuple was
    /// destroyed through the run time's generic code each time it was replaced.)
    struct LastText {
        var value: TextValue
        var target: TextTarget
    }
    enum TextTarget { case title, field(FieldName), prose }

    /// Child-friendly text from a plan-level section, to be matched to objectives.
    var childTexts: [(key: String?, value: TextValue, heading: SourceRange)] = []
    var childKey: String?
    /// In a monitoring section: the objective its text is about.
    var evaluationTarget: Int?
    /// Each objective's statement as `TextNormalizer.labelKey` gives it, for
    /// finding a statement repeated in a monitoring section (worked out once).
    var titleKeys: [String] = []
    /// The longest of `titleKeys` of 20 bytes or more (0 for none), and whether those are ASCII.
    var longestTitleKey = 0
    var titleKeysAreASCII = true
    /// Whether to note lines that look like labels or objectives but are not placed.
    var notesUnplaced = false
    /// Statements under a heading that names the objectives, each an
    /// objective if nothing else in the plan is.
    var statementCandidates: [TextValue] = []
    /// The list objective that prose after it closed, where it stands, and
    /// that prose: a label line of one of its fields next takes it up again,
    /// the prose with it (`1. Improve writing`, a paragraph on why, `Led by:
    /// EYFS Leader`). A heading, a plan fact or another objective ends it.
    var closedListObjective: (index: Int, origin: Origin, texts: [TextValue])?

    init(document: Document, vocabulary: Vocabulary, labels: LabelTable) {
        self.document = document
        self.vocabulary = vocabulary
        self.labels = labels
        source = document.source
        bytes = document.source.bytes
    }

    mutating func build() -> Plan {
        plan.format = document.format
        let blocks = document.blocks
        for (index, block) in blocks.enumerated() {
            switch block {
            case .frontMatter(let lines): readFrontMatter(lines)
            case .heading(let level, let text): heading(level: level, span: text)
            case .paragraph(let lines): paragraph(lines, standalone: isStandalone(at: index, in: blocks))
            case .listItem(let item): listItem(item)
            case .table(let table): self.table(table)
            case .comment(let span): plan.comments.append(TextValue(text: source.text(span), range: source.range(of: span), span: span))
            case .separator: break
            }
        }
        closeObjective()
        heldForNextObjective = []
        if plan.objectives.isEmpty { adoptStatementCandidates() }
        findTitle()
        attachChildFriendlyTexts()
        readDates()
        return plan
    }

    /// Whether the block at `index` is a one-line paragraph with a blank line
    /// (or the file's start or end) on each side: a line that may be a heading.
    func isStandalone(at index: Int, in blocks: [Document.Block]) -> Bool {
        guard case .paragraph(let lines) = blocks[index], lines.count == 1 else { return false }
        let before = index == 0 || blocks[index - 1] == .separator || { if case .frontMatter = blocks[index - 1] { return true }; return false }()
        let after = index + 1 == blocks.count || blocks[index + 1] == .separator
        return before && after
    }

    // MARK: Values

    func value(_ span: Range<Int>) -> TextValue {
        TextValue(text: InlineText.plain(bytes, span), range: source.range(of: span), span: span)
    }

    /// One value over several lines or cell parts, joined with spaces.
    /// (Never inlined: inlined into a table's loop, reading `bytes` and
    /// `source` there had the whole recovery copied at each cell.)
    @inline(never)
    func value(lines: [Range<Int>]) -> TextValue {
        Self.value(lines: lines[...], bytes: bytes, source: source)
    }

    /// `value(lines:)` of a run of lines (a paragraph's, with no array made for them).
    @inline(never)
    func value(lines: ArraySlice<Range<Int>>) -> TextValue {
        Self.value(lines: lines, bytes: bytes, source: source)
    }

    /// `value(lines:)`'s work, given what it reads.
    static func value(lines: ArraySlice<Range<Int>>, bytes: [UInt8], source: SourceFile) -> TextValue {
        if lines.count == 1 {
            let span = lines[lines.startIndex]
            return TextValue(text: InlineText.plain(bytes, span), range: source.range(of: span), span: span)
        }
        let first = lines.first ?? 0..<0
        let last = lines.last ?? first
        let span = first.lowerBound..<last.upperBound
        // Each line's words, joined with a space into one buffer: one `String` made, not one a line.
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
        for line in lines {
            let joined = text.count
            if !text.isEmpty { text.append(0x20) }
            let start = text.count
            InlineText.appendPlain(bytes, line, to: &text)
            if text.count == start { text.removeLast(text.count - joined) }  // a line with no words: no space for it
        }
        return TextValue(text: String(decoding: text, as: UTF8.self), range: source.range(of: span), span: span)
    }

    /// One value from parts that are not one stretch of the file (cells of
    /// several rows): its words are read from the parts alone.
    func value(parts: [Range<Int>]) -> TextValue {
        var joined = value(lines: parts)
        if parts.count > 1 { joined.parts = parts }
        return joined
    }

    // MARK: Headings

    mutating func heading(level: Int, span: Range<Int>) {
        let text = value(span)
        // `case .none`, not `== nil`: comparing with nil copied the value held (its text and parts
        // retained, then released) at every heading.
        if case .none = firstHeading { firstHeading = text }
        closedListObjective = nil
        if level == 1, case .none = plan.title, case .none = objective { plan.title = text }
        lastText = nil
        planText = nil

        switch section {
        case .childFriendly(let sectionLevel, _) where level > sectionLevel:
            childKey = text.text
            return
        case .glossary(let sectionLevel) where level > sectionLevel:
            return  // "### Staff roles" groups terms; the Glossary goes on
        case .evaluation(let sectionLevel) where level > (sectionLevel ?? 0):
            if let marker = ObjectiveMarker(text.text), let known = existingObjective(marker) {
                evaluationTarget = known
                return
            }
        default:
            break
        }
        if let marker = ObjectiveMarker(text.text) {
            openObjective(number: marker.number, title: marker.title, at: text, origin: .heading(level: level))
            return
        }
        // `## 1. Improve attendance` under a heading that names the objectives.
        if case .objectives(let sectionLevel?) = section, !hasOpenObjective || origin == .heading(level: level),
           level > sectionLevel, let (number, title) = Self.numberedTitle(text.text) {
            openObjective(number: number, title: title, at: text, origin: .heading(level: level))
            return
        }
        // The field the heading names, looked up once for an objective's field or a section.
        let field = labels.field(forLabel: text.text)
        if hasOpenObjective {
            if case .heading(let objectiveLevel) = origin, level > objectiveLevel {
                pendingLabel = nil
                if let field {
                    headingField = (field, level)
                    openField(field, label: text.range)
                } else {
                    if let open = headingField, level <= open.level { headingField = nil }
                    objective?.text.append(text)
                }
                return
            }
            // A field's heading inside an objective marked by a line or a record.
            if let field, !Self.isHeadingOrigin(origin) {
                pendingLabel = nil
                headingField = (field, level)
                openField(field, label: text.range)
                return
            }
        }
        closeObjective()
        enterSection(named: text, level: level, field: field)
    }

    /// Room for an objective's (or an action's) fields, made once rather than grown field by field.
    static let usualFieldCount = 12
    /// Room for the pieces of an objective's text, likewise.
    static let usualTextCount = 16

    /// Appends an entry to a field's entries, room for a few made at the
    /// first (a field made here, or opened by its label alone, has none):
    /// not grown from one to two to four.
    static func append(_ entry: TextValue, to entries: inout [TextValue]) {
        if entries.capacity == 0 { entries.reserveCapacity(4) }
        entries.append(entry)
    }

    static func isHeadingOrigin(_ origin: Origin) -> Bool {
        if case .heading = origin { return true }
        return false
    }

    /// Sets the plan-level section a heading (or a line read as one) opens;
    /// `field` is the field its text names as a label (`labels.field(forLabel: text.text)`).
    mutating func enterSection(named text: TextValue, level: Int?, field: FieldName?) {
        evaluationTarget = nil
        // A progress section matters only once there are objectives (or statements) for it to be about.
        let afterObjectives = !plan.objectives.isEmpty || !statementCandidates.isEmpty
        let named = field ?? (afterObjectives ? leadingEvaluationLabel(text.text) : nil)
        // A progress section that follows statements under the heading naming the
        // objectives (and nothing else marks any): those statements are the objectives.
        if named == .evaluation, case .objectives = section, plan.objectives.isEmpty { adoptStatementCandidates() }
        switch named {
        case .glossary?: section = .glossary(level: level ?? 0)
        case .child?:
            section = .childFriendly(level: level ?? 0, heading: text.range)
            childKey = nil
        case .evaluation? where !plan.objectives.isEmpty:
            section = .evaluation(level: level)
        default:
            if namesObjectives(text.text) {
                section = .objectives(level: level)
                namingLines.append(text)
            } else {
                section = .prose
            }
        }
    }

    /// `1. Improve attendance` or `2) Reduce bullying`: its number and the rest.
    static func numberedTitle(_ text: String) -> (String, String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let separator = rest.first, separator == "." || separator == ")" else { return nil }
        let title = rest.dropFirst().drop { $0 == " " }
        guard !title.isEmpty else { return nil }
        return (String(digits), String(title))
    }

    // MARK: Objectives

    /// Closes the open objective and opens another.
    mutating func openObjective(number: String?, title: String, at text: TextValue, origin: Origin) {
        let takesHeld = origin == .record
        closeObjective(keepingHeld: takesHeld)
        if !takesHeld { heldForNextObjective = [] }
        if case .objectives = section {} else if case .evaluation = section { section = .prose }
        var opened = Objective(number: number, title: title, anchor: text.range)
        opened.fields.reserveCapacity(Self.usualFieldCount)
        opened.text.reserveCapacity(Self.usualTextCount)
        let statement = TextValue(text: title, range: text.range, span: text.span, parts: text.parts)
        if !title.isEmpty {
            opened.text.append(statement)
            opened.fields[.objective] = Field(name: .objective, label: text.range, entries: [statement])
        }
        objective = opened
        planText = nil
        closedListObjective = nil
        self.origin = origin
        awaitingStatement = title.isEmpty && !Self.isHeadingOrigin(origin)
        lastText = title.isEmpty ? nil : LastText(value: statement, target: .title)
        if takesHeld { takeHeldFields() }
    }

    /// Closes the open objective; fields held for a next record go to it,
    /// unless that next record is being opened.
    mutating func closeObjective(keepingHeld: Bool = false) {
        guard var finished = objective else { return }
        if !keepingHeld { releaseHeldFields(into: &finished) }
        if let place = reopened {
            // An objective read again goes back where it was, its deadline already read.
            plan.objectives.insert(finished, at: place)
            reopened = nil
        } else {
            addDeadlineAsTimescale(&finished)
            plan.objectives.append(finished)
        }
        objective = nil
        headingField = nil
        pendingLabel = nil
        awaitingStatement = false
        fieldsBeforeStatement = []
        lastText = nil
    }

    /// Takes up again the list objective that prose closed (`closedListObjective`),
    /// with that prose as its text, when it is still the last objective read.
    mutating func takeUpClosedListObjective() {
        guard let closed = closedListObjective else { return }
        closedListObjective = nil
        guard closed.index == plan.objectives.count - 1 else { return }
        reopen(at: closed.index, origin: closed.origin)
        statementCandidates.removeAll { candidate in closed.texts.contains { $0.span == candidate.span } }
        for text in closed.texts { addText(text) }
    }

    /// Opens again an objective already read, to read more of it (notes
    /// after a table of objectives, under the objective's number and statement).
    mutating func reopen(number: String) {
        closeObjective()
        guard let index = plan.objectives.firstIndex(where: { $0.number == number }) else { return }
        reopen(at: index, origin: .line)
    }

    /// Opens again the objective read at `index`; it goes back there when closed.
    private mutating func reopen(at index: Int, origin: Origin) {
        objective = plan.objectives.remove(at: index)
        reopened = index
        self.origin = origin
        awaitingStatement = false
        lastText = nil
    }

    /// The index of an objective already read that a marker names again (in a monitoring section).
    func existingObjective(_ marker: ObjectiveMarker) -> Int? {
        guard let number = marker.number else { return nil }
        return plan.objectives.firstIndex { $0.number == number }
    }

    /// A deadline in the objective's own statement ("… by July 2026") is a
    /// timescale for it; so is one in its success criteria ("Attendance rises
    /// to 91% by July 2027") when nothing else says when (no timescale, no
    /// action's time frame). The timescale is the deadline phrase alone ("by
    /// July 2026"), not the other dates the text names ("from 6% in 2024/25").
    func addDeadlineAsTimescale(_ objective: inout Objective) {
        var texts = objective.fields.entries(of: .objective)
        if !objective.fields.contains(.timescale), !objective.actions.contains(where: { $0.fields.contains(.timescale) }) {
            texts += objective.fields.entries(of: "success")
        }
        for statement in texts {
            guard let deadline = DateReader.deadlinePhrase(in: statement.text) else { continue }
            let phrase = Array(statement.text.utf8)[deadline.bytes]
            var entry = statement
            entry.text = String(decoding: phrase, as: UTF8.self)
            entry.parts = nil
            // Where the phrase is written as it reads (no markup inside it), point at it.
            for part in statement.spans {
                if let start = ByteText.find(bytes, phrase, in: part) {
                    entry.span = start..<start + phrase.count
                    entry.range = source.range(of: entry.span)
                    break
                }
            }
            if !objective.fields.contains(.timescale) {
                objective.fields[.timescale] = Field(name: .timescale, label: statement.range)
            }
            objective.fields[.timescale]?.entries.append(entry)
            return
        }
    }

    /// Gives the open objective its statement (a marker alone on its line, or a `Link to Objective` row).
    mutating func setStatement(_ statement: TextValue, label: SourceRange) {
        guard hasOpenObjective else { return }
        if objective!.title.isEmpty { objective!.title = statement.text }
        objective!.fields[.objective, default: Field(name: .objective, label: label)].entries.append(statement)
        objective!.text.append(statement)
        awaitingStatement = false
        lastText = LastText(value: statement, target: .title)
    }

    // MARK: Fields

    mutating func openField(_ field: FieldName, label: SourceRange) {
        if hasOpenObjective, !(objective?.fields.contains(field) ?? true) {
            objective?.fields[field] = Field(name: field, label: label)
        }
    }

    mutating func addEntry(_ entry: TextValue, to field: FieldName, label: SourceRange) {
        guard !entry.text.isEmpty else { return openField(field, label: label) }
        if hasOpenObjective {
            // One look-up: the field opened if need be, and the entry added to it.
            Self.append(entry, to: &objective!.fields[field, default: Field(name: field, label: label)].entries)
            objective!.text.append(entry)
        }
        lastText = LastText(value: entry, target: .field(field))
    }

    /// Where text that is not a label line goes: the open label, the field
    /// sub-heading, the statement still to come, or else the objective's prose.
    mutating func addText(_ entry: TextValue) {
        guard !entry.text.isEmpty else { return }
        if let field = pendingLabel ?? headingField?.name {
            addEntry(entry, to: field, label: entry.range)  // the label of a field not yet open
            // A lead or a timescale is one paragraph: what follows it (a page's footer) is not.
            if pendingLabel == field, field.takesOneParagraph { pendingLabel = nil }
        } else if awaitingStatement {
            setStatement(entry, label: entry.range)
        } else {
            objective?.text.append(entry)
            lastText = LastText(value: entry, target: .prose)
        }
    }

    /// A piece of text that starts in lower case after one that did not end
    /// a sentence: the rest of it, split off by a hard line break. Joins it
    /// to that text and says whether it did.
    mutating func joinSplitSentence(_ entry: TextValue) -> Bool {
        // A sentence split by line breaks is a sentence: past a few thousand characters, joining
        // more would only cost time (a page of one-word paragraphs each continuing the last).
        guard let last = lastText, hasOpenObjective, last.value.text.utf8.count < 2000,
              Self.continues(last.value.text, with: entry.text) else {
            return false
        }
        let (previous, target) = (last.value, last.target)
        let joined = previous.joined(with: entry)
        replace(previous, with: joined, in: target)
        if case .title = target { objective?.title += " " + entry.text }
        return true
    }

    /// Whether `next` carries on a sentence `text` left open, split off by a
    /// hard line break: `text` ends with no sentence punctuation, and either
    /// `next` starts in lower case, or `text` ends with a comma or a word no sentence ends
    /// with (`... from 14 in` / `2024-25 to 5 or fewer`; `will be reviewed in` / `October 2026.`).
    static func continues(_ text: String, with next: String) -> Bool {
        guard let last = text.last, !".!?:;)".contains(last), let first = next.unicodeScalars.first else { return false }
        if CharacterSet.lowercaseLetters.contains(first) || last == "," { return true }
        guard let word = TextWords(String(text.suffix(12))).last else { return false }
        return Self.wordsThatEndNoSentence.contains(word)
    }

    /// Words a sentence does not end with: a line that ends with one goes on.
    static let wordsThatEndNoSentence: Set<String> = [
        "in", "from", "to", "by", "of", "at", "than", "and", "or", "the", "a", "an", "with", "for", "on", "until", "across",
        "between", "within", "into", "about", "among", "over", "under", "through", "towards", "without", "after", "before",
        "during", "against", "including", "who", "which", "that", "whose", "where", "their", "our", "its", "his", "her", "as",
    ]

    /// Puts a joined value where its first part was: in the open objective's
    /// text and in the field (or statement) it was read into.
    mutating func replace(_ previous: TextValue, with joined: TextValue, in target: TextTarget) {
        guard var open = objective else { return }
        func replace(_ values: inout [TextValue]) {
            if let index = values.lastIndex(of: previous) { values[index] = joined }
        }
        replace(&open.text)
        switch target {
        case .title: open.fields[.objective].map { _ in replace(&open.fields[.objective]!.entries) }
        case .field(let field): open.fields[field].map { _ in replace(&open.fields[field]!.entries) }
        case .prose: break
        }
        objective = open
        lastText = LastText(value: joined, target: target)
    }

    /// Fields read before their objective, given to the one just opened.
    mutating func takeHeldFields() {
        let held = heldForNextObjective
        heldForNextObjective = []
        for item in held {
            if let entry = item.entry { addEntry(entry, to: item.field, label: item.label) } else { openField(item.field, label: item.label) }
            fieldsBeforeStatement.insert(item.field)
        }
    }

    /// Fields held for an objective that never came go to the one before them, if any.
    mutating func releaseHeldFields(into target: inout Objective) {
        for item in heldForNextObjective {
            if !target.fields.contains(item.field) { target.fields[item.field] = Field(name: item.field, label: item.label) }
            if let entry = item.entry, !entry.text.isEmpty {
                target.fields[item.field]?.entries.append(entry)
                target.text.append(entry)
            }
        }
        heldForNextObjective = []
    }

    /// A label read in a record layout (label lines or label rows): held for
    /// the next objective when it starts the next record (no objective is
    /// open yet, the caller knows an `Objective` label follows, or the open
    /// record already has this field from before its statement), else a field
    /// of the open objective. Says whether it was held.
    @discardableResult
    mutating func recordField(_ field: FieldName, label: SourceRange, entry: TextValue?, holding: Bool = false) -> Bool {
        let repeatsRecordStart = origin == .record && fieldsBeforeStatement.contains(field)
            && (objective?.fields.hasEntries(.objective) ?? false) && (objective?.fields.hasEntries(field) ?? false)
        if holding || !hasOpenObjective || repeatsRecordStart || !heldForNextObjective.isEmpty {
            heldForNextObjective.append((field, label, entry))
            return true
        }
        if let entry { addEntry(entry, to: field, label: label) } else { openField(field, label: label) }
        return false
    }
}

/// The lower-cased words of a short text: runs of letters and digits (any
/// character outside ASCII but spaces and punctuation counts as a letter),
/// read a byte at a time.
func TextWords(_ text: String) -> [String] {
    var words: [String] = []
    var word: [UInt8] = []
    var text = text
    text.withUTF8 { bytes in
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = PhraseIndex.characterLength(byte, at: index, end: bytes.count)
            if PhraseIndex.isWordCharacter(bytes, at: index, length: length) {
                for offset in index..<index + length { word.append(bytes[offset] &- 0x41 < 26 ? bytes[offset] | 0x20 : bytes[offset]) }
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
            index += length
        }
    }
    if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
    return words
}

/// Whether a text has the word "objective" in it, in any case: a byte
/// search, eight bytes at a time for an `o` that may start it.
func mentionsObjective(_ text: String) -> Bool {
    let word: StaticString = "objective"  // its bytes read in place: no array made at each call
    let wordBytes = word.utf8Start
    let length = word.utf8CodeUnitCount
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.count >= length else { return false }
        let lastStart = bytes.count - length
        func starts(at start: Int) -> Bool {
            guard bytes[start] | 0x20 == 0x6F else { return false }
            var index = 1
            while index < length, bytes[start + index] | 0x20 == wordBytes[index] { index += 1 }
            return index == length
        }
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        var start = 0
        while start + 8 <= lastStart + 1 {
            // Each byte lower-cased and compared with `o`: a zero byte where one is (the test for a
            // zero byte may also flag bytes after a real one: each flagged group is read byte by byte).
            let x = (raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) | (ones &* 0x20)) ^ (ones &* 0x6F)
            if (x &- ones) & ~x & (ones &* 0x80) != 0 {
                for offset in 0..<8 where starts(at: start + offset) { return true }
            }
            start += 8
        }
        while start <= lastStart {
            if starts(at: start) { return true }
            start += 1
        }
        return false
    }
}

/// Whether a text has more than `limit` words, stopping as soon as it has.
func hasMoreWords(_ text: String, than limit: Int) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var count = 0
        var inWord = false
        var index = 0
        while index < bytes.count {
            let length = PhraseIndex.characterLength(bytes[index], at: index, end: bytes.count)
            let isWord = PhraseIndex.isWordCharacter(bytes, at: index, length: length)
            if isWord, !inWord {
                count += 1
                if count > limit { return true }
            }
            inWord = isWord
            index += length
        }
        return false
    }
}
