/// Where HTML markup is in a run of text bytes, for the scanners that read a
/// span's raw bytes (words, acronyms, counts, labels): a tag or an entity is
/// a gap between words, never a word. The rules are simple on purpose, so
/// that every scanner (and `InlineText.plain`) agrees on them:
///
/// - a tag is `<` followed by a letter, `/` or `!`, up to the next `>`, with
///   no `<` before it (`<strong>`, `</a>`, `<br />`, `<!-- note -->`);
/// - an entity is `&name;` (a letter, then up to 31 letters and digits) or
///   `&#digits;` / `&#xhex;` (up to 8 of them).
///
/// The HTML reader makes sure the spans it gives hold no markup these rules
/// would read otherwise (an attribute holding `>`, a comment holding `>`).
package enum Markup {
    /// The length of the tag or entity at `index` (which holds `<` or `&`),
    /// or nil when there is none there.
    @inline(__always)
    package static func length<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, end: Int) -> Int? where Bytes.Index == Int {
        let byte = bytes[index]
        if byte == 0x3C { return tagLength(bytes, at: index, end: end) }
        if byte == 0x26 { return entityLength(bytes, at: index, end: end) }
        return nil
    }

    /// The length of a tag at `index` (`<` there), or nil. It stops at the
    /// next `<`, so scanning text with many `<` and no `>` stays linear.
    package static func tagLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, end: Int) -> Int? where Bytes.Index == Int {
        guard index + 2 < end else { return nil }  // `<a>` needs three bytes at least
        let next = bytes[index + 1]
        guard isLetter(next) || next == 0x2F || next == 0x21 else { return nil }
        var close = index + 2
        while close < end {
            let byte = bytes[close]
            if byte == 0x3E { return close + 1 - index }
            if byte == 0x3C { return nil }
            close += 1
        }
        return nil
    }

    /// The length of an entity at `index` (`&` there), or nil.
    static func entityLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, end: Int) -> Int? where Bytes.Index == Int {
        var cursor = index + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == 0x23 {  // #
            cursor += 1
            var hex = false
            if cursor < end, bytes[cursor] | 0x20 == 0x78 {  // x or X
                hex = true
                cursor += 1
            }
            let digits = cursor
            while cursor < end, cursor - digits < 8, hex ? isHexDigit(bytes[cursor]) : isDigit(bytes[cursor]) { cursor += 1 }
            guard cursor > digits, cursor < end, bytes[cursor] == 0x3B else { return nil }
            return cursor + 1 - index
        }
        guard isLetter(bytes[cursor]) else { return nil }
        cursor += 1
        while cursor < end, cursor - index <= 32, isLetter(bytes[cursor]) || isDigit(bytes[cursor]) { cursor += 1 }
        guard cursor < end, bytes[cursor] == 0x3B else { return nil }
        return cursor + 1 - index
    }

    /// Whether the entity `bytes[span]` (as `entityLength` found it) stands
    /// for an apostrophe (`&rsquo;`, `&apos;`, `&#39;`, `&#x2019;`), which
    /// joins the letters around it into one word as `'` does.
    static func isApostropheEntity<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ span: Range<Int>) -> Bool where Bytes.Index == Int {
        guard let value = HTMLEntities.scalar(bytes, span) else { return false }
        return value == 0x27 || value == 0x2019
    }

    /// Whether the bytes at `index` are a space as a page shows it: an ASCII
    /// space, tab, line break or form feed, a no-break space (U+00A0), a
    /// zero-width space (U+200B), or an entity for one (`&nbsp;`, `&#160;`).
    /// Returns its length, or nil.
    package static func spaceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0C, 0x0D: return 1
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x8B: return 3
        case 0x26:
            guard let length = entityLength(bytes, at: index, end: end),
                  let value = HTMLEntities.scalar(bytes, index..<index + length) else { return nil }
            return HTMLEntities.isSpace(value) ? length : nil
        default: return nil
        }
    }

    /// `span` without the spaces (as `spaceLength` reads them) at either end.
    package static func trimSpaces(_ bytes: [UInt8], _ span: Range<Int>) -> Range<Int> {
        var start = span.lowerBound
        let end = span.upperBound
        while start < end, let length = spaceLength(bytes, at: start, end: end) { start += length }
        guard start < end else { return start..<start }
        // From the end: find the last byte that does not belong to a space. Entities
        // and multi-byte spaces are recognised from their start, so step back over them.
        var last = end
        while last > start {
            let byte = bytes[last - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D {
                last -= 1
            } else if byte == 0xA0, last - 2 >= start, bytes[last - 2] == 0xC2 {
                last -= 2
            } else if byte == 0x8B, last - 3 >= start, bytes[last - 3] == 0xE2, bytes[last - 2] == 0x80 {
                last -= 3
            } else if byte == 0x3B, let entityStart = entityStart(bytes, endingAt: last, from: start),
                      let length = spaceLength(bytes, at: entityStart, end: last), entityStart + length == last {
                last = entityStart
            } else {
                break
            }
        }
        return start..<last
    }

    /// Where the entity that ends just before `end` (with its `;`) starts, looking back at most 34 bytes.
    private static func entityStart(_ bytes: [UInt8], endingAt end: Int, from start: Int) -> Int? {
        var index = end - 2
        let limit = max(start, end - 34)
        while index >= limit {
            let byte = bytes[index]
            if byte == 0x26 { return index }
            guard isLetter(byte) || isDigit(byte) || byte == 0x23 else { return nil }
            index -= 1
        }
        return nil
    }

    /// The first byte at or after `index` that is neither a space nor
    /// markup, on the same line: a line break stops it.
    package static func skipSpacesAndMarkup(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var index = index
        while index < end, bytes[index] != 0x0A, bytes[index] != 0x0D {
            if let length = spaceLength(bytes, at: index, end: end) ?? ((bytes[index] == 0x3C || bytes[index] == 0x26) ? length(bytes, at: index, end: end) : nil) {
                index += length
            } else {
                break
            }
        }
        return index
    }

    /// The first byte at or after `index` that is not markup (spaces count).
    package static func skipMarkup(_ bytes: [UInt8], from index: Int, end: Int) -> Int {
        var index = index
        while index < end, bytes[index] == 0x3C || bytes[index] == 0x26, let length = length(bytes, at: index, end: end) { index += length }
        return index
    }

    /// The start of the tags that end just before `end` (`(<abbr>` → the
    /// `<` of `<abbr>`), looking back at most 256 bytes for each.
    package static func skipMarkupBackward(_ bytes: [UInt8], to end: Int, from start: Int) -> Int {
        var end = end
        while end > start, bytes[end - 1] == 0x3E {
            var open = end - 2
            let limit = max(start, end - 256)
            while open >= limit, bytes[open] != 0x3C, bytes[open] != 0x3E { open -= 1 }
            guard open >= limit, bytes[open] == 0x3C, tagLength(bytes, at: open, end: end) == end - open else { break }
            end = open
        }
        return end
    }

    @inline(__always) package static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }
}
