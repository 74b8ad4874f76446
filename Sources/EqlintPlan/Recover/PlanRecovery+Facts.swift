import EqlintText

/// The plan's own facts: front matter, title, period, publication, approval
/// and review; and the plan-level sections with a meaning (Glossary,
/// child-friendly versions).
extension PlanRecovery {
    // MARK: Front matter

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

    /// The plan's dates: from the front matter first, then from the text
    /// (the title, a line naming the objectives, `Published: December 2024`).
    mutating func readDates() {
        for key in Plan.dateKeys {
            guard let value = plan.frontMatter[key], !value.text.isEmpty else { continue }
            guard case .date(let span) = DateReader.read(value.text) else {
                plan.unreadableDates.append((key, value))
                continue
            }
            plan.setDate(key, DatedText(source: value, span: span, origin: .frontMatter))
        }
        guard plan.period == nil, !plan.hasFrontMatter("period") else { return }
        if let title = plan.title, let span = Self.period(in: title.text) ?? DateReader.span(in: title.text) {
            plan.period = DatedText(source: title, span: span, origin: .title)
            return
        }
        // `Our Equality Objectives for 2023-2024 are:`, `Hazelmere Primary School, Equality
        // Objectives 2026 to 2029.`: a line naming the objectives with a period in it.
        for line in namingLines + periodSentences {
            guard let span = Self.period(in: line.text) else { continue }
            plan.period = DatedText(source: line, span: span, origin: .text)
            return
        }
    }

    /// The period a text naming the objectives gives: the dates from the word
    /// "objectives" to the end of its clause (`Equality Objectives 2025-2028
    /// (approved on 20 November 2025)` gives 2025-2028), when they run half a
    /// year or more. Each clause is tried in turn: "We publish at least one
    /// equality objective every four years. Our objectives for 2025-2029 are
    /// set out below." gives 2025-2029.
    static func period(in text: String) -> DateSpan? {
        for clause in clausesAfterObjective(in: text) {
            guard let span = DateReader.span(in: clause), span.start != nil, span.end != nil,
                  span.years.map({ $0 >= 0.5 }) ?? false else { continue }
            return span
        }
        return nil
    }

