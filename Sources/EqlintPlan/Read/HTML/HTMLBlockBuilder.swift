import EqlintText
import Foundation

/// Turns a web page's tokens into a `Document`'s blocks, with spans into
/// the page itself. It keeps a stack of open elements (an array, never
/// recursion) and closes elements the way browsers do where it matters for
/// text: a block closes an open `<p>`, an `<li>` the `<li>` before it, a
/// cell the cell before it; an end tag closes what was left open inside
/// its element, and one that matches nothing open is ignored. Every open
/// element is found through an index by name, so that no end tag searches
/// the stack: tags nested 200,000 deep, never closed or misnested are read
/// in linear time.
///
/// What is read:
/// - `h1`–`h6` are headings; `p`, `div`, `section`, `blockquote`, `dd`,
///   `dt`, `figcaption`, ... are paragraphs, each `<br>`-separated piece a
///   line (two `<br>` in a row end the paragraph); `li` is a list item
///   (numbered in an `ol`, from its `start`); `hr` is a separator;
/// - a table is a `.table`, its first row a header when it has a `th` or is
///   in `thead`; a cell's span covers all its content (its `<br>`, `<p>`,
///   lists, a nested table's text), which `InlineText` splits at those tags;
///   a table holding headings (or `role="presentation"`) is the page's
///   layout, not a table: its cells are read as blocks;
/// - a span starts at its first character of text and ends after its last,
///   taking in the inline tags between (`<strong>Lead:</strong> Head`);
///   spaces, `&nbsp;` and line breaks at either end are left out.
///
/// What is left out: `script`, `style`, `noscript`, `template`, `nav`,
/// `aside`, `form` (unless it wraps the page), `button`, `select`, `svg`,
/// `iframe` and other embedded content; `header` and `footer` outside an
/// `article`, `main` or `section`; hidden elements (`hidden`,
/// `aria-hidden="true"`, `display:none`); cookie and consent banners
/// (`id` or `class` naming cookie, consent, gdpr or banner), breadcrumbs and
/// skip links; landmarks with the roles of those. With a `main` element (or
/// `role="main"`), or else one `article`, only that is read.
///
/// A span never takes in markup that `Markup`'s simple rules would read as
/// words: where a skipped element with content, or a tag holding `<` or `>`
/// in an attribute, stands inside a line of text, the block ends there (and
/// the rest of a table cell is not read).
struct HTMLBlockBuilder {
    private let bytes: [UInt8]
    private var tokenizer: HTMLTokenizer

    // What the first pass found.
    private let page: PageOutline

    // Open elements.
    private struct Open {
        var hash: UInt64
        var tag: HTMLTag
        var role: Role
    }

    private enum Role {
        /// Inline markup (`strong`, `a`, `span`, unknown elements).
        case inline
        /// Inside a skipped element or a table cell: no effect but its end tag's.
        case inert
        case skip
        /// `main` or the article read.
        case scope
        case block
        case heading
        case listItem
        case list
        case pre
        case table
        case row
        case cell
        case tableSection
    }

    private var stack: [Open] = []
    /// Stack indices of the open elements of each name.
    private var positions: [UInt64: [Int]] = [:]
    private var skipDepth = 0
    private var scopeDepth = 0
    private var preDepth = 0
    private var headIndex: Int?
    private var seenBody = false
    /// A skipped element was opened inside a line: the line ends if it holds anything.
    private var skipBreakPending = false
    /// An `<a href="#...">` whose text, if it starts with "Skip", makes it a skip link.
    private var skipLinkCandidate: Int?

    // The block being read.
    private enum Pending {
        case paragraph
        case heading(Int)
        case listItem(Document.ListItem)
    }

    private var pending: Pending?
    /// The `li` or heading element the pending block belongs to: blocks inside it only break its lines.
    private var pendingOwner: Int?
    private var lines: [Range<Int>] = []
    private var lineStart: Int?
    private var lineEnd = 0
    private var breaksSinceText = 0

    private struct ListContext {
        var ordered: Bool
        var next: Int
    }

    private var lists: [ListContext] = []

    private struct Cell {
        var start: Int?
        var end = 0
        /// Where an empty cell stands: just after its tag.
        var at: Int
        var columns: Int
        /// Text after a skipped element inside the cell is not read.
        var frozen = false
    }

