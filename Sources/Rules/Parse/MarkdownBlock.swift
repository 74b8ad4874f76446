/// One block of a Markdown file, as the plan parser needs it. Every span is a
/// byte range into the file with surrounding spaces trimmed.
enum MarkdownBlock: Equatable {
    /// `key: value` lines between two `---` lines at the very top.
    case frontMatter(lines: [Range<Int>])
    /// An ATX (`## Title`) or setext heading.
    case heading(level: Int, text: Range<Int>)
    /// Consecutive lines of text, each kept apart (a label line is a line).
    case paragraph(lines: [Range<Int>])
    /// A list item: its first line after the marker, then its continuation lines.
    case listItem(lines: [Range<Int>])
    /// A GitHub table: header cells, then each row's cells.
    case table(header: [Range<Int>], rows: [[Range<Int>]])
    /// An HTML comment (the whole `<!-- ... -->`).
    case comment(Range<Int>)
    /// A blank line, a thematic break or a code block: it separates blocks.
    case separator
}
