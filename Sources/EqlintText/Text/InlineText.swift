/// Turns a span of Markdown inline text (or of a web page's text) into plain
/// words: emphasis markers, code ticks, links and HTML tags go, their text
/// stays; entities are decoded (`HTMLEntities`), line breaks inside the span
/// are spaces, and no control character is left.
package enum InlineText {
    package static func plain(_ bytes: [UInt8], _ span: Range<Int>) -> String {
        if isPlain(bytes, span) { return String(decoding: bytes[span], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        appendMarkupRemoved(bytes, span, to: &out)
        collapseSpaces(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `plain`'s bytes appended to `out`, with no `String` made: for a text
    /// of several lines, joined in one buffer (`out` is left as it was when
    /// the span has no words).
    package static func appendPlain(_ bytes: [UInt8], _ span: Range<Int>, to out: inout [UInt8]) {
        if isPlain(bytes, span) { return out.append(contentsOf: bytes[span]) }
        let start = out.count
        appendMarkupRemoved(bytes, span, to: &out)
        collapseSpaces(&out, from: start)
    }

    /// The bytes of a span with its markup taken out, entities decoded and
    /// control characters replaced, appended to `out`: `plain` but for its spaces.
    private static func appendMarkupRemoved(_ bytes: [UInt8], _ span: Range<Int>, to out: inout [UInt8]) {
        var index = span.lowerBound
        let end = span.upperBound
        // The next `]` after a `[` (found once for every `[` before it, so the scan stays linear).
        var closeBracket = -1
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
            case 0x5B:  // [ opens a link's text, when `](` closes it; else it is a bracket, as in `[Insert date]`
                if closeBracket < index {
                    closeBracket = index + 1
                    while closeBracket < end, bytes[closeBracket] != 0x5D { closeBracket += 1 }
                }
                if closeBracket + 1 >= end || bytes[closeBracket + 1] != 0x28 { out.append(byte) }
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
            case 0x26:  // an entity: `&amp;`, `&rsquo;`, `&#8211;`
                if let (decoded, length) = entity(bytes, at: index, end: end) {
                    out.append(contentsOf: decoded)
                    index += length
                } else {
                    out.append(byte)
                    index += 1
                }
            case 0x00...0x08, 0x0A...0x1F, 0x7F:  // control characters could drive a terminal
                // A line break inside a span (a web page's text wraps over lines) is a space.
                if byte == 0x0A || byte == 0x0D || byte == 0x0C { out.append(0x20) } else { out += replacementCharacter }
                index += 1
            case 0xC2 where index + 1 < end && (0x80...0x9F).contains(bytes[index + 1]):  // C1 controls
                out += replacementCharacter
                index += 2
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    /// Whether a span is plain words already, as most are: nothing for
    /// `plain` to take out, decode or collapse (no markup character, entity,
    /// control character, tab or no-break space; one space between words;
    /// none at either end).
    private static func isPlain(_ bytes: [UInt8], _ span: Range<Int>) -> Bool {
        isPlain(bytes, span, spacesCount: true)
    }

    /// Whether `plain` would change nothing in a span but its spaces (runs
    /// made one, the ends trimmed): no markup character, entity or control
    /// character in it. (A label's key, which leaves spaces out, can then be
    /// read from the span itself.)
    package static func changesOnlySpaces(_ bytes: [UInt8], _ span: Range<Int>) -> Bool {
        isPlain(bytes, span, spacesCount: false)
    }

    /// `isPlain`, its spaces tested only if `spacesCount`.
    @inline(__always)
    private static func isPlain(_ bytes: [UInt8], _ span: Range<Int>, spacesCount: Bool) -> Bool {
        guard !span.isEmpty else { return true }
        guard !spacesCount || (bytes[span.lowerBound] != 0x20 && bytes[span.upperBound - 1] != 0x20) else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            notPlainBytes.withUnsafeBufferPointer { notPlain in
                let raw = UnsafeRawBufferPointer(bytes)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let low7 = ones &* 0x7F
                var index = span.lowerBound
                // Eight bytes at a time: their table entries or-ed together, and their spaces as
                // a mask (0x80 in each space's byte) to find a space after a space. The span's
                // first byte is no space, so the byte before it never counts.
                var spaceBefore: UInt64 = 0
                while index + 8 <= span.upperBound {
                    var flags: UInt8 = 0
                    for offset in 0..<8 { flags |= notPlain[Int(bytes[index + offset])] }
                    let x = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x20)
                    let spaces = ~(((x & low7) &+ low7) | x | low7)
                    if flags != 0 || (spacesCount && spaces & ((spaces << 8) | spaceBefore) != 0) { return false }
                    spaceBefore = spaces >> 56
                    index += 8
                }
                var previous: UInt8 = index > span.lowerBound ? bytes[index - 1] : 0
                while index < span.upperBound {
                    let byte = bytes[index]
                    if notPlain[Int(byte)] != 0 || (spacesCount && byte == 0x20 && previous == 0x20) { return false }
                    previous = byte
                    index += 1
                }
                return true
            }
        }
    }

    /// The bytes `plain` has something to do with, by value: controls, the
    /// lead byte of a no-break space or C1 control, and markup characters.
    /// (1 for such a byte, 0 for any other.)
    private static let notPlainBytes: [UInt8] = (0...255).map { byte in
        byte <= 0x1F || [0x7F, 0xC2, 0x2A, 0x60, 0x5F, 0x5C, 0x5B, 0x5D, 0x3C, 0x26].contains(byte) ? 1 : 0
    }

    /// U+FFFD, which stands in for characters a plan's text must not carry.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The entity at `index` as UTF-8, and its length; nil when there is
    /// none or its name is unknown. Kept out of `plain`'s loop, which most
    /// text runs through with no entity in it.
    @inline(never)
    private static func entity(_ bytes: [UInt8], at index: Int, end: Int) -> ([UInt8], Int)? {
        guard let length = Markup.entityLength(bytes, at: index, end: end),
              let decoded = HTMLEntities.decode(bytes, index..<index + length) else { return nil }
        return (decoded, length)
    }

    /// Runs of spaces, tabs and no-break spaces become one space; ends are trimmed.
    package static func collapseSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        collapseSpaces(&result)
        return result
    }

    /// `collapseSpaces` in place, on the bytes from `start`: the text only shrinks, so it is
    /// rewritten over itself (each byte is written at or before the place it was read from).
    static func collapseSpaces(_ bytes: inout [UInt8], from start: Int = 0) {
        var written = start
        bytes.withUnsafeMutableBufferPointer { buffer in
            forEachByteCollapsingSpaces(UnsafeBufferPointer(rebasing: buffer[start...])) { byte in
                buffer[written] = byte
                written += 1
            }
        }
        bytes.removeLast(bytes.count - written)
    }

    /// Each byte of `bytes` as `collapseSpaces` leaves them, in order, given
    /// to `body`: for a caller that wants them without a new array (a hash).
    package static func forEachByteCollapsingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var pendingSpace = false
        var wroteAny = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || (byte == 0xC2 && index + 1 < count && bytes[index + 1] == 0xA0) {
                pendingSpace = wroteAny
                index += byte == 0xC2 ? 2 : 1
                continue
            }
            if pendingSpace {
                body(0x20)
                pendingSpace = false
            }
            body(byte)
            wroteAny = true
            index += 1
        }
    }

    /// Splits a table cell into trimmed parts at `<br>` tags (any case,
    /// `<br/>`, `<br />`) and at the tags of blocks a web page's cell may
    /// hold (`<p>`, `</p>`, `<div>`, `<li>`, a nested table's rows and cells).
    package static func splitAtLineBreakTags(_ bytes: [UInt8], _ span: Range<Int>) -> [Range<Int>] {
        // Most cells have no tag: the cell alone, with no array grown part by part.
        guard var open = ByteText.find(bytes, 0x3C, in: span) else {
            let whole = Markup.trimSpaces(bytes, span)
            return whole.isEmpty ? [] : [whole]
        }
        var parts: [Range<Int>] = []
        func add(_ part: Range<Int>) {
            let trimmed = Markup.trimSpaces(bytes, part)
            if !trimmed.isEmpty { parts.append(trimmed) }
        }
        var partStart = span.lowerBound
        while true {
            var index = open + 1
            if let length = breakTagLength(bytes, at: open, end: span.upperBound) {
                add(partStart..<open)
                partStart = open + length
                index = open + length
            }
            guard let next = ByteText.find(bytes, 0x3C, in: index..<span.upperBound) else { break }
            open = next
        }
        add(partStart..<span.upperBound)
        return parts
    }

    /// The length of a tag at `index` that breaks a line of text (`<br>`,
    /// `<p>`, `</li>`, `<td class="x">`, ...), or nil.
    package static func breakTagLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        guard bytes[index] == 0x3C, let length = Markup.tagLength(bytes, at: index, end: end) else { return nil }
        var name = index + 1
        if bytes[name] == 0x2F { name += 1 }
        var nameEnd = name
        while nameEnd < index + length, Markup.isLetter(bytes[nameEnd]) || Markup.isDigit(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd - name <= 10 else { return nil }
        var key: UInt64 = 0
        for offset in name..<nameEnd { key = key << 8 | UInt64(bytes[offset] | 0x20) }
        return breakTagNames.contains(key) ? length : nil
    }

    /// The names of `breakTagLength`'s tags, each packed into an integer.
    private static let breakTagNames: Set<UInt64> = Set([
        "br", "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "pre", "hr", "figcaption", "address",
    ].map { name in name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })
}
