import Foundation

/// Writes a document's `OfficeBlock`s as Markdown that `MarkdownReader`
/// reads back with the same structure: headings as `#` lines, list items as
/// `-` and `1.` lines indented by nesting, tables as GitHub pipe tables (the
/// first row the header; a cell's paragraphs and line breaks joined with
/// `<br>`), bold runs as `**...**` (but in headings), and a line break in a paragraph as a new
/// line. Text that Markdown would read as markup is escaped: `*`, `_`, `|`,
/// backticks, brackets, tags and entities anywhere, and a line that would
/// start a heading, list item, quote or break.
///
/// A table of one column (after dropping columns that are empty throughout),
/// as documents use to draw a box around text, is written as its cells'
/// blocks, one after another.
enum OfficeMarkdown {
    static func render(_ blocks: [OfficeBlock]) -> String {
        var lines: [String] = []
        write(blocks, to: &lines)
        while lines.last == "" { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ blocks: [OfficeBlock], to lines: inout [String]) {
        /// The open list items: each one's level and where its text starts.
        var listStack: [(level: Int, contentIndent: Int)] = []
        func separate() {
            if let last = lines.last, last != "" { lines.append("") }
        }
        for block in blocks {
            if case .listItem = block {} else { listStack = [] }
            switch block {
            case .heading(let level, let text):
                // A heading is bold by its style: its runs are written plain.
                let plain = OfficeText(text.pieces.map { piece in
                    if case .text(let run, _) = piece { return .text(run, bold: false) }
                    return piece
                })
                let content = Self.lines(plain).filter { !$0.isEmpty }.joined(separator: " ")
                guard !content.isEmpty else { continue }
                separate()
                lines.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + escapeClosingHashes(content))
                lines.append("")
            case .paragraph(let text):
                let content = Self.lines(text).filter { !$0.isEmpty }.map(escapeLineStart)
                guard !content.isEmpty else { continue }
                separate()
                lines += content
                lines.append("")
            case .listItem(let level, let marker, let text):
                let content = Self.lines(text).filter { !$0.isEmpty }.map(escapeLineStart)
                guard !content.isEmpty else { continue }
                if listStack.isEmpty { separate() }
                while let last = listStack.last, last.level >= level { listStack.removeLast() }
                let indent = listStack.last?.contentIndent ?? 0
                let written: String
                switch marker {
                case .bullet: written = "-"
                case .number(let number): written = "\(number)."
                }
                let pad = String(repeating: " ", count: indent)
                lines.append(pad + written + " " + content[0])
                let continuation = String(repeating: " ", count: indent + written.count + 1)
                lines += content.dropFirst().map { continuation + $0 }
                listStack.append((level, indent + written.count + 1))
            case .table(let rows):
                let cells = tidy(rows)
                guard let width = cells.first?.count, width > 0 else { continue }
                if width == 1 {
                    for row in cells { write(row[0], to: &lines) }
                    continue
                }
                separate()
                let texts = cells.map { row in row.map(cellText) }
                lines.append("| " + texts[0].joined(separator: " | ") + " |")
                lines.append("|" + String(repeating: "---|", count: width))
                for row in texts.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
                lines.append("")
            }
        }
        if lines.last != "" { lines.append("") }
    }

    /// The rows padded to one width, without rows (but the first) or columns that are empty throughout.
    private static func tidy(_ rows: [[[OfficeBlock]]]) -> [[[OfficeBlock]]] {
        func isEmpty(_ cell: [OfficeBlock]) -> Bool { cellText(cell).isEmpty }
        var kept = rows.enumerated().filter { $0.offset == 0 || !$0.element.allSatisfy(isEmpty) }.map(\.element)
        let width = kept.map(\.count).max() ?? 0
        kept = kept.map { $0 + Array(repeating: [], count: width - $0.count) }
        let usedColumns = (0..<width).filter { column in kept.contains { !isEmpty($0[column]) } }
        guard !usedColumns.isEmpty else { return [] }
        return kept.map { row in usedColumns.map { row[$0] } }
    }

