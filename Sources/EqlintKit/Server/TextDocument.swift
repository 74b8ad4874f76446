/// A position in a document as the protocol gives it: a 0-based line and a
/// 0-based offset along it in the negotiated encoding's units.
package struct LSPPosition: Hashable, Sendable, Comparable {
    package var line: Int
    package var character: Int

    package init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ value: JSONValue?) {
        guard let line = value?["line"]?.int, let character = value?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSONValue { .fields(["line": .int(line), "character": .int(character)]) }

    package static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A range in a document; `end` is exclusive.
package struct LSPRange: Hashable, Sendable {
    package var start: LSPPosition
    package var end: LSPPosition

    package init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    init?(_ value: JSONValue?) {
        guard let start = LSPPosition(value?["start"]), let end = LSPPosition(value?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    var json: JSONValue { .fields(["start": start.json, "end": end.json]) }

    /// Whether a position is in the range (its end counted in, so a finding
    /// of no width can be found at its place).
    package func contains(_ position: LSPPosition) -> Bool {
        start <= position && position <= end
    }

    /// Whether two ranges share a position (touching counts).
    package func overlaps(_ other: LSPRange) -> Bool {
        start <= other.end && other.start <= end
    }
}

/// One open document: its text as UTF-8 bytes, the version the client gave
/// it, and where each line starts, for turning positions into offsets and back.
///
/// Lines end at `\n`, `\r\n` or `\r`, as in the protocol and in `SourceFile`.
package struct TextDocument: Sendable {
    package let uri: String
    package var languageID: String
    package var version: Int
    package private(set) var bytes: [UInt8]
    /// Byte offset where each line starts; the first is 0.
    package private(set) var lineStarts: [Int]

    package init(uri: String, languageID: String, version: Int, text: String) {
        self.uri = uri
        self.languageID = languageID
        self.version = version
        bytes = Array(text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }

    package var lineCount: Int { lineStarts.count }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        return starts
    }

    /// The byte offset where a 0-based line's text ends, before its line break.
    package func lineEnd(_ line: Int) -> Int {
        guard line + 1 < lineStarts.count else { return bytes.count }
        var end = lineStarts[line + 1]
        if end > lineStarts[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The text of a 0-based line, without its line break.
    package func lineText(_ line: Int) -> String {
        guard line >= 0, line < lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[line]..<lineEnd(line)], as: UTF8.self)
    }

    /// The byte offset of a position. A line past the end is the end of the
    /// document; a character past the end of its line is the line's end, as
    /// the protocol says.
    package func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line], end = lineEnd(position.line)
        return bytes.withUnsafeBufferPointer { encoding.offset(in: $0, from: start, end: end, units: position.character) }
    }

    /// The position of a byte offset (clamped to the document).
    package func position(of offset: Int, encoding: PositionEncoding) -> LSPPosition {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        // An offset inside a line break counts as the end of the line's text.
        let clamped = min(offset, lineEnd(low))
        let character = bytes.withUnsafeBufferPointer { encoding.units(in: $0, from: start, to: clamped) }
        return LSPPosition(line: low, character: character)
    }

    /// One change from `textDocument/didChange`: a range and its new text,
    /// or (with no range) the whole new text.
    package struct Change: Sendable {
        package var range: LSPRange?
        package var text: String

        package init(range: LSPRange?, text: String) {
            self.range = range
            self.text = text
        }
    }

    /// Applies a change, with positions in `encoding`.
    package mutating func apply(_ change: Change, encoding: PositionEncoding) {
        guard let range = change.range else {
            bytes = Array(change.text.utf8)
            lineStarts = Self.lineStarts(of: bytes)
            return
        }
        let start = offset(of: range.start, encoding: encoding)
        let end = max(start, offset(of: range.end, encoding: encoding))
        bytes.replaceSubrange(start..<end, with: change.text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }
}
