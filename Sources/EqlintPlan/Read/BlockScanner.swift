import EqlintText

/// Splits a text file into blocks: front matter, headings, paragraphs, list
/// items, tables and comments. It follows CommonMark where plans need it and
/// reads what Word's "save as text" and copied web pages give as well: rows
/// of tab-separated cells, and bullets such as `•`, `·`, `o` and `▪`. It
/// never fails.
struct BlockScanner {
    /// How the file is written: Markdown skips indented code; plain text has none.
    enum Dialect { case markdown, text }

    private let source: SourceFile
    private let dialect: Dialect
    private var bytes: [UInt8] { source.bytes }

    init(source: SourceFile, dialect: Dialect) {
        self.source = source
        self.dialect = dialect
    }

    func blocks() -> [Document.Block] {
        var line = 0
        let lineCount = source.lineCount
        // At most a block a line (and front matter): room made once, not grown block by block.
        var blocks: [Document.Block] = []
        blocks.reserveCapacity(lineCount + 1)
        if let (frontMatter, next) = frontMatter() {
            blocks.append(frontMatter)
            line = next
        }
        var paragraph: [Range<Int>] = []
        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(lines: paragraph)) }
            paragraph = []
        }
        while line < lineCount {
            let span = source.lineSpan(line)
            let text = ByteText.trim(bytes, span)
            if text.isEmpty {
                flushParagraph()
                blocks.append(.separator)
                line += 1
                continue
            }
            // An indented code block: four spaces in, not continuing a paragraph or a list item.
            if dialect == .markdown, paragraph.isEmpty, ByteText.indent(bytes, span) >= 4, !continuesListItem(blocks) {
                line = skipIndentedCode(from: line)
                blocks.append(.separator)
                continue
            }
            if let fence = fenceMarker(text) {
                flushParagraph()
                line = skipFence(fence, from: line + 1)
                blocks.append(.separator)
                continue
            }
            if ByteText.hasPrefix(bytes, at: text.lowerBound, "<!--", end: text.upperBound) {
                flushParagraph()
                let (comment, next) = scanComment(from: line)
                blocks.append(.comment(comment))
                line = next
                continue
            }
            if let heading = atxHeading(text, indent: ByteText.indent(bytes, span)) {
                flushParagraph()
                blocks.append(heading)
                line += 1
                continue
            }
            if paragraph.count == 1, let level = setextLevel(text) {
                blocks.append(.heading(level: level, text: paragraph[0]))
                paragraph = []
                line += 1
                continue
            }
            if isThematicBreak(text) {
                flushParagraph()
                blocks.append(.separator)
                line += 1
                continue
            }
            if line + 1 < lineCount, contains(text, 0x7C),
               isDelimiterRow(ByteText.trim(bytes, source.lineSpan(line + 1))) {
                flushParagraph()
                let (table, next) = scanTable(from: line)
                blocks.append(table)
                line = next
                continue
            }
            if let start = listItemContent(text) {
                flushParagraph()
                let marker = Document.ListItem(marker: start.marker, markerSpan: start.markerSpan, lines: [])
                let (item, next) = scanListItem(marker: marker, first: start.content, from: line)
                blocks.append(item)
                line = next
                continue
            }
            // Rows of tab-separated cells, as a Word table saved as text gives them.
            if isTabRow(text) {
                flushParagraph()
                let (table, next) = scanTabTable(from: line)
                blocks.append(table)
                line = next
                continue
            }
            paragraph.append(text)
            line += 1
        }
        flushParagraph()
        return blocks
    }

    // MARK: Front matter

    private func frontMatter() -> (Document.Block, Int)? {
        guard source.lineCount > 1, isDashes(ByteText.trim(bytes, source.lineSpan(0)), exactly: 3) else { return nil }
        var lines: [Range<Int>] = []
        for line in 1..<source.lineCount {
            let text = ByteText.trim(bytes, source.lineSpan(line))
            if isDashes(text, exactly: 3) || source.text(text) == "..." {
                return (.frontMatter(lines: lines), line + 1)
            }
            if !text.isEmpty { lines.append(text) }
        }
        return nil
    }

    private func isDashes(_ text: Range<Int>, exactly count: Int) -> Bool {
        text.count == count && text.allSatisfy { bytes[$0] == 0x2D }
    }

    // MARK: Headings and breaks

    private func atxHeading(_ text: Range<Int>, indent: Int) -> Document.Block? {
        guard indent <= 3 else { return nil }
        var index = text.lowerBound
        while index < text.upperBound, bytes[index] == 0x23 { index += 1 }
        let level = index - text.lowerBound
        guard (1...6).contains(level) else { return nil }
        guard index == text.upperBound || ByteText.isSpace(bytes[index]) else { return nil }
        var content = ByteText.trim(bytes, index..<text.upperBound)
        // A closing run of #s, preceded by a space, is not part of the text.
        var end = content.upperBound
        while end > content.lowerBound, bytes[end - 1] == 0x23 { end -= 1 }
        if end < content.upperBound, end == content.lowerBound || ByteText.isSpace(bytes[end - 1]) {
            content = ByteText.trim(bytes, content.lowerBound..<end)
        }
        return .heading(level: level, text: content)
    }

    private func setextLevel(_ text: Range<Int>) -> Int? {
        guard let first = text.first.map({ bytes[$0] }), first == 0x3D || first == 0x2D else { return nil }
        guard text.allSatisfy({ bytes[$0] == first }) else { return nil }
        return first == 0x3D ? 1 : 2
    }

    private func isThematicBreak(_ text: Range<Int>) -> Bool {
        guard let first = text.first.map({ bytes[$0] }), first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        var count = 0
        for index in text {
            if bytes[index] == first { count += 1 } else if !ByteText.isSpace(bytes[index]) { return false }
        }
        return count >= 3
    }

    // MARK: Code fences and comments

    /// Whether an indented line after blank lines still belongs to a list item.
    private func continuesListItem(_ blocks: [Document.Block]) -> Bool {
        guard let last = blocks.last(where: { $0 != .separator }) else { return false }
        if case .listItem = last { return true }
        return false
    }

    private func skipIndentedCode(from start: Int) -> Int {
        var line = start
        while line < source.lineCount {
            let span = source.lineSpan(line)
            guard ByteText.trim(bytes, span).isEmpty || ByteText.indent(bytes, span) >= 4 else { break }
            line += 1
        }
        return line
    }

    private func fenceMarker(_ text: Range<Int>) -> (byte: UInt8, count: Int)? {
        guard let first = text.first.map({ bytes[$0] }), first == 0x60 || first == 0x7E else { return nil }
        var count = 0
        for index in text { if bytes[index] == first { count += 1 } else { break } }
        return count >= 3 ? (first, count) : nil
    }

    private func skipFence(_ fence: (byte: UInt8, count: Int), from start: Int) -> Int {
        var line = start
        while line < source.lineCount {
            let text = ByteText.trim(bytes, source.lineSpan(line))
            line += 1
            if let closing = fenceMarker(text), closing.byte == fence.byte, closing.count >= fence.count,
               text.allSatisfy({ bytes[$0] == fence.byte }) {
                break
            }
        }
        return line
    }

    private func scanComment(from start: Int) -> (Range<Int>, Int) {
        let begin = ByteText.trim(bytes, source.lineSpan(start)).lowerBound
        var line = start
        while line < source.lineCount {
            let span = source.lineSpan(line)
            let searchFrom = line == start ? begin + 4 : span.lowerBound
            if let close = ByteText.find(bytes, "-->", in: min(searchFrom, span.upperBound)..<span.upperBound) {
                return (begin..<close + 3, line + 1)
            }
            line += 1
        }
        return (begin..<bytes.count, line)
    }

    // MARK: Tables

    private func contains(_ text: Range<Int>, _ byte: UInt8) -> Bool {
        ByteText.find(source.bytes, byte, in: text) != nil
    }

    private func isDelimiterRow(_ text: Range<Int>) -> Bool {
        // Only dashes, colons, pipes, spaces and tabs make one: most lines fail at their first letter.
        let bytes = source.bytes
        for index in text {
            switch bytes[index] {
            case 0x2D, 0x3A, 0x7C, 0x20, 0x09: continue
            default: return false
            }
        }
        guard contains(text, 0x2D), contains(text, 0x7C) || text.allSatisfy({ [0x2D, 0x3A, 0x20].contains(bytes[$0]) }) else {
            return false
        }
        let cells = TableCells.split(bytes, text)
        return !cells.isEmpty && cells.allSatisfy { cell in
            !cell.isEmpty && cell.allSatisfy { [0x2D, 0x3A].contains(bytes[$0]) } && contains(cell, 0x2D)
        }
    }

    private func scanTable(from start: Int) -> (Document.Block, Int) {
        let headerText = ByteText.trim(bytes, source.lineSpan(start))
        var rows = [Document.Row(cells: TableCells.split(bytes, headerText), span: headerText)]
        var line = start + 2
        while line < source.lineCount {
            let text = ByteText.trim(bytes, source.lineSpan(line))
            guard !text.isEmpty, contains(text, 0x7C) else { break }
            rows.append(Document.Row(cells: TableCells.split(bytes, text), span: text))
            line += 1
        }
        return (.table(Document.Table(rows: rows, hasHeader: true)), line)
    }

    /// Whether a line is a row of tab-separated cells: a tab between two
    /// pieces of text, or in plain text after one (`Evaluation<TAB>` is a
    /// label with an empty cell). A line that only starts with a tab is a row
    /// only after other rows: see `scanTabTable`.
    private func isTabRow(_ text: Range<Int>) -> Bool {
        guard !text.isEmpty else { return false }
        var end = text.upperBound
        while dialect == .text, end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return ByteText.find(bytes, 0x09, in: text.lowerBound..<end) != nil
    }

    /// Consecutive tab rows, with the blank lines between them, as one table.
    /// After the first row, a line that starts with a tab (a cell that ran
    /// onto another line, its first cell empty) is a row too.
    private func scanTabTable(from start: Int) -> (Document.Block, Int) {
        var rows: [Document.Row] = []
        var line = start
        var blankBefore = false
        var end = start
        while line < source.lineCount {
            let span = source.lineSpan(line)
            let text = ByteText.trim(bytes, span)
            if text.isEmpty {
                blankBefore = true
                line += 1
                continue
            }
            let startsWithTab = !span.isEmpty && bytes[span.lowerBound] == 0x09
            guard isTabRow(text) || (startsWithTab && !rows.isEmpty), listItemContent(text) == nil,
                  atxHeading(text, indent: 0) == nil else { break }
            rows.append(Document.Row(cells: TabCells.split(bytes, span), span: text, followsBlankLine: blankBefore))
            blankBefore = false
            line += 1
            end = line
        }
        return (.table(Document.Table(rows: rows, hasHeader: false)), end)
    }

    // MARK: Lists

    /// The marker and the content after it, if the line is a list item:
    /// `-`, `*`, `+`, a bullet character (`•`, `·`, `▪`, `o`, ...) or a number
    /// (`1.`, `1)`, `(1)`), then a space or tab (or the end of the line).
    private func listItemContent(_ text: Range<Int>) -> ListItemStart? {
        var index = text.lowerBound
        let first = bytes[index]
        var marker = Document.ListItem.Marker.bullet
        if first == 0x2D || first == 0x2A || first == 0x2B {  // - * +
            index += 1
        } else if first == 0x6F {  // `o`, Word's second-level bullet, only with text after it
            index += 1
            guard index + 1 < text.upperBound, ByteText.isSpace(bytes[index]) else { return nil }
        } else if let length = Self.bulletLength(bytes, at: index, end: text.upperBound) {
            index += length
        } else {
            let parenthesised = first == 0x28
            if parenthesised { index += 1 }
            let digits = index
            var value = 0
            while index < text.upperBound, index - digits < 9, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index > digits, index < text.upperBound else { return nil }
            guard parenthesised ? bytes[index] == 0x29 : bytes[index] == 0x2E || bytes[index] == 0x29 else { return nil }
            index += 1
            marker = .number(value)
        }
        guard index == text.upperBound || ByteText.isSpace(bytes[index]) else { return nil }
        return ListItemStart(marker: marker, markerSpan: text.lowerBound..<index, content: ByteText.trim(bytes, index..<text.upperBound))
    }

    /// A list item's marker and the content after it on its first line.
    /// (No `ListItem` with its array of lines: this is asked of most lines,
    /// and a value holding an array was destroyed through the run time's
    /// generic code each time.)
    private struct ListItemStart {
        var marker: Document.ListItem.Marker
        var markerSpan: Range<Int>
        var content: Range<Int>
    }

    /// Whether `next` carries on a sentence that `line` left open: `line`
    /// does not end with sentence punctuation and `next` starts in lower case.
    private func continuesSentence(_ line: Range<Int>, with next: Range<Int>) -> Bool {
        guard let end = line.last, let start = next.first else { return false }
        let closes: Set<UInt8> = [0x2E, 0x21, 0x3F, 0x3A, 0x3B]  // . ! ? : ;
        return !closes.contains(bytes[end]) && (0x61...0x7A).contains(bytes[start])
    }

    /// The length of a bullet character at `index` (`•`, `·`, `▪`, `◦`, `○`,
    /// `■`, `►`, `➢`, `✓`, `–`, and Word's Symbol-font bullet U+F0B7), or nil.
    static func bulletLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        let first = bytes[index]
        if first == 0xC2, index + 1 < end, bytes[index + 1] == 0xB7 { return 2 }  // · U+00B7
        guard first == 0xE2 || first == 0xEF, index + 2 < end else { return nil }
        switch (first, bytes[index + 1], bytes[index + 2]) {
        case (0xE2, 0x80, 0xA2),  // • U+2022
             (0xE2, 0x80, 0x93),  // – U+2013
             (0xE2, 0x96, 0xAA),  // ▪ U+25AA
             (0xE2, 0x96, 0xA0),  // ■ U+25A0
             (0xE2, 0x96, 0xBA),  // ► U+25BA
             (0xE2, 0x97, 0xA6),  // ◦ U+25E6
             (0xE2, 0x97, 0x8B),  // ○ U+25CB
             (0xE2, 0x97, 0x8F),  // ● U+25CF
             (0xE2, 0x9E, 0xA2),  // ➢ U+27A2
             (0xE2, 0x9C, 0x93),  // ✓ U+2713
             (0xEF, 0x82, 0xB7):  // U+F0B7, Word's Symbol-font bullet
            return 3
        default:
            return nil
        }
    }

    private func scanListItem(marker: Document.ListItem, first: Range<Int>, from start: Int) -> (Document.Block, Int) {
        var lines = first.isEmpty ? [] : [first]
        var line = start + 1
        while line < source.lineCount {
            let span = source.lineSpan(line)
            let text = ByteText.trim(bytes, span)
            if text.isEmpty || listItemContent(text) != nil || fenceMarker(text) != nil || isThematicBreak(text) || isTabRow(text)
                || atxHeading(text, indent: ByteText.indent(bytes, span)) != nil
                || ByteText.hasPrefix(bytes, at: text.lowerBound, "<!--", end: text.upperBound)
                || (contains(text, 0x7C) && line + 1 < source.lineCount
                    && isDelimiterRow(ByteText.trim(bytes, source.lineSpan(line + 1)))) {
                break
            }
            // In plain text, where each paragraph is a line, a line continues the item
            // only if it is indented or carries on a sentence the line above left open.
            if dialect == .text, ByteText.indent(bytes, span) == 0, let last = lines.last, !continuesSentence(last, with: text) {
                break
            }
            lines.append(text)
            line += 1
        }
        var item = marker
        item.lines = lines
        return (.listItem(item), line)
    }
}

