import Foundation

/// Turns a Word document's body (`word/document.xml`) into `OfficeBlock`s.
///
/// - A paragraph is a heading by its style (`Heading1` to `Heading9`,
///   `Title`, or a style with an outline level, its own or inherited) or by
///   its own `w:outlineLvl`; a list item by its numbering (its own `w:numPr`
///   or its style's), numbered as Word shows it; else a paragraph. A
///   numbering whose label says more than the number (`Objective %1:`) is
///   written into the text instead.
/// - Runs are bold by `w:b` (not `w:val="0"`/`"false"`), else by their
///   character style, else by the paragraph's style. Tabs are spaces,
///   `w:br` and `w:cr` line breaks (a page or column break a space).
/// - Inserted text (`w:ins`, `w:moveTo`) is kept, deleted text (`w:del`,
///   `w:moveFrom`) dropped; a field keeps its result, not its instruction;
///   content controls (`w:sdt`), hyperlinks, smart tags and custom XML read
///   as their content; text boxes follow the paragraph they are anchored in.
/// - Tables become rows of cells: `w:gridSpan` and `w:gridBefore`/`w:gridAfter`
///   leave empty cells so columns line up, and a cell that continues a
///   vertical merge (`w:vMerge` without `restart`) is empty.
/// - Left out: tables of contents (their paragraphs repeat the headings),
///   footnote, endnote and comment references, pictures, and everything
///   outside the body (headers, footers, comments, footnotes).
struct WordConverter {
    let styles: WordStyles
    var numbering: WordNumbering

