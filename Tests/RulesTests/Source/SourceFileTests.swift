import EqlintText
import Foundation
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
            #expect(file.location(of: offset) == EqlintText.SourceLocation(line: 3, column: 2))
        }
    }

    @Test("a byte-order mark is dropped and shifts no column")
    func byteOrderMark() throws {
        let file = try SourceFile(path: "p", bytes: [0xEF, 0xBB, 0xBF] + Array("# Title".utf8))
        #expect(file.lineText(1) == "# Title")
        #expect(file.location(of: 2) == EqlintText.SourceLocation(line: 1, column: 3))
    }

    @Test("columns count characters: a tab, an en dash and an accent are one column each")
    func columns() throws {
        let text = "\tCaf\u{E9} \u{2013} x"
        let file = try SourceFile(path: "p", bytes: Array(text.utf8))
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: offset) == EqlintText.SourceLocation(line: 1, column: 9))
    }

    @Test("invalid UTF-8 is read as U+FFFD, and the first bad byte is kept with its place and offset")
    func invalidUTF8() throws {
        let file = try SourceFile(path: "p.md", bytes: Array("ok\nabc".utf8) + [0xFF] + Array("def\n\u{E9}".utf8) + [0xC3])
        #expect(file.invalidUTF8 == InvalidUTF8(location: EqlintText.SourceLocation(line: 2, column: 4), byteOffset: 6, byte: 0xFF, count: 2))
        #expect(file.lineText(2) == "abc\u{FFFD}def")
        #expect(file.lineText(3) == "\u{E9}\u{FFFD}")
        #expect(file.invalidUTF8?.description == "byte 0xFF at byte offset 6")
        // The offset is in the file as stored: a byte-order mark counts.
        let marked = try SourceFile(path: "p.md", bytes: [0xEF, 0xBB, 0xBF, 0x41, 0x80])
        #expect(marked.invalidUTF8?.byteOffset == 4)
        #expect(marked.invalidUTF8?.location == EqlintText.SourceLocation(line: 1, column: 2))
        #expect(try SourceFile(path: "p.md", bytes: Array("caf\u{E9} \u{1F600}".utf8)).invalidUTF8 == nil)
    }

    @Test("bad sequences are replaced as Swift's own decoding replaces them", arguments: 0..<4)
    func replacementMatchesSwift(seed: Int) throws {
        // Truncated, overlong, surrogate and out-of-range sequences among valid text, in many mixes.
        let pieces: [[UInt8]] = [[0x41], [0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x93], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0x80],
                                 [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80],
                                 [0xF0, 0x9F, 0x98], [0xC2], [0xF5], [0x0D]]
        var generator = SplitMix64(seed: UInt64(seed))
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let file = try SourceFile(path: "p", bytes: bytes)
            let expected = Array(String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self).utf8)
            #expect(file.bytes == expected, "\(bytes)")
            #expect((file.invalidUTF8 == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
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

    @Test("what is not a plain file is refused without waiting on it: a pipe, a device, a link to nowhere or round in a loop")
    func notPlainFiles() throws {
        let folder = try TemporaryFolder.make("not-plain").path
        #expect(mkfifo(folder + "/pipe.md", 0o644) == 0)
        #expect(throws: InputError.notAFile(path: folder + "/pipe.md")) { try SourceFile.read(path: folder + "/pipe.md") }
        #expect(throws: InputError.notAFile(path: "/dev/null")) { try SourceFile.read(path: "/dev/null") }
        try FileManager.default.createSymbolicLink(atPath: folder + "/nowhere.md", withDestinationPath: folder + "/missing.md")
        #expect(throws: InputError.brokenLink(path: folder + "/nowhere.md")) { try SourceFile.read(path: folder + "/nowhere.md") }
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop.md", withDestinationPath: folder + "/loop.md")
        #expect(throws: InputError.brokenLink(path: folder + "/loop.md")) { try SourceFile.read(path: folder + "/loop.md") }
        #expect(throws: InputError.missing(path: folder + "/plan.md/inside.md")) {
            try Data("# Plan\n".utf8).write(to: URL(fileURLWithPath: folder + "/plan.md"))
            return try SourceFile.read(path: folder + "/plan.md/inside.md")
        }
    }

    @Test("a file is read whole, whatever its size against the reads' sizes", arguments: [0, 1, 4095, 4096, 4097, 65_537])
    func wholeFile(size: Int) throws {
        let folder = try TemporaryFolder.make("whole").path
        let bytes = (0..<size).map { UInt8(ascii: "a") &+ UInt8($0 % 26) }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/plan.md"))
        #expect(try SourceFile.readBytes(path: folder + "/plan.md") == bytes)
    }

    #if os(Linux)
    @Test("a file larger than it says it is is read to its end (/proc's files say they are empty)",
          arguments: ["/proc/self/cmdline", "/proc/self/environ"])
    func largerThanSaid(path: String) throws {
        let bytes = try SourceFile.readBytes(path: path)
        #expect(!bytes.isEmpty)
        #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
    #endif

    @Test("an empty file has one empty line")
    func empty() throws {
        let file = try SourceFile(path: "p", bytes: [])
        #expect(file.lineCount == 1)
        #expect(file.location(of: 0) == EqlintText.SourceLocation(line: 1, column: 1))
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
        #expect(file.location(of: bytes.firstIndex(of: UInt8(ascii: "X"))!) == EqlintText.SourceLocation(line: 2, column: 1501))
        #expect(file.location(of: bytes.count - 1) == EqlintText.SourceLocation(line: 3, column: 4))
        #expect(file.location(of: bytes.count) == EqlintText.SourceLocation(line: 3, column: 5))
        // Every offset agrees with counting characters from the line start.
        for offset in stride(from: 7, to: bytes.count - 6, by: 97) where bytes[offset] & 0xC0 != 0x80 {
            let column = String(decoding: bytes[7..<offset], as: UTF8.self).unicodeScalars.count + 1
            #expect(file.location(of: offset) == EqlintText.SourceLocation(line: 2, column: column))
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
        let range = SourceRange(start: EqlintText.SourceLocation(line: 2, column: 2), end: EqlintText.SourceLocation(line: 2, column: 5))
        #expect(file.firstLine(of: range) == "\u{E9}\u{2013}\u{1F600}")
        let runsOn = SourceRange(start: EqlintText.SourceLocation(line: 3, column: 2), end: EqlintText.SourceLocation(line: 9, column: 1))
        #expect(file.firstLine(of: runsOn) == "ast")
        #expect(file.offset(of: EqlintText.SourceLocation(line: 1, column: 99)) == 5)
        // On a line of ASCII alone, near its start and far in (past the checkpoints), and out of its bounds.
        let ascii = "x\n" + String(repeating: "words and more ", count: 300) + "\r\nend"
        let asciiFile = try SourceFile(path: "p", bytes: Array(ascii.utf8))
        let lineLength = 15 * 300
        for column in [-3, 0, 1, 2, 50, 600, 4000, lineLength, lineLength + 1, lineLength + 2, 99_999] {
            let expected = 2 + min(max(column - 1, 0), lineLength)
            #expect(asciiFile.offset(of: EqlintText.SourceLocation(line: 2, column: column)) == expected, "column \(column)")
        }
        for offset in stride(from: 2, to: 2 + lineLength, by: 37) {
            #expect(asciiFile.offset(of: asciiFile.location(of: offset)) == offset)
        }
    }

    @Test("lines and columns read eight bytes at a time match a byte-by-byte count", arguments: 0..<4)
    func linesAndColumnsMatchByteCount(seed: Int) throws {
        // Line breaks of every kind (a CRLF split across eight-byte words too), ASCII and not, long lines past the checkpoints.
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0xC3, 0xA9], [0xE2, 0x80, 0x93],
                                 [0xF0, 0x9F, 0x98, 0x80], Array(repeating: 0x61, count: 7), Array(repeating: 0x62, count: 300)]
        var generator = SplitMix64(seed: UInt64(seed))
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...60, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let file = try SourceFile(path: "p", bytes: bytes)
            // The reference: a line ends at LF, CRLF or CR; a column counts the bytes that start a character.
            var line = 1
            var column = 1
            var lineStart = 0
            var spans: [Range<Int>] = []
            var index = 0
            while index <= bytes.count {
                #expect(file.location(of: index) == EqlintText.SourceLocation(line: line, column: column), "\(bytes) at \(index)")
                guard index < bytes.count else { break }
                if bytes[index] == 0x0A || bytes[index] == 0x0D {
                    spans.append(lineStart..<index)
                    if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                        index += 1
                        #expect(file.location(of: index).line == line)
                    }
                    index += 1
                    lineStart = index
                    line += 1
                    column = 1
                    continue
                }
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            spans.append(lineStart..<bytes.count)
            for (number, span) in spans.enumerated() where number < file.lineCount {
                #expect(file.lineSpan(number) == span, "\(bytes) line \(number)")
            }
            // A range is the locations of its ends, on one line or over several.
            for _ in 0..<20 {
                let first = Int.random(in: 0...bytes.count, using: &generator)
                let second = Int.random(in: 0...bytes.count, using: &generator)
                let span = min(first, second)..<max(first, second)
                #expect(file.range(of: span) == SourceRange(start: file.location(of: span.lowerBound), end: file.location(of: span.upperBound)))
            }
        }
    }
}