    private struct TableContext {
        var isLayout: Bool
        /// Where the table's element is on the stack.
        var stackIndex: Int
        var rows: [Document.Row] = []
        var row: [Range<Int>]?
        var rowIsHeader = false
        var cell: Cell?
        var inHead = false
        var hasHeader = false
    }

    private var tables: [TableContext] = []
    /// How many of `tables` hold data (comments inside them wait for the table).
    private var openDataTables = 0
    private var blocks: [Document.Block] = []
    private var textSpans: [Range<Int>] = []
    private var queuedComments: [Range<Int>] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokenizer = HTMLTokenizer(bytes: bytes)
        page = PageOutline(bytes: bytes)
    }

    /// The blocks, and the spans of their text in file order.
    mutating func build() -> (blocks: [Document.Block], textSpans: [Range<Int>]) {
        while let token = tokenizer.next() {
            switch token.kind {
            case .text: text(token.span)
            case .startTag: startTag(token)
            case .endTag: endTag(token)
            case .comment: comment(token.span)
            case .declaration: declaration(token.span)
            case .rawText: if skipDepth > 0, !Markup.trimSpaces(bytes, token.span).isEmpty { contentInSkip() }
            }
        }
        while !stack.isEmpty { pop() }
        flush()
        emitQueuedComments(force: true)
        textSpans.sort { $0.lowerBound < $1.lowerBound }
        return (blocks, textSpans)
    }

    // MARK: State

    /// Whether text read now is the plan's: not skipped, and inside `main` (or the article) when the page has one.
    private var isVisible: Bool {
        skipDepth == 0 && (!page.isRestricted || scopeDepth > 0)
    }

    /// Whether text goes into a data table's cell.
    private var inDataCell: Bool {
        guard let table = tables.last else { return false }
        return !table.isLayout && table.cell != nil
    }

    private var cellHasText: Bool {
        tables.last?.cell?.start != nil
    }

    private func innermost(_ tags: HTMLTag...) -> Int {
        var result = -1
        for tag in tags {
            if let last = positions[Self.hashes[Int(tag.rawValue)]]?.last, last > result { result = last }
        }
        return result
    }

    private func innermost(hash: UInt64) -> Int {
        positions[hash]?.last ?? -1
    }

    /// Each tag's name hash, by raw value.
    private static let hashes: [UInt64] = {
        var result: [UInt64] = [0]
        var raw: UInt8 = 1
        while let tag = HTMLTag(rawValue: raw) {
            result.append(HTMLTag.hash(String(describing: tag)))
            raw += 1
        }
        return result
    }()

    /// The innermost table, cell or caption: no end tag for an element outside it reaches in.
    private var tableBoundary: Int { innermost(.table, .td, .th, .caption) }

    private mutating func push(_ tag: HTMLTag, _ hash: UInt64, _ role: Role) {
        positions[hash, default: []].append(stack.count)
        stack.append(Open(hash: hash, tag: tag, role: role))
    }

    private mutating func popTo(_ index: Int) {
        while stack.count > index { pop() }
    }

    private mutating func pop() {
        let element = stack.removeLast()
        positions[element.hash]?.removeLast()
        let index = stack.count
        switch element.role {
        case .inline:
            if skipLinkCandidate == index { skipLinkCandidate = nil }
        case .inert:
            break
        case .skip:
            skipDepth -= 1
            if skipDepth == 0 { skipBreakPending = false }
            if headIndex == index { headIndex = nil }
        case .scope:
            flush()
            scopeDepth -= 1
        case .block:
            boundary()
        case .pre:
            boundary()
            preDepth -= 1
        case .heading, .listItem:
            flush()
        case .list:
            flush()
            lists.removeLast()
        case .table:
            closeTable()
        case .row:
            if tables.last?.isLayout == false { finishRow() } else { flush() }
        case .cell:
            if tables.last?.isLayout == false { finishCell() } else { flush() }
        case .tableSection:
            if tables.last?.isLayout == false {
                finishRow()
                tables[tables.count - 1].inHead = false
            }
        }
    }

    // MARK: Tokens

    private mutating func text(_ span: Range<Int>) {
        let trimmed = Markup.trimSpaces(bytes, span)
        guard !trimmed.isEmpty else { return }
        if let head = headIndex, stack.count - 1 == head { popTo(head) }  // text ends the head
        seenBody = true
        if skipDepth > 0 { return contentInSkip() }
        guard isVisible else { return }
        if let candidate = skipLinkCandidate {
            skipLinkCandidate = nil
            if startsWithSkip(trimmed) {
                stack[candidate].role = .skip
                skipDepth += 1
                return
            }
        }
        guard preDepth > 0, !inDataCell else { return extend(trimmed) }
        // Preformatted text: each line of the file is a line.
        var from = span.lowerBound
        while from < span.upperBound {
            let newline = ByteText.find(bytes, 0x0A, in: from..<span.upperBound) ?? span.upperBound
            let piece = Markup.trimSpaces(bytes, from..<newline)
            if !piece.isEmpty { extend(piece) }
            if newline < span.upperBound { lineBreak() }
            from = newline + 1
        }
    }

    private mutating func startTag(_ token: HTMLTokenizer.Token) {
        let tag = token.tag
        let attributes = tokenizer.attributes
        if let head = headIndex, !tag.belongsInHead { popTo(head) }
        if tag == .head {
            if !seenBody, headIndex == nil, skipDepth == 0 {
                headIndex = stack.count
                push(tag, token.nameHash, .skip)
                skipDepth += 1
            }
            return
        }
        if !tag.belongsInHead, tag != .html { seenBody = true }
        let simple = isSimple(token.span)
        if tag == .br {
            if skipDepth > 0 { if !simple { contentInSkip() }; return }
            if !simple { hardBreak() }
            if isVisible { lineBreak() }
            return
        }
        if skipDepth > 0 {
            if !simple { contentInSkip() }
            if !tag.isVoid, !(token.selfClosing && (tag == .svg || tag == .math)) { push(tag, token.nameHash, .inert) }
            return
        }
        if tag == .hr {
            if !simple { hardBreak() }
            if isVisible, !inDataCell {
                closeParagraph()
                flush()
                if blocks.last != .separator { blocks.append(.separator) }
            }
            return
        }
        if isSkipped(tag, attributes, at: token.span.lowerBound) {
            if !simple { hardBreak() }
            if tag.isVoid || (token.selfClosing && (tag == .svg || tag == .math)) { return }
            if isVisible {
                if tag.isBlock || tag == .nav || tag == .aside || tag == .header || tag == .footer || tag == .form {
                    if !inDataCell { closeParagraph(); boundary() }
                }
                skipBreakPending = true
            }
            push(tag, token.nameHash, .skip)
            skipDepth += 1
            return
        }
        if !simple { hardBreak() }
        if tag.isVoid { return }
        // Inside a data table's cell, all is the cell's content, but for the
        // tags that start the table's next cell or row (not a nested table's).
        if inDataCell, !(tag.startsCellOrRow && innermost(.table) == tables[tables.count - 1].stackIndex) {
            push(tag, token.nameHash, .inert)
            return
        }
        if page.isRestricted, page.isScope(tag, attributes, bytes) {
            flush()
            push(tag, token.nameHash, .scope)
            scopeDepth += 1
            return
        }
        if let level = tag.headingLevel {
            closeParagraph()
            closeHeading()
            flush()
            pending = .heading(level)
            pendingOwner = stack.count
            push(tag, token.nameHash, .heading)
            return
        }
        switch tag {
        case .ul, .ol, .menu, .dir:
            closeParagraph()
            flush()
            let start = tag == .ol ? attributes.start.flatMap(integer) ?? 1 : 1
            lists.append(ListContext(ordered: tag == .ol, next: start))
            push(tag, token.nameHash, .list)
        case .li:
            closeParagraph()
            let item = innermost(.li)
            if item >= 0, item > max(innermost(.ul, .ol, .menu, .dir), tableBoundary) { popTo(item) }
            flush()
            listItem(token, attributes)
            pendingOwner = stack.count
            push(tag, token.nameHash, .listItem)
        case .dd, .dt:
            let item = innermost(.dd, .dt)
            if item >= 0, item > max(innermost(.dl), tableBoundary) { popTo(item) }
            closeParagraph()
            boundary()
            push(tag, token.nameHash, .block)
        case .table:
            closeParagraph()
            flush()
            let role = attributes.role.map { lowercased($0) } ?? ""
            let layout = page.layoutTables.contains(token.span.lowerBound) || role == "presentation" || role == "none"
            tables.append(TableContext(isLayout: layout, stackIndex: stack.count))
            if !layout { openDataTables += 1 }
            push(tag, token.nameHash, .table)
        case .tr:
            rowStart(token)
        case .td, .th:
            cellStart(token, attributes)
        case .thead, .tbody, .tfoot:
            if let table = tables.last, !table.isLayout {
                let row = innermost(.tr)
                let cell = innermost(.td, .th)
                if row > innermost(.table) { popTo(row) } else if cell > innermost(.table) { popTo(cell) }
                finishRow()
                tables[tables.count - 1].inHead = tag == .thead
            } else {
                flush()
            }
            push(tag, token.nameHash, .tableSection)
        case .caption:
            flush()
            push(tag, token.nameHash, .block)
        case .pre, .listing:
            closeParagraph()
            boundary()
            preDepth += 1
            push(tag, token.nameHash, .pre)
        case .a:
            push(tag, token.nameHash, .inline)
            if isVisible, let href = attributes.href, !href.isEmpty, bytes[href.lowerBound] == 0x23 { skipLinkCandidate = stack.count - 1 }
        default:
            if tag.isBlock {
                closeParagraph()
                boundary()
                push(tag, token.nameHash, .block)
            } else {
                push(tag, token.nameHash, .inline)
            }
        }
    }

    private mutating func endTag(_ token: HTMLTokenizer.Token) {
        let tag = token.tag
        if tag == .br {  // `</br>` is read as `<br>`
            if skipDepth == 0, isVisible { lineBreak() }
            return
        }
        if !isSimple(token.span) { if skipDepth > 0 { contentInSkip() } else { hardBreak() } }
        guard let last = positions[token.nameHash]?.last else {
            // A `</p>` with no `<p>` open still breaks the text, as browsers make an empty paragraph of it.
            if tag == .p, skipDepth == 0, isVisible, !inDataCell { boundary() }
            return
        }
        if tag.isTablePart {
            if tag != .table, last < innermost(.table) { return }
        } else {
            if last < tableBoundary { return }
            if tag == .li, last < innermost(.ul, .ol, .menu, .dir) { return }
        }
        popTo(last)
    }

    private mutating func comment(_ span: Range<Int>) {
        if skipDepth > 0 {
            if !isSimple(span) { contentInSkip() }
            return
        }
        if !isSimple(span) { hardBreak() }
        if pending != nil || openDataTables > 0 {
            queuedComments.append(span)
        } else {
            emit(.comment(span))
        }
    }

    private mutating func declaration(_ span: Range<Int>) {
        guard !isSimple(span) else { return }
        if skipDepth > 0 { contentInSkip() } else { hardBreak() }
    }

    // MARK: Text

    private mutating func extend(_ span: Range<Int>) {
        breaksSinceText = 0
        if inDataCell {
            let last = tables.count - 1
            guard var cell = tables[last].cell, !cell.frozen else { return }
            if cell.start == nil { cell.start = span.lowerBound }
            cell.end = span.upperBound
            tables[last].cell = cell
            return
        }
        if pending == nil {
            pending = .paragraph
            pendingOwner = nil
        }
        if lineStart == nil { lineStart = span.lowerBound }
        lineEnd = span.upperBound
    }

    /// A `<br>`: the line ends; a second one in a row ends a paragraph.
    private mutating func lineBreak() {
        guard !inDataCell else { return }
        if lineStart != nil {
            finishLine()
            breaksSinceText = 1
            return
        }
        breaksSinceText += 1
        if breaksSinceText >= 2, case .paragraph? = pending { flush() }
    }

    private mutating func finishLine() {
        guard let start = lineStart else { return }
        lines.append(start..<lineEnd)
        lineStart = nil
    }

    /// Where a block starts or ends: inside a list item or heading, its line
    /// ends; elsewhere the block being read is done.
    private mutating func boundary() {
        guard !inDataCell else { return }
        if let owner = pendingOwner, owner < stack.count {
            finishLine()
        } else {
            flush()
        }
    }

    /// Markup the span of a line must not take in: the block ends before it
    /// (in a table cell, the cell's text does).
    private mutating func hardBreak() {
        if inDataCell {
            if cellHasText { tables[tables.count - 1].cell?.frozen = true }
            return
        }
        if lineStart != nil || !lines.isEmpty { flush() }
    }

    /// Something was found inside a skipped element opened within a line: the line ends before the element.
    private mutating func contentInSkip() {
        guard skipBreakPending else { return }
        skipBreakPending = false
        hardBreak()
    }

    /// Ends the block being read, and emits it.
    private mutating func flush() {
        finishLine()
        defer {
            pending = nil
            pendingOwner = nil
            lines = []
            breaksSinceText = 0
            emitQueuedComments()
        }
        guard let kind = pending, let first = lines.first, let last = lines.last else { return }
        switch kind {
        case .paragraph:
            emit(.paragraph(lines: lines))
            textSpans += lines
        case .heading(let level):
            let span = first.lowerBound..<last.upperBound
            emit(.heading(level: level, text: span))
            textSpans.append(span)
        case .listItem(var item):
            item.lines = lines
            emit(.listItem(item))
            textSpans += lines
        }
    }

    /// Adds a block, with a blank line (`.separator`) before it as between
    /// Markdown's blocks; list items follow each other with none.
    private mutating func emit(_ block: Document.Block) {
        if let last = blocks.last, last != .separator {
            let bothItems: Bool
            if case .listItem = last, case .listItem = block { bothItems = true } else { bothItems = false }
            if !bothItems { blocks.append(.separator) }
        }
        blocks.append(block)
    }

    private mutating func emitQueuedComments(force: Bool = false) {
        guard !queuedComments.isEmpty, force || (pending == nil && openDataTables == 0) else { return }
        let comments = queuedComments
        queuedComments = []
        for span in comments { emit(.comment(span)) }
    }

    // MARK: Elements

    /// Closes an open `<p>` (not one outside the table or cell the reader is in).
    private mutating func closeParagraph() {
        let paragraph = innermost(.p)
        if paragraph >= 0, paragraph > tableBoundary { popTo(paragraph) }
    }

    private mutating func closeHeading() {
        let heading = innermost(.h1, .h2, .h3, .h4, .h5, .h6)
        if heading >= 0, heading > tableBoundary { popTo(heading) }
    }

    private mutating func listItem(_ token: HTMLTokenizer.Token, _ attributes: HTMLTokenizer.Attributes) {
        var marker = Document.ListItem.Marker.bullet
        if var list = lists.last, list.ordered {
            let number = attributes.value.flatMap(integer) ?? list.next
            marker = .number(number)
            list.next = number &+ 1
            lists[lists.count - 1] = list
        }
        // The `<li>` tag is the marker as written. Its column is where recovery sees the item's
        // indentation, so a nested item's marker starts as many bytes into its tag as it is deep:
        // in a page that does not indent its lists, a nested item still stands right of its parent.
        let depth = min(max(lists.count - 1, 0), token.span.count - 1)
        let item = Document.ListItem(marker: marker, markerSpan: token.span.lowerBound + depth..<token.span.upperBound, lines: [])
        pending = .listItem(item)
    }

    private mutating func rowStart(_ token: HTMLTokenizer.Token) {
        guard let table = tables.last else {
            closeParagraph()
            boundary()
            push(.tr, token.nameHash, .block)
            return
        }
        let row = innermost(.tr)
        if row > innermost(.table) { popTo(row) }
        if table.isLayout {
            flush()
        } else {
            finishRow()
            flush()  // text outside the cells is read before the table, as browsers show it
            let last = tables.count - 1
            tables[last].row = []
            tables[last].rowIsHeader = tables[last].inHead
        }
        push(.tr, token.nameHash, .row)
    }

    private mutating func cellStart(_ token: HTMLTokenizer.Token, _ attributes: HTMLTokenizer.Attributes) {
        guard let table = tables.last else {
            closeParagraph()
            boundary()
            push(token.tag, token.nameHash, .block)
            return
        }
        let cell = innermost(.td, .th)
        if cell > innermost(.table) { popTo(cell) }
        flush()
        if !table.isLayout {
            let last = tables.count - 1
            if tables[last].row == nil {
                tables[last].row = []
                tables[last].rowIsHeader = tables[last].inHead
            }
            if token.tag == .th { tables[last].rowIsHeader = true }
            let columns = min(max(attributes.colspan.flatMap(integer) ?? 1, 1), 16)
            tables[last].cell = Cell(at: token.span.upperBound, columns: columns)
        }
        push(token.tag, token.nameHash, .cell)
    }

    private mutating func finishCell() {
        let last = tables.count - 1
        guard last >= 0, let cell = tables[last].cell else { return }
        tables[last].cell = nil
        let span = cell.start.map { $0..<cell.end } ?? cell.at..<cell.at
        if !span.isEmpty { textSpans.append(span) }
        if tables[last].row == nil { tables[last].row = [] }
        tables[last].row?.append(span)
        for _ in 1..<cell.columns { tables[last].row?.append(span.upperBound..<span.upperBound) }
    }

    private mutating func finishRow() {
        let last = tables.count - 1
        guard last >= 0 else { return }
        finishCell()
        guard let cells = tables[last].row else { return }
        tables[last].row = nil
        guard let first = cells.first, let end = cells.last else { return }
        if tables[last].rows.isEmpty { tables[last].hasHeader = tables[last].rowIsHeader }
        tables[last].rows.append(Document.Row(cells: cells, span: first.lowerBound..<max(first.lowerBound, end.upperBound)))
    }

    private mutating func closeTable() {
        guard let table = tables.last else { return }
        if table.isLayout {
            flush()
            tables.removeLast()
            return
        }
        finishRow()
        flush()  // text outside the cells, before the table
        let finished = tables.removeLast()
        if finished.rows.contains(where: { $0.cells.contains { !$0.isEmpty } }) {
            emit(.table(Document.Table(rows: finished.rows, hasHeader: finished.hasHeader)))
        }
        openDataTables -= 1
        emitQueuedComments()
    }

    // MARK: Skipping

    /// Whether an element is none of the plan's text.
    private func isSkipped(_ tag: HTMLTag, _ attributes: HTMLTokenizer.Attributes, at offset: Int) -> Bool {
        if tag.isAlwaysSkipped { return true }
        switch tag {
        case .html, .body, .main, .article: return false
        case .form: if !page.wrapperForms.contains(offset) { return true }
        case .header, .footer:
            // The page's banner and footer, not an article's own header (which holds its title).
            if innermost(.article, .main, .section) < 0 { return true }
        case .dialog: if !attributes.open { return true }
        default: break
        }
        if attributes.hidden { return true }
        if let value = attributes.ariaHidden, lowercased(value).trimmingCharacters(in: .whitespaces) == "true" { return true }
        if let style = attributes.style, styleHides(style) { return true }
        if let role = attributes.role, Self.skippedRoles.contains(lowercased(role).split(separator: " ").first.map(String.init) ?? "") {
            return true
        }
        for value in [attributes.class, attributes.id].compactMap({ $0 }) {
            if Self.furnitureWords.contains(where: { contains(value, $0) }) { return true }
            if tag == .a, contains(value, "skip") { return true }
        }
        if let label = attributes.ariaLabel, contains(label, "breadcrumb") { return true }
        return false
    }

    private static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menubar",
    ]

    /// Words in an `id` or `class` that mark page furniture.
    private static let furnitureWords: [StaticString] = ["cookie", "consent", "gdpr", "banner", "breadcrumb", "skip-link", "skiplink", "skip-to", "skip-nav"]

    /// `display: none` or `visibility: hidden` in a `style` attribute.
    private func styleHides(_ span: Range<Int>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(min(span.count, 4096))
        for index in span where !ByteText.isSpace(bytes[index]) && bytes[index] != 0x0A && bytes[index] != 0x0D {
            compact.append(bytes[index] &- 0x41 < 26 ? bytes[index] | 0x20 : bytes[index])
        }
        let all = 0..<compact.count
        return ByteText.find(compact, "display:none", in: all) != nil || ByteText.find(compact, "visibility:hidden", in: all) != nil
    }

    /// Whether `bytes[span]` contains an ASCII word, in any case.
    private func contains(_ span: Range<Int>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard span.count >= count else { return false }
        return word.withUTF8Buffer { needle in
            var index = span.lowerBound
            while index + count <= span.upperBound {
                var offset = 0
                while offset < count, bytes[index + offset] | 0x20 == needle[offset] { offset += 1 }
                if offset == count { return true }
                index += 1
            }
            return false
        }
    }

    private func startsWithSkip(_ span: Range<Int>) -> Bool {
        span.count >= 4 && contains(span.lowerBound..<span.lowerBound + 4, "skip")
    }

    /// Whether a token's span is markup that `Markup` reads as one tag, so
    /// it may stand inside a line's span.
    private func isSimple(_ span: Range<Int>) -> Bool {
        Markup.tagLength(bytes, at: span.lowerBound, end: span.upperBound) == span.count
    }

    private func lowercased(_ span: Range<Int>) -> String {
        String(decoding: bytes[span.lowerBound..<min(span.upperBound, span.lowerBound + 64)], as: UTF8.self).lowercased()
    }

    /// An attribute's whole number (`3`, ` -2 `), if it is one of at most nine digits.
    private func integer(_ span: Range<Int>) -> Int? {
        let text = String(decoding: bytes[span.lowerBound..<min(span.upperBound, span.lowerBound + 16)], as: UTF8.self)
            .trimmingCharacters(in: .whitespaces)
        guard text.count <= 10, let value = Int(text) else { return nil }
        return value
    }
}