    /// A cell's text on one line: each paragraph, list item and line break a part, joined with `<br>`.
    private static func cellText(_ blocks: [OfficeBlock]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .heading(_, let text), .paragraph(let text), .listItem(_, _, let text):
                parts += lines(text).filter { !$0.isEmpty }
            case .table(let rows):
                parts += rows.flatMap { $0.map(cellText) }.filter { !$0.isEmpty }
            }
        }
        return parts.joined(separator: "<br>")
    }

    // MARK: Inline text

    /// A paragraph's lines (split at its line breaks), escaped, each bold run
    /// wrapped in `**` (but not the spaces at its ends), spaces collapsed and
    /// trimmed. Worked on UTF-8 bytes: a Word document has thousands of runs.
    static func lines(_ text: OfficeText) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        for piece in text.pieces {
            switch piece {
            case .text(let run, let bold):
                let clean = spacesForControls(Array(run.utf8))
                if bold { appendEmphasized(clean, to: &line) } else { appendEscaped(clean[...], to: &line) }
            case .lineBreak:
                lines.append(collapsed(line))
                line.removeAll(keepingCapacity: true)
            }
        }
        lines.append(collapsed(line))
        return lines
    }

    /// A bold run wrapped in `**`, its spaces at either end left outside (a
    /// run of nothing but white space is written as it is).
    private static func appendEmphasized(_ run: [UInt8], to line: inout [UInt8]) {
        let start = run.firstIndex { $0 != 0x20 } ?? run.count
        let end = (run.lastIndex { $0 != 0x20 } ?? -1) + 1
        let core = run[start..<max(start, end)]
        guard String(decoding: core, as: UTF8.self).contains(where: { !$0.isWhitespace }) else { return line += run }
        line += run[..<start]
        line += [0x2A, 0x2A]
        appendEscaped(core, to: &line)
        line += [0x2A, 0x2A]
        line += run[end...]
    }

    /// Tabs, line feeds and other control characters (C0, DEL, C1) as spaces.
    private static func spacesForControls(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F {
                result.append(0x20)
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                result.append(0x20)
                index += 1
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// Runs of spaces as one; no space at either end. A space that a
    /// combining mark follows is part of that character, not a space.
    private static func collapsed(_ line: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(line.count)
        var pendingSpace = false
        var index = 0
        while index < line.count {
            if line[index] == 0x20, !(index + 1 < line.count && extendsCharacter(line, at: index + 1)) {
                pendingSpace = !result.isEmpty
                index += 1
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(line[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether the character at a byte offset joins the one before it (a
    /// combining mark, a zero-width joiner, a variation selector).
    private static func extendsCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard bytes[index] >= 0x80, let scalar = scalar(in: bytes[...], at: index)?.scalar else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark || scalar.value == 0x200D
    }

    /// The Unicode scalar that starts at a byte offset, and its length in bytes.
    private static func scalar(in bytes: ArraySlice<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// Appends text with the characters Markdown reads as markup escaped.
    private static func appendEscaped(_ text: ArraySlice<UInt8>, to result: inout [UInt8]) {
        func isAlphabetic(_ index: Int) -> Bool {
            let byte = text[index]
            if byte < 0x80 { return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            return scalar(in: text, at: index)?.scalar.properties.isAlphabetic ?? false
        }
        for index in text.indices {
            let byte = text[index]
            switch byte {
            case 0x5C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x7C:  // \ * _ ` [ ] |
                result.append(0x5C)
            case 0x3C:  // A tag (`<b>`, `</p>`, `<!--`), not a lone `<` as in `< 5%`.
                let next = index + 1
                if next < text.endIndex, isAlphabetic(next) || [0x2F, 0x21, 0x3F].contains(text[next]) { result.append(0x5C) }
            case 0x26:  // An entity (`&amp;`, `&#39;`), not `&` between words: up to 12 letters, digits or # before a `;`.
                var at = index + 1, count = 0
                while at < text.endIndex, count < 12, text[at] != 0x3B {
                    guard isAlphabetic(at) || (0x30...0x39).contains(text[at]) || text[at] == 0x23 else { break }
                    at += scalar(in: text, at: at)?.length ?? 1
                    count += 1
                }
                if at < text.endIndex, text[at] == 0x3B, count > 0, count < 12 { result.append(0x5C) }
            default:
                break
            }
            result.append(byte)
        }
    }

    /// Characters that start a list item in the text eqlint reads (`•`, `–`, Word's Symbol bullet).
    private static let bulletCharacters: Set<Character> = ["•", "·", "▪", "■", "►", "◦", "○", "●", "➢", "✓", "–", "\u{F0B7}"]

    /// A line of a paragraph escaped where it would otherwise start a
    /// heading, a list item, a quote, a thematic break or a setext underline.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#>+=~-".contains(first) || bulletCharacters.contains(first) { return "\\" + line }
        if first == "o", line.dropFirst().first == " " { return "\\" + line }
        if first.isASCII, first.isNumber {
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            if let after = line.dropFirst(digits.count).first, after == "." || after == ")" {
                return digits + "\\" + line.dropFirst(digits.count)
            }
        }
        if first == "(", line.dropFirst().first?.isNumber == true { return "\\" + line }
        return line
    }

    /// A heading's text with a closing `#` escaped, so it is not read as a closing sequence.
    private static func escapeClosingHashes(_ text: String) -> String {
        text.hasSuffix("#") ? String(text.dropLast()) + "\\#" : text
    }
}
