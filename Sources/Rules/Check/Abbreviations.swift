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
    /// - Parameter skippingProse: pass over lower-case prose eight bytes at a
    ///   time (`proseEnd`); tests turn it off to compare with reading every byte.
    static func spans(in bytes: [UInt8], span: Range<Int>, skippingProse: Bool = true) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // Each word waits for the next: whether the next is shouted too decides whether it is in a run of capitals.
        var waiting: Word?
        /// Takes the next word (nil at the end), deciding on the one waiting.
        @inline(__always)
        func read(_ word: Word?) {
            if let last = waiting {
                let letters = last.span.count
                if (2...6).contains(letters), last.capitals >= 2, last.capitals >= letters - 1,
                   !(last.isShouted && (last.afterShouted || (last.joinsNext && word?.isShouted == true))) {
                    result.append(last.span)
                }
            }
            guard var word else { return }
            word.afterShouted = waiting.map { $0.joinsNext && $0.isShouted } ?? false
            waiting = word
        }
        // Over the bytes unchecked: this reads every letter of a plan.
        bytes.withUnsafeBufferPointer { buffer in
            // Words of ASCII letters; one touching a digit (`KS2`, `Y6`) is not counted.
            var index = span.lowerBound
            while index < span.upperBound {
                guard isLetter(buffer[index]) else {
                    // An HTML tag or entity (`<TD>`, `&NBSP;`) is no word: skip it whole.
                    if buffer[index] == 0x3C || buffer[index] == 0x26, let length = Markup.length(bytes, at: index, end: span.upperBound) {
                        index += length
                    } else {
                        index += 1
                    }
                    continue
                }
                let start = index
                let end = span.upperBound
                // Prose: from a lower-case word, eight bytes at a time with no capital, `<` or `&`.
                // The words passed over have no capital: each would only be read as no abbreviation.
                if skippingProse, buffer[start] >= 0x61 {
                    let proseEnd = Self.proseEnd(buffer, from: start, end: end)
                    if proseEnd > start {
                        read(Word(span: start..<start, capitals: 0, joinsNext: false))
                        index = proseEnd
                        continue
                    }
                }
                var capitals = 0
                while index < end {
                    let byte = buffer[index]
                    guard isLetter(byte) else { break }
                    capitals &+= byte <= 0x5A ? 1 : 0
                    index &+= 1
                }
                let touchesOther = (start > span.lowerBound && isWordByte(buffer[start - 1]))
                    || (index < span.upperBound && isWordByte(buffer[index]))
                if touchesOther {
                    while index < span.upperBound, isWordByte(buffer[index]) { index += 1 }
                    read(Word(span: start..<start, capitals: 0, joinsNext: false))
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
                read(Word(span: start..<index, capitals: capitals, joinsNext: next > index && next < span.upperBound && isLetter(buffer[next])))
            }
        }
        read(nil)
        return result
    }

    /// From `start` (a word starting with a lower-case letter), where a run
    /// of prose ends: eight bytes at a time while none is a capital, `<` or
    /// `&`, then back to the start of the word the last eight cut (which may
    /// go on with capitals: `eHCP`). `start` when the first eight fail.
    private static func proseEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let base = UnsafeRawPointer(buffer.baseAddress!)
        while index + 8 <= end, !mayHoldCapitalOrMarkup(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index > start, isLetter(buffer[index - 1]) { index -= 1 }
        return index
    }

    /// Whether any of eight bytes is a capital `A`-`Z`, `<` or `&` (the ASCII
    /// bytes, each seen as seven bits, compared without carries between them).
    private static func mayHoldCapitalOrMarkup(_ eight: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = eight & ~high
        let atLeastA = low &+ ones &* (0x80 - 0x41)
        let pastZ = low &+ ones &* (0x80 - 0x5B)
        let openingTag = ~((low ^ ones &* 0x3C) &+ ones &* 0x7F)
        let ampersand = ~((low ^ ones &* 0x26) &+ ones &* 0x7F)
        return ((atLeastA & ~pastZ) | openingTag | ampersand) & ~eight & high != 0
    }

    /// A word of letters, as `spans` reads it.
    private struct Word {
        var span: Range<Int>
        var capitals: Int
        /// Only spaces or inline tags between it and the next word.
        var joinsNext: Bool
        /// The word before is shouted and joins this one.
        var afterShouted = false

        /// All in capitals (two or more): shouting, when next to another such word.
        var isShouted: Bool { capitals == span.count && capitals >= 2 }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26  // A-Z and a-z
    }

    /// A letter, a digit or any byte of a character outside ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
    }
}