    /// The text after each "objective" (any case) up to `(`, `.` or `;`, in order.
    static func clausesAfterObjective(in text: String) -> [String] {
        var text = text
        // Simple text (most is) is searched by bytes, the rest as Foundation searches.
        let simple: [String]? = text.withUTF8 { utf8 in
            guard SimpleText.isSimple(utf8, 0..<utf8.count) else { return nil }
            var clauses: [String] = []
            var from = 0
            while let word = SimpleText.find("objective", in: utf8, from..<utf8.count, ignoringCase: true) {
                var end = word + 9
                while end < utf8.count, utf8[end] != 0x28, utf8[end] != 0x2E, utf8[end] != 0x3B { end += 1 }
                clauses.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[(word + 9)..<end]), as: UTF8.self))
                from = end
            }
            return clauses
        }
        if let simple { return simple }
        var clauses: [String] = []
        var rest = text[...]
        while let word = rest.range(of: "objective", options: .caseInsensitive) {
            let clause = rest[word.upperBound...].prefix { !"(.;".contains($0) }
            clauses.append(String(clause))
            rest = rest[clause.endIndex...]
        }
        return clauses
    }

    /// The title: the first top-level heading outside the objectives (already
    /// set), else the first line naming the objectives that gives years, else
    /// the first heading, else the first line naming the objectives.
    mutating func findTitle() {
        guard plan.title == nil else { return }
        plan.title = namingLines.first { DateReader.span(in: $0.text) != nil } ?? firstHeading ?? namingLines.first
    }

    /// Reads the publication, approval and review dates a line gives
    /// (`Published: December 2024`, `Approved by the Full Governing Body:
    /// 14 November 2024`, `These were adopted in January 2024 and will be
    /// reviewed in January 2028.`): each phrase of the `publication`
    /// vocabulary with the date that follows it. Says whether it read any.
    @discardableResult
    mutating func readFacts(_ text: TextValue) -> Bool {
        // Every date eqlint can read has a digit in it (a year at least): most prose has none.
        guard ByteText.containsDigit(text.text) else { return false }
        var found = false
        if text.spans.count == 1, let label = LabelLine(bytes, text.span, labels: labels) {
            // `Review: July 2027` in a plan's header: the word alone is no phrase of the vocabulary
            // ("we review attendance each term"), but as a label with a date it gives the review.
            if plan.review == nil, label.field == .evaluation, TextNormalizer.labelKey(source.text(label.label)) == "review",
               case .date(let span) = DateReader.read(InlineText.plain(bytes, label.value)), !plan.hasFrontMatter("review") {
                plan.review = DatedText(source: value(label.value), span: span, origin: .text)
                return true
            }
            // `Date: 14 March 2024` under `Approved by: Full Governing Body` in a
            // document-control block: the date of the fact the line above names.
            let line = label.value.lowerBound..<(ByteText.find(bytes, 0x0A, in: label.value) ?? label.value.upperBound)
            found = label.field == .timescale && readDateOfFact(label: label.label, date: line, above: lineAbove(text))
        }
        // Each phrase, and the text after it up to the next phrase, across the
        // parts of a sentence that hard line breaks split.
        let spans = text.spans
        let phrases = spans.indices.flatMap { part in
            let found = vocabulary.find(VocabularySelection(list: "publication"), in: bytes, span: spans[part])
            let labels = reviewLabels(in: spans[part]).filter { label in !found.contains { $0.span.overlaps(label.span) } }
            return (labels.isEmpty ? found : (found + labels).sorted { $0.span.lowerBound < $1.span.lowerBound }).map { (part, $0) }
        }
        for (index, (part, phrase)) in phrases.enumerated() {
            let next = index + 1 < phrases.count ? phrases[index + 1] : nil
            var pieces: [Range<Int>] = []
            for later in part..<spans.count {
                let from = later == part ? phrase.span.upperBound : spans[later].lowerBound
                let to = next.map { $0.0 == later ? $0.1.span.lowerBound : spans[later].upperBound } ?? spans[later].upperBound
                var piece = ByteText.trim(bytes, from..<max(from, to))
                // `Approved: 24/09/2025`, `Published - December 2024`: the date after the punctuation.
                while let first = piece.first, bytes[first] == 0x3A || bytes[first] == 0x2D || bytes[first] == 0x3D {
                    piece = ByteText.trim(bytes, first + 1..<piece.upperBound)
                }
                if !piece.isEmpty { pieces.append(piece) }
                if let next, next.0 == later { break }
            }
            guard !pieces.isEmpty else { continue }
            let after = value(parts: pieces)
            switch DateReader.read(after.text) {
            case .none:
                continue
            case .unreadable:
                // Reported by plan-date-format, unless the front matter gives the date.
                if !plan.hasFrontMatter(phrase.group) { plan.unreadableDates.append((phrase.group, after)) }
            case .date(let dates):
                if plan.date(phrase.group) == nil {
                    plan.setDate(phrase.group, DatedText(source: after, span: dates, origin: .text))
                }
            }
            found = true
        }
        return found
    }

    /// `Date: 14 March 2024` (or a table's `Date | 14 March 2024` row) under
    /// a line naming one of the plan's facts with no date of its own
    /// (`Approved by: Full Governing Body`, `Ratified by governors`), as in a
    /// document-control block: the date is that fact's. Says whether it read one.
    mutating func readDateOfFact(label: Range<Int>, date: Range<Int>, above: Range<Int>?) -> Bool {
        guard let above, TextNormalizer.labelKey(source.text(label)) == "date",
              !bytes[above].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let named = vocabulary.find(VocabularySelection(list: "publication"), in: bytes, span: above)
        guard let group = named.first?.group, named.allSatisfy({ $0.group == group }),
              plan.date(group) == nil, !plan.hasFrontMatter(group),
              case .date(let span) = DateReader.read(InlineText.plain(bytes, date)) else { return false }
        plan.setDate(group, DatedText(source: value(date), span: span, origin: .text))
        return true
    }

    /// The last line with text before `text`'s first line, trimmed; nil at the top.
    func lineAbove(_ text: TextValue) -> Range<Int>? {
        var line = text.range.start.line - 2
        while line >= 0, ByteText.trim(bytes, source.lineSpan(line)).isEmpty { line -= 1 }
        return line >= 0 ? ByteText.trim(bytes, source.lineSpan(line)) : nil
    }

    /// `Review:` after another of the plan's facts on its line (`Approved:
    /// 03/10/2024 Review: 03/10/2025`, a document-control table's row): the
    /// word and its colon label the review date, though the word alone is no
    /// phrase of the vocabulary ("we review attendance each term").
    func reviewLabels(in span: Range<Int>) -> [VocabularyMatch] {
        var labels: [VocabularyMatch] = []
        var from = span.lowerBound
        while from < span.upperBound, let colon = ByteText.find(bytes, 0x3A, in: from..<span.upperBound) {
            from = colon + 1
            var end = colon
            while end > span.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let start = end - 6
            guard start >= span.lowerBound, (start == span.lowerBound || !DateWord.isLetter(bytes[start - 1])),
                  zip(bytes[start..<end], "review".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            labels.append(VocabularyMatch(span: start..<colon + 1, group: "review"))
        }
        return labels
    }

    // MARK: Plan-level sections

    /// Lines of a plan-level section; `key` names the objective they are for
    /// (a numbered item of a list of child-friendly versions), `text` is
    /// their value when the caller has made it already.
    mutating func planLevelLines(_ lines: [Range<Int>], key: String? = nil, text made: TextValue? = nil) {
        switch section {
        case .glossary: lines.forEach { glossaryLine($0) }
        case .childFriendly(_, let heading):
            let text = made ?? value(lines: lines)
            if let key {
                childTexts.append((key, text, heading))
            } else if let tagged = ObjectiveMarker(text.text) {
                let rest = TextValue(text: tagged.title, range: text.range, span: text.span)
                childTexts.append((tagged.number ?? tagged.title, rest, heading))
            } else {
                childTexts.append((childKey, text, heading))
            }
        default:
            return
        }
    }

    /// `TERM: meaning`, `**TERM** – meaning`, `TERM - meaning`, `TERM = meaning`.
    mutating func glossaryLine(_ line: Range<Int>) {
        if let (separator, length) = bytes.withUnsafeBufferPointer({ Self.glossarySeparator(in: $0, line) }) {
            return separator < 0 ? () : defineTerm(line.lowerBound..<separator, meaning: separator + length..<line.upperBound)
        }
        let text = source.text(line)
        // Whichever separator comes first ends the term: "HP – Head of School: leads the plan".
        let separators = [":", " \u{2013} ", " \u{2014} ", " - ", " = ", "\u{2013}", "\t"].compactMap { text.range(of: $0) }
        guard let range = separators.min(by: { $0.lowerBound < $1.lowerBound }) else { return }
        let termLength = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let meaningStart = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        defineTerm(line.lowerBound..<line.lowerBound + termLength, meaning: line.lowerBound + meaningStart..<line.upperBound)
    }

    /// In simple text, where the first glossary separator starts in `line` and
    /// its length, by bytes (`(-1, 0)` when there is none); nil for other text.
    static func glossarySeparator(in bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Int, Int)? {
        guard SimpleText.isSimple(bytes, line) else { return nil }
        func has(_ literal: StaticString, at index: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= line.upperBound else { return false }
            for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
            return true
        }
        // The separators `":", " – ", " — ", " - ", " = ", "–", "\t"`: no two start at the same byte.
        for index in line {
            switch bytes[index] {
            case 0x3A, 0x09: return (index, 1)
            case 0xE2 where has("\u{2013}", at: index): return (index, 3)
            case 0x20:
                if has(" \u{2013} ", at: index) || has(" \u{2014} ", at: index) { return (index, 5) }
                if has(" - ", at: index) || has(" = ", at: index) { return (index, 3) }
            default: break
            }
        }
        return (-1, 0)
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
                let wanted = ObjectiveMarker(key).map { $0.number ?? $0.title } ?? key
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

    // MARK: Tags

    /// Whether a text is a bracketed tag alone: `(Target = 95% by July 2025)`.
    func isTag(_ text: String) -> Bool {
        text.hasPrefix("(") && text.hasSuffix(")") && !text.dropFirst().dropLast().contains("(")
    }

    /// A statement without the tags at its end: `To raise attendance (Disability)` → `To raise attendance`.
    func untagged(_ text: String) -> String {
        var result = Substring(text)
        while result.hasSuffix(")"), let open = result.lastIndex(of: "("), tagField(String(result[result.index(after: open)..<result.index(before: result.endIndex)])) != nil {
            result = result[..<open]
            while result.last == " " { result.removeLast() }
        }
        return String(result)
    }

    /// The field a tag's words name: `Duty: Foster good relations` (a label
    /// and a value), `Target = 95%`, or a protected characteristic alone
    /// (`Disability`, `Ethnicity and race`).
    func tagField(_ inside: String) -> FieldName? {
        if let separator = inside.firstIndex(where: { $0 == ":" || $0 == "=" }),
           let field = labels.field(forLabel: String(inside[..<separator])) {
            return field
        }
        // `(EHCP)` after "Education, Health and Care Plan" spells out an acronym: no tag.
        guard TextWords(inside).count <= 5, !inside.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return nil }
        let bytes = Array(inside.utf8)
        if vocabulary.contains(VocabularySelection(list: "characteristics"), in: bytes, span: 0..<bytes.count) { return "characteristics" }
        if vocabulary.contains(VocabularySelection(list: "aims"), in: bytes, span: 0..<bytes.count) { return "aim" }
        return nil
    }

    /// Reads the bracketed tags at the end of a text as fields of the open
    /// objective (`... by July 2026. (Disability) (Duty: Advance equality of
    /// opportunity)`); brackets inside the sentence, such as an acronym's
    /// `(SEND)`, are not tags. With `whole`, only a text that is a tag and
    /// nothing else counts. Says whether it read any.
    mutating func addTags(of text: TextValue, whole: Bool) -> Bool {
        if whole, !isTag(text.text) { return false }
        var tags: [(inside: Range<Int>, field: FieldName)] = []
        var end = ByteText.trim(bytes, text.span).upperBound
        while end > text.span.lowerBound, bytes[end - 1] == 0x29,
              let open = (text.span.lowerBound..<end - 1).last(where: { bytes[$0] == 0x28 }) {
            let inside = ByteText.trim(bytes, open + 1..<end - 1)
            guard !inside.isEmpty, let field = tagField(InlineText.plain(bytes, inside)) else { break }
            tags.insert((inside, field), at: 0)
            end = ByteText.trim(bytes, text.span.lowerBound..<open).upperBound
        }
        for (inside, field) in tags {
            var valueSpan = inside
            if let separator = inside.first(where: { bytes[$0] == 0x3A || bytes[$0] == 0x3D }) {
                valueSpan = ByteText.trim(bytes, separator + 1..<inside.upperBound)
            }
            guard !valueSpan.isEmpty else { continue }
            addEntry(value(valueSpan), to: field, label: source.range(of: inside))
        }
        return !tags.isEmpty
    }
}
