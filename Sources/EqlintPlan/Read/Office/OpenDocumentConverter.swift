/// Turns an OpenDocument text's body (`content.xml`) into `OfficeBlock`s.
///
/// - `text:h` is a heading of its `text:outline-level`; a `text:p` is one
///   if its style is `Title` or has an outline level.
/// - `text:list` items are list items, numbered or bulleted as their list
///   style's level says (the list's own style, an enclosing list's, or its
///   paragraphs'), counted from the level's start value, an item's
///   `text:start-value`, and on from an earlier list when the list says it
///   continues one (`text:continue-numbering`, `text:continue-list`). A
///   second paragraph in an item follows a line break.
/// - `text:span`s are bold by their style (else the paragraph's); `text:s`
///   gives spaces, `text:tab` a space, `text:line-break` a line break.
/// - Tables become rows of cells; covered cells (under a spanned one) are
///   empty, so columns line up; repeated rows and cells are repeated.
/// - Left out: notes, annotations, deleted text of tracked changes, tables
///   of contents and other indexes, and pictures; text frames follow the
///   paragraph they are anchored in.
struct OpenDocumentConverter {
    let styles: OpenDocumentStyles

    /// Each list's counts by level, by a key of its own (or of the list it continues).
    private var counts: [String: [Int: Int]] = [:]
    /// The key each list with an `xml:id` counts under.
    private var listKeys: [String: String] = [:]
    private var lastListKey: String?
    private var listCount = 0

    init(styles: OpenDocumentStyles) {
        self.styles = styles
    }

    /// The blocks of `office:document-content`.
    mutating func convert(content root: XMLTreeElement) -> [OfficeBlock] {
        guard let text = root.child("office:body", "office:text") else { return [] }
        return blocks(in: text)
    }

    /// The most a cell or row is taken to repeat.
    static let maximumRepeat = 64

    mutating func blocks(in container: XMLTreeElement) -> [OfficeBlock] {
        var blocks: [OfficeBlock] = []
        for element in container.elements {
            switch element.name {
            case "text:h":
                var anchored: [OfficeBlock] = []
                let text = inline(element, paragraphStyle: element.attribute("text:style-name"), keepsNumber: true, anchored: &anchored)
                let level = element.attribute("text:outline-level").flatMap { Int($0) } ?? 1
                blocks.append(.heading(level: max(level, 1), text))
                blocks += anchored
            case "text:p":
                blocks += paragraph(element)
            case "text:list":
                blocks += list(element, level: 1, key: nil, inheritedStyle: nil)
            case "table:table":
                blocks.append(table(element))
            case "text:section", "text:soft-page-break", "office:text", "text:index-body":
                blocks += self.blocks(in: element)
            default:
                // Sequence declarations, forms, tracked changes, tables of contents and other indexes.
                continue
            }
        }
        return blocks
    }

    mutating func paragraph(_ element: XMLTreeElement) -> [OfficeBlock] {
        var anchored: [OfficeBlock] = []
        let style = element.attribute("text:style-name")
        let text = inline(element, paragraphStyle: style, keepsNumber: false, anchored: &anchored)
        if let level = styles.headingLevel(ofParagraphStyle: style) { return [.heading(level: level, text)] + anchored }
        return [.paragraph(text)] + anchored
    }

    // MARK: Lists

    /// A list's items at `level` (1 for the outermost), counted under `key` (the outermost list's).
    mutating func list(_ list: XMLTreeElement, level: Int, key: String?, inheritedStyle: String?) -> [OfficeBlock] {
        let firstParagraphStyle = list.child("text:list-item")?.child("text:p")?.attribute("text:style-name")
        let style = list.attribute("text:style-name") ?? inheritedStyle ?? styles.listStyle(ofParagraphStyle: firstParagraphStyle)
        let key = key ?? listKey(list)
        var blocks: [OfficeBlock] = []
        for item in list.elements where item.name == "text:list-item" || item.name == "text:list-header" {
            let numbered = styles.listLevel(style, level: level)
            var marker = Document.ListItem.Marker.bullet
            if item.name == "text:list-item", let numbered, numbered.isNumbered {
                var count = counts[key, default: [:]]
                if let start = item.attribute("text:start-value").flatMap({ Int($0) }) {
                    count[level] = start
                } else {
                    count[level] = count[level].map { $0 + 1 } ?? numbered.start
                }
                for deeper in count.keys where deeper > level { count[deeper] = nil }
                counts[key] = count
                marker = .number(count[level] ?? numbered.start)
            }
            var text: OfficeText?
            var after: [OfficeBlock] = []
            for child in item.elements {
                switch child.name {
                case "text:p", "text:h":
                    var anchored: [OfficeBlock] = []
                    let paragraph = inline(child, paragraphStyle: child.attribute("text:style-name"), keepsNumber: false, anchored: &anchored)
                    if text == nil {
                        text = paragraph
                    } else if after.isEmpty {
                        text?.appendLineBreak()
                        text?.pieces += paragraph.pieces
                    } else {
                        after.append(.paragraph(paragraph))
                    }
                    after += anchored
                case "text:list":
                    after += self.list(child, level: level + 1, key: key, inheritedStyle: child.attribute("text:style-name") ?? style)
                case "table:table":
                    after.append(table(child))
                default:
                    continue
                }
            }
            if item.name == "text:list-header" {
                blocks += (text.map { [OfficeBlock.paragraph($0)] } ?? []) + after
            } else {
                blocks += (text.map { [OfficeBlock.listItem(level: level - 1, marker: marker, $0)] } ?? []) + after
            }
        }
        return blocks
    }

