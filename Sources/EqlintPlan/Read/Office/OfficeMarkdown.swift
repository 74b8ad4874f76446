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
    /// wrapped in `**` (but not the spaces at its ends), spaces collapsed and trimmed.
    static func lines(_ text: OfficeText) -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in text.pieces {
            switch piece {
            case .text(let run, let bold):
                let clean = normalizeSpaces(run)
                line += bold ? emphasized(clean) : escape(clean)
            case .lineBreak:
                lines.append(collapse(line))
                line = ""
            }
        }
        lines.append(collapse(line))
        return lines
    }

    private static func emphasized(_ run: String) -> String {
        let leading = run.prefix { $0 == " " }
        let rest = run.dropFirst(leading.count)
        let trailing = rest.reversed().prefix { $0 == " " }.count
        let core = String(rest.dropLast(trailing))
        guard core.contains(where: { !$0.isWhitespace }) else { return run }
        return leading + "**" + escape(core) + "**" + String(repeating: " ", count: trailing)
    }

    /// Tabs, line feeds and other control characters as spaces.
    private static func normalizeSpaces(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) ? " " : scalar
        }))
    }

    /// Runs of spaces as one; no space at either end.
    private static func collapse(_ line: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in line {
            if character == " " {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }

    /// Text with the characters Markdown reads as markup escaped.
    static func escape(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\\", "*", "_", "`", "[", "]", "|":
                result.append("\\")
            case "<":
                // A tag (`<b>`, `</p>`, `<!--`), not a lone `<` as in `< 5%`.
                if let next, next.properties.isAlphabetic || next == "/" || next == "!" || next == "?" { result.append("\\") }
            case "&":
                // An entity (`&amp;`, `&#39;`), not `&` between words.
                if let semicolon = scalars[(index + 1)...].prefix(12).firstIndex(of: ";"), semicolon > index + 1,
                   scalars[(index + 1)..<semicolon].allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "#" }) {
                    result.append("\\")
                }
            default:
                break
            }
            result.append(scalar)
        }
        return String(result)
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
