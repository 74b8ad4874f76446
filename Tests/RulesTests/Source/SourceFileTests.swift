import Rules
import Testing

@Suite("Source files and positions")
struct SourceFileTests {
    @Test("LF, CRLF and CR line breaks give the same lines")
    func lineBreaks() throws {
        for text in ["one\ntwo\nthree\n", "one\r\ntwo\r\nthree\r\n", "one\rtwo\rthree\r"] {
            let file = try SourceFile(path: "p", bytes: Array(text.utf8))
            #expect(file.lineCount == 3)
            #expect(file.lineText(2) == "two")
            let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "h"))!
            #expect(file.location(of: offset) == Rules.SourceLocation(line: 3, column: 2))
        }
    }

    @Test("a byte-order mark is dropped and shifts no column")
    func byteOrderMark() throws {
        let file = try SourceFile(path: "p", bytes: [0xEF, 0xBB, 0xBF] + Array("# Title".utf8))
        #expect(file.lineText(1) == "# Title")
        #expect(file.location(of: 2) == Rules.SourceLocation(line: 1, column: 3))
    }

    @Test("columns count characters: a tab, an en dash and an accent are one column each")
    func columns() throws {
        let text = "\tCaf\u{E9} \u{2013} x"
        let file = try SourceFile(path: "p", bytes: Array(text.utf8))
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == Rules.SourceLocation(line: 1, column: 9))
    }

    @Test("invalid UTF-8 is refused with its position")
    func invalidUTF8() {
        #expect(throws: InputError.invalidUTF8(path: "p.md", location: Rules.SourceLocation(line: 2, column: 4))) {
            try SourceFile(path: "p.md", bytes: Array("ok\nabc".utf8) + [0xFF] + Array("def".utf8))
        }
        // A truncated sequence and an overlong encoding are caught too.
        #expect(throws: InputError.self) { try SourceFile(path: "p.md", bytes: [0x41, 0xE2, 0x80]) }
        #expect(throws: InputError.self) { try SourceFile(path: "p.md", bytes: [0xC0, 0xAF]) }
    }

    @Test("a binary file is refused")
    func binary() {
        #expect(throws: InputError.binary(path: "p.md")) {
            try SourceFile(path: "p.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        }
    }

    @Test("a missing file and a directory are refused with a sentence")
    func missing() {
        #expect(throws: InputError.missing(path: "/no/such/plan.md")) { try SourceFile.read(path: "/no/such/plan.md") }
        #expect(throws: InputError.isDirectory(path: "/tmp")) { try SourceFile.read(path: "/tmp") }
        #expect(InputError.missing(path: "a.md").description == "a.md: no such file or directory")
    }

    @Test("an empty file has one empty line")
    func empty() throws {
        let file = try SourceFile(path: "p", bytes: [])
        #expect(file.lineCount == 1)
        #expect(file.location(of: 0) == Rules.SourceLocation(line: 1, column: 1))
    }
}

extension SourceFileTests {
    @Test("columns are right far into long lines, across checkpoints, with CRLF and multi-byte text")
    func longLines() throws {
        let unit = "ab\u{E9}\u{2013}\u{1F600}"  // 1 + 1 + 2 + 3 + 4 bytes, 5 characters
        let line = String(repeating: unit, count: 300) + "X"
        let text = "first\r\n" + line + "\r\nlast"
        let file = try SourceFile(path: "p", bytes: Array(text.utf8))
        let bytes = Array(text.utf8)
        #expect(file.location(of: bytes.firstIndex(of: UInt8(ascii: "X"))!) == Rules.SourceLocation(line: 2, column: 1501))
        #expect(file.location(of: bytes.count - 1) == Rules.SourceLocation(line: 3, column: 4))
        #expect(file.location(of: bytes.count) == Rules.SourceLocation(line: 3, column: 5))
        // Every offset agrees with counting characters from the line start.
        for offset in stride(from: 7, to: bytes.count - 6, by: 97) where bytes[offset] & 0xC0 != 0x80 {
            let column = String(decoding: bytes[7..<offset], as: UTF8.self).unicodeScalars.count + 1
            #expect(file.location(of: offset) == Rules.SourceLocation(line: 2, column: column))
        }
    }
}

extension SourceFileTests {
    @Test("offsets and locations are inverses, and the text at fault is quoted exactly")
    func offsets() throws {
        let text = "first\r\n" + String(repeating: "a\u{E9}\u{2013}\u{1F600} ", count: 200) + "\nlast"
        let file = try SourceFile(path: "p", bytes: Array(text.utf8))
        let bytes = Array(text.utf8)
        for offset in 0..<bytes.count where bytes[offset] & 0xC0 != 0x80 && bytes[offset] != 0x0A {
            #expect(file.offset(of: file.location(of: offset)) == offset)
        }
        let range = SourceRange(start: Rules.SourceLocation(line: 2, column: 2), end: Rules.SourceLocation(line: 2, column: 5))
        #expect(file.firstLine(of: range) == "\u{E9}\u{2013}\u{1F600}")
        let runsOn = SourceRange(start: Rules.SourceLocation(line: 3, column: 2), end: Rules.SourceLocation(line: 9, column: 1))
        #expect(file.firstLine(of: runsOn) == "ast")
        #expect(file.offset(of: Rules.SourceLocation(line: 1, column: 99)) == 5)
    }
}
