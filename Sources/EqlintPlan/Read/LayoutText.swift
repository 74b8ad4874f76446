import Foundation

/// Text laid out by position, as `pdftotext -layout` gives a PDF, turned
/// into what the plain-text reader reads: a table's columns (text separated
/// by wide gaps of spaces) become tab-separated cells, each cell in the
/// column it stands under, so a cell that wraps onto the next line starts
/// that line with tabs, as a Word table saved as text does. Other lines lose
/// their indent.
enum LayoutText {
    /// A gap of this many spaces or more separates two columns.
    static let columnGap = 3

    static func tabbed(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.replacingOccurrences(of: "\r", with: "")) }
        var output: [String] = []
        var index = 0
        while index < lines.count {
            guard segments(lines[index]).count >= 2 else {
                output.append(String(lines[index]).trimmingLeadingSpaces)
                index += 1
                continue
            }
            // A table: this row and the rows after it with columns, or a cell that
            // wrapped onto a line of its own, across at most one blank line.
            var end = index + 1
            while end < lines.count {
                let line = lines[end]
                let blank = line.allSatisfy { $0 == " " }
                if blank, end + 1 < lines.count, isRow(lines[end + 1]) {
                    end += 1
                    continue
                }
                guard !blank, isRow(line) else { break }
                end += 1
            }
            let rows = lines[index..<end]
            let columns = columnStarts(rows.map(segments))
            for row in rows {
                if row.allSatisfy({ $0 == " " }) {
                    output.append("")
                    continue
                }
                var cells = Array(repeating: "", count: columns.count)
                for segment in segments(row) {
                    let column = columns.lastIndex { $0 <= segment.start + 1 } ?? 0
                    cells[column] += (cells[column].isEmpty ? "" : " ") + segment.text
                }
                output.append(cells.joined(separator: "\t"))
            }
            index = end
        }
        return output.joined(separator: "\n")
    }

    /// A line that belongs to a table: columns of its own, or a wrapped cell indented under one.
    static func isRow(_ line: [Character]) -> Bool {
        let parts = segments(line)
        // pdftotext sets a table's text in from the margin; a paragraph starts at it.
        return parts.count >= 2 || (parts.count == 1 && parts[0].start >= 1)
    }

    /// The pieces of text of a line, separated by gaps of `columnGap` spaces or more, with the column each starts at.
    static func segments(_ line: [Character]) -> [(start: Int, text: String)] {
        var parts: [(start: Int, text: String)] = []
        var index = 0
        while index < line.count {
            while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
            guard index < line.count else { break }
            let start = index
            var end = index
            var spaces = 0
            while index < line.count {
                if line[index] == " " || line[index] == "\t" {
                    spaces += 1
                    if spaces >= columnGap { break }
                } else {
                    spaces = 0
                    end = index + 1
                }
                index += 1
            }
            parts.append((start, String(line[start..<end])))
        }
        // `•   Publish the make-up of our staff`: a list marker and its text are one piece.
        if parts.count >= 2, isListMarker(parts[0].text) {
            parts[1] = (parts[0].start, parts[0].text + " " + parts[1].text)
            parts.removeFirst()
        }
        return parts
    }

    /// A bullet (`•`, `·`, `o`, `-`, `▪`) or a number (`1.`, `2)`, `(a)`) alone.
    static func isListMarker(_ text: String) -> Bool {
        if ["•", "·", "o", "-", "*", "▪", "◦", "■", "–", "\u{F0B7}"].contains(text) { return true }
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "().")).trimmingCharacters(in: .whitespaces)
        return text.count <= 4 && !inner.isEmpty && (inner.allSatisfy(\.isNumber) || (inner.count == 1 && inner.first!.isLetter))
            && (text.hasSuffix(".") || text.hasSuffix(")"))
    }

    /// The columns of a table: the places where its pieces start, those
    /// within four characters of each other taken as one (a table carried
    /// onto the next page may sit a little to one side).
    static func columnStarts(_ rows: [[(start: Int, text: String)]]) -> [Int] {
        let starts = Set(rows.flatMap { $0.map(\.start) }).sorted()
        var columns: [Int] = []
        for start in starts where columns.last.map({ start - $0 > 4 }) ?? true { columns.append(start) }
        return columns.isEmpty ? [0] : columns
    }
}

extension String {
    var trimmingLeadingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
