/// Turns a span of Markdown inline text into plain words: emphasis markers,
/// code ticks, links and HTML tags go, their text stays.
enum InlineText {
    static func plain(_ bytes: [UInt8], _ span: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        var index = span.lowerBound
        let end = span.upperBound
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x2A, 0x60:  // * and ` are markup
                index += 1
            case 0x5F where index + 1 < end && bytes[index + 1] == 0x5F:  // __
                index += 2
            case 0x5C where index + 1 < end:  // \x is a literal x
                out.append(bytes[index + 1])
                index += 2
            case 0x5D where index + 1 < end && bytes[index + 1] == 0x28:  // ](url) ends a link
                var close = index + 2
                while close < end, bytes[close] != 0x29 { close += 1 }
                index = close + 1
            case 0x5B:  // [ opens a link's text
                index += 1
            case 0x3C:  // <tag> goes; a lone < stays
                var close = index + 1
                while close < end, bytes[close] != 0x3E, bytes[close] != 0x3C { close += 1 }
                let isTag = close < end && bytes[close] == 0x3E && close > index + 1
                    && (isLetter(bytes[index + 1]) || bytes[index + 1] == 0x2F || bytes[index + 1] == 0x21)
                if isTag {
                    out.append(0x20)
                    index = close + 1
                } else {
                    out.append(byte)
                    index += 1
                }
            case 0x26:  // a few entities
                if let (decoded, length) = entity(bytes, at: index, end: end) {
                    out.append(contentsOf: decoded)
                    index += length
                } else {
                    out.append(byte)
                    index += 1
                }
            case 0x00...0x08, 0x0A...0x1F, 0x7F:  // control characters could drive a terminal
                out += replacementCharacter
                index += 1
            case 0xC2 where index + 1 < end && (0x80...0x9F).contains(bytes[index + 1]):  // C1 controls
                out += replacementCharacter
                index += 2
            default:
                out.append(byte)
                index += 1
            }
        }
        collapseSpaces(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD, which stands in for characters a plan's text must not carry.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let entities: [(String, String)] = [
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "),
    ]

    private static func entity(_ bytes: [UInt8], at index: Int, end: Int) -> ([UInt8], Int)? {
        for (name, value) in entities {
            let pattern = Array(name.utf8)
            if index + pattern.count <= end, Array(bytes[index..<index + pattern.count]) == pattern {
                return (Array(value.utf8), pattern.count)
            }
        }
        return nil
    }

    /// Runs of spaces, tabs and no-break spaces become one space; ends are trimmed.
    static func collapseSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        collapseSpaces(&result)
        return result
    }

    /// `collapseSpaces` in place: the text only shrinks, so it is rewritten over itself.
    static func collapseSpaces(_ bytes: inout [UInt8]) {
        var written = 0
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || (byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0) {
                pendingSpace = written > 0
                index += byte == 0xC2 ? 2 : 1
                continue
            }
            if pendingSpace {
                bytes[written] = 0x20
                written += 1
                pendingSpace = false
            }
            bytes[written] = byte
            written += 1
            index += 1
        }
        bytes.removeLast(count - written)
    }

    /// Splits a table cell at `<br>` tags (any case, `<br/>`, `<br />`) into trimmed parts.
    static func splitAtLineBreakTags(_ bytes: [UInt8], _ span: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart = span.lowerBound
        var index = span.lowerBound
        while index < span.upperBound {
            if bytes[index] == 0x3C, index + 3 < span.upperBound, bytes[index + 1] | 0x20 == 0x62, bytes[index + 2] | 0x20 == 0x72 {
                var close = index + 3
                while close < span.upperBound, bytes[close] == 0x20 || bytes[close] == 0x2F { close += 1 }
                if close < span.upperBound, bytes[close] == 0x3E {
                    parts.append(ByteText.trim(bytes, partStart..<index))
                    partStart = close + 1
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        parts.append(ByteText.trim(bytes, partStart..<span.upperBound))
        return parts.filter { !$0.isEmpty }
    }
}
