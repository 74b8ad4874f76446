@testable import EqlintPlan
@testable import EqlintText
import Foundation

/// Helpers for the HTML reader's tests.
enum HTMLTestSupport {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/html")

    static func read(_ html: String, path: String = "page.html") -> Document {
        HTMLReader().read(SourceFile(path: path, text: html))
    }

    /// The blocks as lines of text, each span read as plain words:
    /// `heading 2: Objective 1`, `paragraph: Lead: Head | Timescale: July`,
    /// `item 3: ...`, `table (header): a | b / c | d`, `comment: ...`, `---`.
    static func describe(_ document: Document) -> [String] {
        let bytes = document.source.bytes
        func plain(_ span: Range<Int>) -> String { InlineText.plain(bytes, span) }
        return document.blocks.map { block in
            switch block {
            case .frontMatter(let lines): return "front matter: " + lines.map(plain).joined(separator: " | ")
            case .heading(let level, let text): return "heading \(level): \(plain(text))"
            case .paragraph(let lines): return "paragraph: " + lines.map(plain).joined(separator: " | ")
            case .listItem(let item):
                let marker: String
                switch item.marker {
                case .bullet: marker = "item"
                case .number(let number): marker = "item \(number)"
                }
                return "\(marker): " + item.lines.map(plain).joined(separator: " | ")
            case .table(let table):
                let rows = table.rows.map { $0.cells.map(plain).joined(separator: " | ") }.joined(separator: " / ")
                return "table\(table.hasHeader ? " (header)" : ""): \(rows)"
            case .comment(let span): return "comment: \(document.source.text(span))"
            case .separator: return "---"
            }
        }
    }

    /// The blocks without separators.
    static func content(_ html: String) -> [String] {
        describe(read(html)).filter { $0 != "---" }
    }
}