/// What a first pass over a page finds, before its text is read: whether it
/// has a `main` element (or `role="main"`) or a single `article` to read
/// alone; which tables lay out the page rather than hold data (they hold a
/// heading, a `main` or an `article`); and which forms wrap the page (they
/// hold one too, as an ASP.NET page's `<form>` does).
struct PageOutline {
    private(set) var hasMain = false
    private(set) var articles = 0
    private(set) var layoutTables: Set<Int> = []
    private(set) var wrapperForms: Set<Int> = []

    /// Whether only part of the page is read.
    var isRestricted: Bool { hasMain || articles == 1 }

    init(bytes: [UInt8]) {
        var tokenizer = HTMLTokenizer(bytes: bytes)
        // Open tables and forms, by the offset of their start tag; those below each watermark are marked.
        var tables: [Int] = []
        var forms: [Int] = []
        var tablesMarked = 0
        var formsMarked = 0
        // How many furniture elements are open: a `main` or `article` in a sidebar or menu (a news
        // widget's articles) is none of the page's own.
        var furniture: [HTMLTag: Int] = [:]
        var inFurniture: Bool { furniture.values.contains { $0 > 0 } }
        func markOpen() {
            for index in tablesMarked..<tables.count { layoutTables.insert(tables[index]) }
            tablesMarked = tables.count
            for index in formsMarked..<forms.count { wrapperForms.insert(forms[index]) }
            formsMarked = forms.count
        }
        while let token = tokenizer.next() {
            switch token.kind {
            case .startTag:
                let tag = token.tag
                if Self.furnitureTags.contains(tag), !(tag == .svg && token.selfClosing) {
                    furniture[tag, default: 0] += 1
                } else if tag == .main || Self.hasRole(tokenizer.attributes, "main", bytes) {
                    if !inFurniture { hasMain = true }
                    markOpen()
                } else if tag == .article {
                    if !inFurniture { articles += 1 }
                    markOpen()
                } else if tag.headingLevel != nil {
                    markOpen()
                } else if tag == .table {
                    tables.append(token.span.lowerBound)
                } else if tag == .form {
                    forms.append(token.span.lowerBound)
                }
            case .endTag:
                if let open = furniture[token.tag], open > 0 {
                    furniture[token.tag] = open - 1
                } else if token.tag == .table, !tables.isEmpty {
                    tables.removeLast()
                    tablesMarked = min(tablesMarked, tables.count)
                } else if token.tag == .form, !forms.isEmpty {
                    forms.removeLast()
                    formsMarked = min(formsMarked, forms.count)
                }
            default:
                break
            }
        }
    }

    /// Elements whose `main` or `article` is not the page's.
    static let furnitureTags: Set<HTMLTag> = [.aside, .nav, .header, .footer, .template, .dialog, .noscript, .svg]

    /// Whether an element is what the page restricts reading to.
    func isScope(_ tag: HTMLTag, _ attributes: HTMLTokenizer.Attributes, _ bytes: [UInt8]) -> Bool {
        if hasMain { return tag == .main || Self.hasRole(attributes, "main", bytes) }
        return articles == 1 && tag == .article
    }

    static func hasRole(_ attributes: HTMLTokenizer.Attributes, _ role: String, _ bytes: [UInt8]) -> Bool {
        guard let span = attributes.role, span.count == role.utf8.count else { return false }
        return String(decoding: bytes[span], as: UTF8.self).lowercased() == role
    }
}
