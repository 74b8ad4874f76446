/// A document's content as the Office readers find it, whatever the format:
/// headings, paragraphs, list items and tables, each paragraph as runs of
/// plain or bold text and line breaks. `OfficeMarkdown` writes it as Markdown.
enum OfficeBlock: Equatable {
    /// A heading of level 1 to 9 (written with at most six `#`).
    case heading(level: Int, OfficeText)
    case paragraph(OfficeText)
    /// A list item: its nesting level (0 for the outermost) and its marker.
    case listItem(level: Int, marker: Document.ListItem.Marker, OfficeText)
    /// Rows of cells, each cell its own blocks; columns line up (a merged
    /// cell is followed or preceded by empty ones).
    case table([[[OfficeBlock]]])
}

/// The text of one paragraph: runs of text, each plain or bold, and line breaks.
struct OfficeText: Equatable {
    enum Piece: Equatable {
        case text(String, bold: Bool)
        case lineBreak
    }

    var pieces: [Piece] = []

    init(_ pieces: [Piece] = []) {
        self.pieces = pieces
    }

    mutating func append(_ text: String, bold: Bool) {
        guard !text.isEmpty else { return }
        if case .text(var previous, let wasBold)? = pieces.last, wasBold == bold {
            // Release the array's copy first, so the run grows in place (a paragraph of many runs stays linear).
            pieces[pieces.count - 1] = .lineBreak
            previous += text
            pieces[pieces.count - 1] = .text(previous, bold: bold)
        } else {
            pieces.append(.text(text, bold: bold))
        }
    }

    mutating func appendLineBreak() { pieces.append(.lineBreak) }

    mutating func prepend(_ text: String) {
        pieces.insert(.text(text, bold: false), at: 0)
    }
}
