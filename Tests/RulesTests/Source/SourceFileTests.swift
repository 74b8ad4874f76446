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
