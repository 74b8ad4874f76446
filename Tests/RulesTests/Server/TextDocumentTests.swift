@testable import EqlintKit
import Testing

/// Open documents: positions in UTF-16 and UTF-8, and edits as clients send them.
@Suite("Language server: documents and positions")
struct TextDocumentTests {
    /// A line with characters of one, two, three and four UTF-8 bytes (the last two UTF-16 units).
    static let text = "a\u{e9}\u{2013}\u{1F600}b\r\nsecond\rthird\nlast"

    @Test("positions of every character, in each encoding")
    func positions() {
        let document = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: Self.text)
        #expect(document.lineCount == 4)
        #expect(document.lineText(0) == "a\u{e9}\u{2013}\u{1F600}b")
        #expect(document.lineText(1) == "second")
        #expect(document.lineText(2) == "third")
        // Byte offsets of a, é, –, 😀, b and the line's end: 0, 1, 3, 6, 10, 11.
        let offsets = [0, 1, 3, 6, 10, 11]
        let units: [PositionEncoding: [Int]] = [.utf8: [0, 1, 3, 6, 10, 11], .utf16: [0, 1, 2, 3, 5, 6], .utf32: [0, 1, 2, 3, 4, 5]]
        for (encoding, characters) in units {
            for (offset, character) in zip(offsets, characters) {
                #expect(document.position(of: offset, encoding: encoding) == LSPPosition(line: 0, character: character), "\(encoding) \(offset)")
                #expect(document.offset(of: LSPPosition(line: 0, character: character), encoding: encoding) == offset, "\(encoding) \(character)")
            }
        }
        // Lines after \r\n, \r and \n.
        #expect(document.position(of: 13, encoding: .utf16) == LSPPosition(line: 1, character: 0))
        #expect(document.position(of: 20, encoding: .utf16) == LSPPosition(line: 2, character: 0))
        #expect(document.position(of: 26, encoding: .utf16) == LSPPosition(line: 3, character: 0))
    }

    @Test("a position past a line's end is its end; past the last line, the document's end; inside a character, its start")
    func clamping() {
        let document = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: Self.text)
        #expect(document.offset(of: LSPPosition(line: 0, character: 99), encoding: .utf16) == 11)
        #expect(document.offset(of: LSPPosition(line: 9, character: 0), encoding: .utf16) == document.bytes.count)
        // Between the two UTF-16 units of the emoji, or inside its UTF-8 bytes.
        #expect(document.offset(of: LSPPosition(line: 0, character: 4), encoding: .utf16) == 6)
        #expect(document.offset(of: LSPPosition(line: 0, character: 8), encoding: .utf8) == 6)
        // An offset inside \r\n is the end of the line's text.
        #expect(document.position(of: 12, encoding: .utf16) == LSPPosition(line: 0, character: 6))
    }

    @Test("incremental edits, in UTF-16 and UTF-8 positions")
    func edits() {
        for encoding in [PositionEncoding.utf16, .utf8] {
            var document = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: Self.text)
            let afterEmoji = encoding == .utf16 ? 5 : 10
            // Replace "b" after the emoji with "BB".
            document.apply(.init(range: LSPRange(start: .init(line: 0, character: afterEmoji), end: .init(line: 0, character: afterEmoji + 1)),
                                 text: "BB"), encoding: encoding)
            #expect(document.lineText(0) == "a\u{e9}\u{2013}\u{1F600}BB")
            // Join the second and third lines across the \r.
            document.apply(.init(range: LSPRange(start: .init(line: 1, character: 6), end: .init(line: 2, character: 0)), text: " "),
                           encoding: encoding)
            #expect(document.text == "a\u{e9}\u{2013}\u{1F600}BB\r\nsecond third\nlast")
            // Insert lines at the very end, then replace everything.
            document.apply(.init(range: LSPRange(start: .init(line: 2, character: 4), end: .init(line: 2, character: 4)), text: "\nmore\n"),
                           encoding: encoding)
            #expect(document.lineCount == 5)
            #expect(document.lineText(3) == "more")
            document.apply(.init(range: nil, text: "new"), encoding: encoding)
            #expect(document.text == "new" && document.lineCount == 1)
        }
    }

    @Test("a thousand edits leave the document as the same edits leave a string, and no bigger")
    func thousandEdits() {
        var document = TextDocument(uri: "file:///p.md", languageID: "markdown", version: 1, text: Self.text)
        var expected = Self.text
        for step in 0..<1000 {
            // Type at the end or after the first character, then take it out again.
            let typed = step % 4 == 0 ? "\n\u{1F600}" : "x"
            let atEnd = step % 3 != 0
            let start = atEnd ? document.position(of: document.bytes.count, encoding: .utf16) : LSPPosition(line: 0, character: 1)
            document.apply(.init(range: LSPRange(start: start, end: start), text: typed), encoding: .utf16)
            let offset = document.offset(of: start, encoding: .utf16)
            let end = document.position(of: offset + typed.utf8.count, encoding: .utf16)
            if atEnd { expected += typed } else { expected.insert(contentsOf: typed, at: expected.index(after: expected.startIndex)) }
            #expect(document.text == expected)
            document.apply(.init(range: LSPRange(start: start, end: end), text: ""), encoding: .utf16)
            expected = Self.text
            #expect(document.text == expected)
        }
        #expect(document.bytes == Array(Self.text.utf8))
        #expect(document.lineCount == 4)
    }

    @Test("negotiation: UTF-8 when the client offers it, else UTF-16")
    func negotiation() {
        #expect(PositionEncoding.negotiate(nil) == .utf16)
        #expect(PositionEncoding.negotiate(["utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(["utf-32", "utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(["utf-32"]) == .utf16)
    }
}
