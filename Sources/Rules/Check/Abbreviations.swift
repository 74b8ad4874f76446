import EqlintText

/// Finds abbreviations and initials in text: short words written mostly in
/// capitals (`HP`, `NO`, `SENCo`, `HoS`, `EHCPs`), which a parent may not
/// understand. Words in a run of capitals (`OUR AIMS`, `INSERT SCHOOL
/// NAME`) are shouting or headings, not abbreviations. Scans bytes only;
/// HTML tags and entities are no words (`Markup`).
enum Abbreviations {
    /// The abbreviations in a text, each once, in order.
    static func find(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        for span in spans(in: bytes, span: 0..<bytes.count) {
            let word = String(decoding: bytes[span], as: UTF8.self)
            if !found.contains(word) { found.append(word) }
        }
        return found
    }

    /// Where each abbreviation is in `bytes[span]`.
    static func spans(in bytes: [UInt8], span: Range<Int>) -> [Range<Int>] {
        // Words of ASCII letters; one touching a digit (`KS2`, `Y6`) is not counted.
        var words: [(span: Range<Int>, capitals: Int, joinsNext: Bool)] = []
        var index = span.lowerBound
        while index < span.upperBound {
            guard isLetter(bytes[index]) else {
                // An HTML tag or entity (`<TD>`, `&NBSP;`) is no word: skip it whole.
                if bytes[index] == 0x3C || bytes[index] == 0x26, let length = Markup.length(bytes, at: index, end: span.upperBound) {
                    index += length
                } else {
                    index += 1
                }
                continue
            }
            let start = index
            var capitals = 0
            while index < span.upperBound, isLetter(bytes[index]) {
                if bytes[index] <= 0x5A { capitals += 1 }
                index += 1
            }
            let touchesOther = (start > span.lowerBound && isWordByte(bytes[start - 1]))
                || (index < span.upperBound && isWordByte(bytes[index]))
            if touchesOther {
                while index < span.upperBound, isWordByte(bytes[index]) { index += 1 }
                words.append((start..<start, 0, false))
                continue
            }
            // Only spaces (and inline tags, not `<br>`) between this word and the next: they may be one run of capitals.
            // Only a word all in capitals can be in such a run: for any other, there is nothing to look for.
            let isAllCapitals = capitals == index - start && capitals >= 2
            var next = index
            while isAllCapitals, next < span.upperBound {
                if bytes[next] == 0x20 {
                    next += 1
                } else if isLetter(bytes[next]) {
                    break
                } else if let length = Markup.spaceLength(bytes, at: next, end: span.upperBound)
                            ?? (bytes[next] == 0x3C && InlineText.breakTagLength(bytes, at: next, end: span.upperBound) == nil
                                ? Markup.tagLength(bytes, at: next, end: span.upperBound) : nil),
                          bytes[next] != 0x0A, bytes[next] != 0x0D {
                    next += length
                } else {
                    break
                }
            }
            words.append((start..<index, capitals, next > index && next < span.upperBound && isLetter(bytes[next])))
        }
        func isShouted(_ word: (span: Range<Int>, capitals: Int, joinsNext: Bool)) -> Bool {
            word.capitals == word.span.count && word.capitals >= 2
        }
        var result: [Range<Int>] = []
        for (position, word) in words.enumerated() {
            let letters = word.span.count
            guard (2...6).contains(letters), word.capitals >= 2, word.capitals >= letters - 1 else { continue }
            if isShouted(word) {
                let before = position > 0 && words[position - 1].joinsNext && isShouted(words[position - 1])
                let after = word.joinsNext && position + 1 < words.count && isShouted(words[position + 1])
                if before || after { continue }
            }
            result.append(word.span)
        }
        return result
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A letter, a digit or any byte of a character outside ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
    }
}