    init(styles: WordStyles, numbering: WordNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    /// The blocks of the document part's root element (`w:document`).
    mutating func convert(document root: XMLTreeElement) -> [OfficeBlock] {
        guard let body = root.child("w:body") else { return [] }
        return blocks(in: body)
    }

    /// The blocks among an element's children: a body, a table cell, a content control, a text box.
    mutating func blocks(in container: XMLTreeElement) -> [OfficeBlock] {
        var blocks: [OfficeBlock] = []
        for element in container.elements {
            switch element.name {
            case "w:p":
                blocks += paragraph(element)
            case "w:tbl":
                blocks.append(table(element))
            case "w:sdt":
                guard !Self.isTableOfContents(element), let content = element.child("w:sdtContent") else { continue }
                blocks += self.blocks(in: content)
            case "w:customXml", "w:ins", "w:moveTo", "w:smartTag":
                blocks += self.blocks(in: element)
            case "mc:AlternateContent":
                if let choice = element.child("mc:Choice") { blocks += self.blocks(in: choice) }
            default:
                continue
            }
        }
        return blocks
    }

    /// A content control that Word made a table of contents of.
    static func isTableOfContents(_ sdt: XMLTreeElement) -> Bool {
        guard let gallery = sdt.child("w:sdtPr", "w:docPartObj", "w:docPartGallery")?.attribute("w:val") else { return false }
        return gallery.lowercased().hasPrefix("table of contents")
    }

    // MARK: Paragraphs

    /// A paragraph's block, then the blocks of any text box anchored in it.
    mutating func paragraph(_ paragraph: XMLTreeElement) -> [OfficeBlock] {
        let properties = paragraph.child("w:pPr")
        let style = properties?.child("w:pStyle")?.attribute("w:val") ?? styles.defaultParagraphStyle
        if styles.isTableOfContents(style) { return [] }
        var text = OfficeText()
        var anchored: [OfficeBlock] = []
        inline(paragraph, paragraphStyle: style, into: &text, anchored: &anchored)

        var level = styles.headingLevel(of: style)
        if let own = properties?.child("w:outlineLvl")?.attribute("w:val").flatMap({ Int($0) }) {
            level = (0...8).contains(own) ? own + 1 : nil
        }
        let direct = properties?.child("w:numPr")
        let styled = styles.numbering(of: style)
        let numberingID = direct?.child("w:numId")?.attribute("w:val") ?? styled?.id
        let numberingLevel = direct?.child("w:ilvl")?.attribute("w:val").flatMap { Int($0) } ?? styled?.level ?? 0
        // Word counts a numbered paragraph even when it is empty (and shows its number).
        let label = numberingID.flatMap { numbering.next(id: $0, level: numberingLevel) }

        let block: OfficeBlock
        if let level {
            if let label, label.format != "bullet", !label.text.isEmpty { text.prepend(label.text + (label.suffix == "nothing" ? "" : " ")) }
            block = .heading(level: level, text)
        } else if let label {
            switch label.format {
            case "bullet":
                block = .listItem(level: numberingLevel, marker: .bullet, text)
            case "none":
                if !label.text.trimmingCharacters(in: .whitespaces).isEmpty { text.prepend(label.text + " ") }
                block = .paragraph(text)
            default:
                if label.isPlainNumber {
                    block = .listItem(level: numberingLevel, marker: .number(label.number), text)
                } else if label.text.contains(where: \.isLetter) || !label.text.contains(where: \.isNumber) {
                    text.prepend(label.text + (label.suffix == "nothing" ? "" : " "))
                    block = .paragraph(text)
                } else {
                    block = .listItem(level: numberingLevel, marker: .number(label.number), text)
                }
            }
        } else {
            block = .paragraph(text)
        }
        return [block] + anchored
    }

    /// Collects the text of a paragraph (or of an element inside one).
    mutating func inline(_ element: XMLTreeElement, paragraphStyle: String?, into text: inout OfficeText, anchored: inout [OfficeBlock]) {
        for child in element.elements {
            switch child.name {
            case "w:r":
                run(child, paragraphStyle: paragraphStyle, into: &text, anchored: &anchored)
            case "w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:sdtEndPr", "mc:Fallback":
                continue
            case "w:sdt":
                if let content = child.child("w:sdtContent") { inline(content, paragraphStyle: paragraphStyle, into: &text, anchored: &anchored) }
            case "mc:AlternateContent":
                if let choice = child.child("mc:Choice") { inline(choice, paragraphStyle: paragraphStyle, into: &text, anchored: &anchored) }
            case "m:oMath", "m:oMathPara":
                text.append(Self.mathText(child), bold: false)
            default:
                // w:hyperlink, w:ins, w:moveTo, w:fldSimple, w:smartTag, w:customXml, w:dir, w:bdo and any other wrapper.
                inline(child, paragraphStyle: paragraphStyle, into: &text, anchored: &anchored)
            }
        }
    }

    /// A run's text: `w:t`, tabs and breaks; its bold from its properties or styles.
    mutating func run(_ run: XMLTreeElement, paragraphStyle: String?, into text: inout OfficeText, anchored: inout [OfficeBlock]) {
        let properties = run.child("w:rPr")
        let bold = properties?.child("w:b").map(WordStyles.isOn)
            ?? styles.bold(properties?.child("w:rStyle")?.attribute("w:val"))
            ?? styles.bold(paragraphStyle)
            ?? false
        for child in run.elements {
            switch child.name {
            case "w:t":
                text.append(child.ownText, bold: bold)
            case "w:tab", "w:ptab":
                text.append(" ", bold: false)
            case "w:br":
                let type = child.attribute("w:type")
                if type == "page" || type == "column" { text.append(" ", bold: false) } else { text.appendLineBreak() }
            case "w:cr":
                text.appendLineBreak()
            case "w:noBreakHyphen":
                text.append("-", bold: bold)
            case "w:drawing", "w:pict", "w:object", "mc:AlternateContent":
                anchored += textBoxes(in: child)
            default:
                // w:delText, w:instrText, w:fldChar, references to notes and comments, w:sym, w:softHyphen.
                continue
            }
        }
    }

    /// The blocks of the text boxes inside a drawing (`w:txbxContent`), the first choice of alternate content only.
    mutating func textBoxes(in element: XMLTreeElement) -> [OfficeBlock] {
        var blocks: [OfficeBlock] = []
        for child in element.elements {
            switch child.name {
            case "w:txbxContent": blocks += self.blocks(in: child)
            case "mc:Fallback": continue
            case "mc:AlternateContent":
                if let choice = child.child("mc:Choice") { blocks += textBoxes(in: choice) }
            default: blocks += textBoxes(in: child)
            }
        }
        return blocks
    }

    /// The text of an equation: its `m:t` runs.
    static func mathText(_ element: XMLTreeElement) -> String {
        element.elements.map { $0.name == "m:t" ? $0.ownText : mathText($0) }.joined()
    }

    // MARK: Tables

    /// A table's rows of cells, merged cells laid out so that columns line up.
    mutating func table(_ table: XMLTreeElement) -> OfficeBlock {
        var rows: [[[OfficeBlock]]] = []
        for row in Self.contents(of: table, named: "w:tr") {
            var cells: [[OfficeBlock]] = []
            let properties = row.child("w:trPr")
            let before = properties?.child("w:gridBefore")?.attribute("w:val").flatMap { Int($0) } ?? 0
            cells += Array(repeating: [], count: min(max(before, 0), Self.maximumSpan))
            for cell in Self.contents(of: row, named: "w:tc") {
                let cellProperties = cell.child("w:tcPr")
                let span = cellProperties?.child("w:gridSpan")?.attribute("w:val").flatMap { Int($0) } ?? 1
                let merge = cellProperties?.child("w:vMerge")
                let continuesMerge = merge != nil && merge?.attribute("w:val") != "restart"
                cells.append(continuesMerge ? [] : blocks(in: cell))
                cells += Array(repeating: [], count: min(max(span - 1, 0), Self.maximumSpan))
            }
            let after = properties?.child("w:gridAfter")?.attribute("w:val").flatMap { Int($0) } ?? 0
            cells += Array(repeating: [], count: min(max(after, 0), Self.maximumSpan))
            rows.append(cells)
        }
        return .table(rows)
    }

    /// The most columns a merged cell is taken to span.
    static let maximumSpan = 64

    /// The rows of a table or the cells of a row, through content controls and custom XML around them.
    static func contents(of element: XMLTreeElement, named name: String) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for child in element.elements {
            if child.name == name {
                found.append(child)
            } else if child.name == "w:sdt", let content = child.child("w:sdtContent") {
                found += contents(of: content, named: name)
            } else if child.name == "w:customXml" || child.name == "w:ins" || child.name == "w:moveTo" {
                found += contents(of: child, named: name)
            }
        }
        return found
    }
}