    /// The key a new outermost list counts under: a new one, or that of the list it continues.
    mutating func listKey(_ list: XMLTreeElement) -> String {
        let key: String
        if let continued = list.attribute("text:continue-list"), let earlier = listKeys[continued] {
            key = earlier
        } else if list.attribute("text:continue-numbering") == "true", let last = lastListKey {
            key = last
        } else {
            listCount += 1
            key = "list \(listCount)"
        }
        if let id = list.attribute("xml:id") { listKeys[id] = key }
        lastListKey = key
        return key
    }

    // MARK: Text

    /// A paragraph's or heading's text. `keepsNumber`: a heading keeps the
    /// number LibreOffice wrote into it (`text:number`); a list item has its marker instead.
    mutating func inline(_ element: XMLTreeElement, paragraphStyle: String?, keepsNumber: Bool, anchored: inout [OfficeBlock]) -> OfficeText {
        var text = OfficeText()
        let bold = styles.bold(paragraphStyle, family: "paragraph") ?? false
        collect(element, bold: bold, keepsNumber: keepsNumber, into: &text, anchored: &anchored)
        return text
    }

    mutating func collect(_ element: XMLTreeElement, bold: Bool, keepsNumber: Bool, into text: inout OfficeText, anchored: inout [OfficeBlock]) {
        for node in element.children {
            switch node {
            case .text(let piece):
                text.append(piece, bold: bold)
            case .element(let child):
                switch child.name {
                case "text:span":
                    let spanBold = styles.bold(child.attribute("text:style-name"), family: "text") ?? bold
                    collect(child, bold: spanBold, keepsNumber: keepsNumber, into: &text, anchored: &anchored)
                case "text:s":
                    let count = child.attribute("text:c").flatMap { Int($0) } ?? 1
                    text.append(String(repeating: " ", count: min(max(count, 1), 100)), bold: bold)
                case "text:tab":
                    text.append(" ", bold: false)
                case "text:line-break":
                    text.appendLineBreak()
                case "text:number":
                    if keepsNumber { text.append(child.ownText + " ", bold: bold) }
                case "text:note", "office:annotation", "office:annotation-end", "text:bookmark", "text:bookmark-start", "text:bookmark-end",
                     "text:change", "text:change-start", "text:change-end", "text:soft-page-break", "text:reference-mark",
                     "text:reference-mark-start", "text:reference-mark-end", "text:toc-mark", "text:alphabetical-index-mark",
                     "text:ruby-text":
                    continue
                case "draw:frame", "draw:a", "draw:custom-shape", "draw:g":
                    anchored += frames(child)
                default:
                    // Links (text:a), fields (their shown value), text:meta, text:ruby-base and the like: their text.
                    collect(child, bold: bold, keepsNumber: keepsNumber, into: &text, anchored: &anchored)
                }
            }
        }
    }

    /// The blocks of the text boxes in a frame or shape (a custom shape holds its text itself).
    mutating func frames(_ element: XMLTreeElement) -> [OfficeBlock] {
        if element.name == "draw:custom-shape" { return blocks(in: element) }
        var blocks: [OfficeBlock] = []
        for child in element.elements {
            if child.name == "draw:text-box" {
                blocks += self.blocks(in: child)
            } else if child.name.hasPrefix("draw:") {
                blocks += frames(child)
            }
        }
        return blocks
    }

    // MARK: Tables

    mutating func table(_ table: XMLTreeElement) -> OfficeBlock {
        var rows: [[[OfficeBlock]]] = []
        for row in Self.rows(of: table) {
            var cells: [[OfficeBlock]] = []
            for cell in row.elements where cell.name == "table:table-cell" || cell.name == "table:covered-table-cell" {
                let repeats = min(max(cell.attribute("table:number-columns-repeated").flatMap { Int($0) } ?? 1, 1), Self.maximumRepeat)
                let content = cell.name == "table:table-cell" ? blocks(in: cell) : []
                cells += Array(repeating: content, count: repeats)
            }
            let repeats = min(max(row.attribute("table:number-rows-repeated").flatMap { Int($0) } ?? 1, 1), Self.maximumRepeat)
            rows += Array(repeating: cells, count: repeats)
        }
        return .table(rows)
    }

    /// A table's rows, through header rows, row groups and `table:table-rows`.
    static func rows(of element: XMLTreeElement) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for child in element.elements {
            switch child.name {
            case "table:table-row": found.append(child)
            case "table:table-header-rows", "table:table-rows", "table:table-row-group": found += rows(of: child)
            default: continue
            }
        }
        return found
    }
}