/// Splits a table row into trimmed cell spans at unescaped pipes, dropping
/// the optional leading and trailing pipe.
enum TableCells {
    /// Room for a row's cells, made once (a plan's tables have a few columns, and a row's edges empty cells).
    static let usualCells = 8

    static func split(_ bytes: [UInt8], _ row: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(usualCells)
        var cellStart = row.lowerBound
        bytes.withUnsafeBytes { buffer in
            let ones: UInt64 = 0x0101_0101_0101_0101
            var index = row.lowerBound
            // As on GitHub, a pipe splits cells even inside `code`; only `\|` does not.
            while index < row.upperBound {
                // Eight bytes with no pipe and no backslash (most of a cell's text) are passed at once.
                if index + 8 <= row.upperBound {
                    let word = buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let pipe = word ^ (ones &* 0x7C)
                    let backslash = word ^ (ones &* 0x5C)
                    if ((pipe &- ones) & ~pipe | (backslash &- ones) & ~backslash) & (ones &* 0x80) == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte == 0x5C { index += 2; continue }  // backslash escapes the next byte
                if byte == 0x7C {
                    cells.append(ByteText.trim(bytes, cellStart..<index))
                    cellStart = index + 1
                }
                index += 1
            }
        }
        cells.append(ByteText.trim(bytes, cellStart..<row.upperBound))
        if bytes[row.lowerBound] == 0x7C, cells.first?.isEmpty == true { cells.removeFirst() }
        if row.upperBound > row.lowerBound, bytes[row.upperBound - 1] == 0x7C, cells.last?.isEmpty == true {
            cells.removeLast()
        }
        return cells
    }
}

/// Splits a line at its tabs into trimmed cell spans; a leading or trailing
/// tab makes an empty cell, as an empty cell of a Word table does.
enum TabCells {
    static func split(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var cellStart = line.lowerBound
        while let tab = ByteText.find(bytes, 0x09, in: cellStart..<line.upperBound) {
            cells.append(ByteText.trim(bytes, cellStart..<tab))
            cellStart = tab + 1
        }
        cells.append(ByteText.trim(bytes, cellStart..<line.upperBound))
        return cells
    }
}
