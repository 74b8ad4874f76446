import EqlintText

/// A file's structure as its reader found it: front matter, headings,
/// paragraphs, list items, tables and comments, each with the bytes it
/// covers in `source`. A reader knows one file format and nothing of plans;
/// `PlanRecovery` turns any `Document` into a `Plan`.
public struct Document: Sendable {
    /// The text the spans point into (and positions are counted in).
    public let source: SourceFile
    /// The format it was read as (`markdown`, `text`, `html`).
    public let format: String
    public var blocks: [Block]
    /// Where the file's text is, when the file is markup around it (a web
    /// page): the spans of its blocks' text, in file order, leaving out the
    /// tags, scripts and page furniture between them. Nil when all of the
    /// file but its comments is text (Markdown, plain text). The checks that
    /// read the whole plan (acronyms, small counts, phrases to avoid) read
    /// these spans.
    public var textSpans: [Range<Int>]?

    public init(source: SourceFile, format: String, blocks: [Block], textSpans: [Range<Int>]? = nil) {
        self.source = source
        self.format = format
        self.blocks = blocks
        self.textSpans = textSpans
    }

    /// One block of a document. Every span is a byte range into the source,
    /// with surrounding spaces trimmed.
    public enum Block: Equatable, Sendable {
        /// `key: value` lines between two `---` lines at the very top.
        case frontMatter(lines: [Range<Int>])
        /// A heading whose level the file gives (`## Title`, a setext underline).
        case heading(level: Int, text: Range<Int>)
        /// Consecutive lines of text, each kept apart (a label line is a line).
        case paragraph(lines: [Range<Int>])
        /// A list item: its marker, its first line after the marker, then its continuation lines.
        case listItem(ListItem)
        /// A table: rows of cells.
        case table(Table)
        /// An HTML comment (the whole `<!-- ... -->`), where eqlint-disable directives are.
        case comment(Range<Int>)
        /// A blank line, a thematic break or a code block: it separates blocks.
        case separator
    }

    /// A list item and how it was marked.
    public struct ListItem: Equatable, Sendable {
        public enum Marker: Equatable, Sendable {
            /// `-`, `*`, `+`, `•`, `·`, `o`, `▪` and the like.
            case bullet
            /// `1.`, `1)`, `(1)`: the number as written.
            case number(Int)
        }
        public var marker: Marker
        /// The marker as written.
        public var markerSpan: Range<Int>
        public var lines: [Range<Int>]

        public init(marker: Marker, markerSpan: Range<Int>, lines: [Range<Int>]) {
            self.marker = marker
            self.markerSpan = markerSpan
            self.lines = lines
        }
    }

    /// A table: a GitHub pipe table (whose first row is its header), or rows
    /// of tab-separated cells as a Word table saved as text gives them (which
    /// row, if any, is a header is for structure recovery to judge).
    public struct Table: Equatable, Sendable {
        public var rows: [Row]
        /// Whether the first row is a header by the file's own syntax.
        public var hasHeader: Bool

        public init(rows: [Row], hasHeader: Bool) {
            self.rows = rows
            self.hasHeader = hasHeader
        }
    }

    /// A table row: its cells (trimmed spans; an empty cell is an empty span
    /// where it stands) and whether a blank line came before it.
    public struct Row: Equatable, Sendable {
        public var cells: [Range<Int>]
        /// The whole row as written.
        public var span: Range<Int>
        public var followsBlankLine: Bool

        public init(cells: [Range<Int>], span: Range<Int>, followsBlankLine: Bool = false) {
            self.cells = cells
            self.span = span
            self.followsBlankLine = followsBlankLine
        }
    }
}