extension SourceFileTests {
    @Test("checkpoints made only for a long line that is not ASCII: columns and offsets agree with a count from the line start",
          arguments: 0..<3)
    func checkpointsOnlyWhereNeeded(seed: Int) throws {
        // Lines either side of twice the checkpoint stride (512 bytes), ASCII and not, with each kind of break.
        let pieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x93], [0xF0, 0x9F, 0x98, 0x80]]
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D]]
        var generator = SplitMix64(seed: UInt64(seed))
        for _ in 0..<40 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let length = [5, 300, 509, 510, 511, 512, 513, 514, 700].randomElement(using: &generator)!
                let ascii = Bool.random(using: &generator)
                var line: [UInt8] = []
                while line.count < length { line += ascii ? [0x61] : pieces.randomElement(using: &generator)! }
                bytes += line + breaks.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { bytes.removeLast() }
            let file = try SourceFile(path: "p", bytes: bytes)
            for number in 0..<file.lineCount {
                let span = file.lineSpan(number)
                // The reference: each byte that starts a character is a column.
                let starts = span.filter { bytes[$0] & 0xC0 != 0x80 }
                for (index, offset) in starts.enumerated() {
                    #expect(file.location(of: offset) == EqlintText.SourceLocation(line: number + 1, column: index + 1))
                }
                #expect(file.location(of: span.upperBound) == EqlintText.SourceLocation(line: number + 1, column: starts.count + 1))
                for column in [-2, 0, 1, 2, 256, 513, 514, starts.count, starts.count + 1, starts.count + 2, span.count, span.count + 1, 900] {
                    let expected = column < 1 ? span.lowerBound : column - 1 < starts.count ? starts[column - 1] : span.upperBound
                    #expect(file.offset(of: EqlintText.SourceLocation(line: number + 1, column: column)) == expected, "line \(number) column \(column)")
                }
            }
        }
    }
}
