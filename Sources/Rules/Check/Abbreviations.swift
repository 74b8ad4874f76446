import EqlintText

/// Finds abbreviations and initials in text: short words written mostly in
/// capitals (`HP`, `NO`, `SENCo`, `HoS`, `EHCPs`), which a parent may not
/// understand. Words in a run of capitals (`OUR AIMS`, `INSERT SCHOOL
/// NAME`) are shouting or headings, not abbreviations. Scans bytes only;
/// HTML tags and entities are no words (`Markup`).
enum Abbreviations {
    /// The abbreviations in a text, each once, in order.
    static func find(in text: String) -> [String] {
        // Most texts have no word with two capitals and no markup (`proseEnd` passes over them whole):
        // told from the text's own bytes, no copy of them made.
        let isProse = text.utf8.withContiguousStorageIfAvailable { $0.isEmpty || proseEnd($0, from: 0, end: $0.count) == $0.count }
        if isProse == true { return [] }
        let bytes = Array(text.utf8)
        var found: [String] = []
        for span in spans(in: bytes, span: 0..<bytes.count) {
            let word = String(decoding: bytes[span], as: UTF8.self)
            if !found.contains(word) { found.append(word) }
        }
        return found
    }

    /// Where each abbreviation is in `bytes[span]`.
    /// - Parameter skippingProse: pass over prose with no capital eight bytes
    ///   at a time (`proseEnd`); tests turn it off to compare with reading every byte.
    static func spans(in bytes: [UInt8], span: Range<Int>, skippingProse: Bool = true) -> [Range<Int>] {
        // Over the bytes unchecked: this reads every letter of a plan. All its state is the closure's
        // own (state captured from outside was checked for exclusive access at each use).
        bytes.withUnsafeBufferPointer { buffer in
            var words = WordSequence()
            // Words of ASCII letters; one touching a digit (`KS2`, `Y6`) is not counted.
            var index = span.lowerBound
            let end = span.upperBound
            // Where prose was last looked for and ended (at a word it does not pass over): not looked for again there.
            var proseChecked = -1
            while index < end {
                // Prose: eight bytes at a time, passing over words with fewer than two capitals (`proseEnd`).
                // Each would only be read as no abbreviation, and one such word read in their place decides
                // the same, unless the word waiting may run on into the next (`OUR   AIMS`).
                if skippingProse, index > proseChecked, words.waiting?.joinsNext != true {
                    let proseEnd = Self.proseEnd(buffer, from: index, end: end)
                    proseChecked = proseEnd
                    if proseEnd > index {
                        words.readOther()
                        index = proseEnd
                        continue
                    }
                }
                guard isLetter(buffer[index]) else {
                    // An HTML tag or entity (`<TD>`, `&NBSP;`) is no word: skip it whole.
                    if buffer[index] == 0x3C || buffer[index] == 0x26, let length = Markup.length(bytes, at: index, end: end) {
                        index += length
                    } else {
                        index += 1
                    }
                    continue
                }
                let start = index
                var capitals = 0
                while index < end {
                    let byte = buffer[index]
                    guard isLetter(byte) else { break }
                    capitals &+= byte <= 0x5A ? 1 : 0
                    index &+= 1
                }
                let touchesOther = (start > span.lowerBound && isWordByte(buffer[start - 1]))
                    || (index < end && isWordByte(buffer[index]))
                if touchesOther {
                    while index < end, isWordByte(buffer[index]) { index += 1 }
                    words.readOther()
                    continue
                }
                // Only spaces (and inline tags, not `<br>`) between this word and the next: they may be one run of capitals.
                // Only a word all in capitals can be in such a run: for any other, there is nothing to look for.
                let isAllCapitals = capitals == index - start && capitals >= 2
                var next = index
                while isAllCapitals, next < end {
                    if bytes[next] == 0x20 {
                        next += 1
                    } else if isLetter(bytes[next]) {
                        break
                    } else if let length = Markup.spaceLength(bytes, at: next, end: end)
                                ?? (bytes[next] == 0x3C && InlineText.breakTagLength(bytes, at: next, end: end) == nil
                                    ? Markup.tagLength(bytes, at: next, end: end) : nil),
                              bytes[next] != 0x0A, bytes[next] != 0x0D {
                        next += length
                    } else {
                        break
                    }
                }
                words.read(Word(span: start..<index, capitals: capitals, joinsNext: next > index && next < end && isLetter(buffer[next])))
            }
            words.read(nil)
            return words.abbreviations
        }
    }

    /// Whether the abbreviations of `bytes[span.lowerBound..<span.upperBound]`
    /// read from `cut` on are those of the whole span that start at `cut` or
    /// after: so when a line break is at `cut` and no tag (`<` to `>`, which
    /// may hold one) begins before it and ends after it. Then no word, tag,
    /// entity or run of spaced capitals goes on across it, and reading the
    /// whole span reaches `cut` as reading from `cut` begins, with no word
    /// waiting that may join the next.
    static func readAlikeFrom(_ cut: Int, in bytes: [UInt8], span: Range<Int>) -> Bool {
        guard span.contains(cut), bytes[cut] == 0x0A || bytes[cut] == 0x0D else { return false }
        var index = cut
        while index > span.lowerBound {
            index -= 1
            if bytes[index] == 0x3E { return true }
            if bytes[index] == 0x3C { return false }
        }
        return true
    }

    /// From `start` (where no word goes on from before), where a run of
    /// prose ends: eight bytes at a time while none is a capital, `<` or
    /// `&`; a word with one capital (`The`, `Governors`) is passed over too.
    /// The start of the first word with two capitals or more (which may
    /// begin in lower case: `eHCP`), or of the one a `<` or `&` is in or
    /// after; `end` when there is none.
    private static func proseEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let base = UnsafeRawPointer(buffer.baseAddress!)
        while true {
            // To the next capital, `<` or `&` (or a rare byte `mayStop` passes too, then passed over):
            // sixteen bytes at a time, then eight, then one.
            var found = false
            while index + 16 <= end {
                let first = mayStop(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                let second = mayStop(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)))
                if first | second != 0 {
                    index += first != 0 ? first.trailingZeroBitCount >> 3 : 8 + second.trailingZeroBitCount >> 3
                    found = true
                    break
                }
                index += 16
            }
            if !found, index + 8 <= end {
                let flags = mayStop(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if flags != 0 {
                    index += flags.trailingZeroBitCount >> 3
                    found = true
                } else {
                    index += 8
                }
            }
            if !found {
                while index < end, !isCapitalOrMarkup(buffer[index]) { index += 1 }
                if index == end { return end }
            } else if !isCapitalOrMarkup(buffer[index]) {
                index += 1
                continue
            }
            // A capital. The letters before it in its word are in lower case (none was found there), so the
            // word has a second capital only if one ends the lower-case letters after it: else it is passed over.
            if buffer[index] &- 0x41 < 26 {
                let after = lowerCaseEnd(buffer, from: index + 1, end: end)
                if after == end || buffer[after] &- 0x41 >= 26 {
                    index = after
                    continue
                }
            }
            var wordStart = index
            while wordStart > start, isLetter(buffer[wordStart - 1]) { wordStart -= 1 }
            return wordStart
        }
    }

    /// From `start`, the first byte that is not a lower-case `a`-`z`, or `end`: eight bytes at a time.
    @inline(__always)
    private static func lowerCaseEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        let base = UnsafeRawPointer(buffer.baseAddress!)
        while index + 8 <= end {
            let others = notLowerCase(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if others != 0 { return index + others.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end, buffer[index] &- 0x61 < 26 { index += 1 }
        return index
    }

    /// Of eight bytes (the first in the lowest), the top bit of each that is
    /// not a lower-case `a`-`z` (each byte's low seven bits compared without
    /// carries between bytes; one outside ASCII is none): exact, byte by byte.
    private static func notLowerCase(_ eight: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = eight & ~high
        let atLeastA = low &+ ones &* (0x80 - 0x61)
        let pastZ = low &+ ones &* (0x80 - 0x7B)
        return ~(atLeastA & ~pastZ & ~eight) & high
    }

    /// Of eight bytes (the first in the lowest), the top bit of each that may
    /// be a capital `A`-`Z`, `<` or `&`: every such byte, and a few more
    /// (`=` to `@`, and bytes outside ASCII whose low seven bits are one of
    /// them), each byte's low seven bits compared without carries between
    /// bytes. The few more are rare in prose: fewer steps than an exact test.
    private static func mayStop(_ eight: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = eight & ~high
        let atLeastOpeningTag = low &+ ones &* (0x80 - 0x3C)
        let pastZ = low &+ ones &* (0x80 - 0x5B)
        let notAmpersand = (low ^ ones &* 0x26) &+ ones &* 0x7F
        return ((atLeastOpeningTag & ~pastZ) | ~notAmpersand) & high
    }

    /// A capital `A`-`Z`, `<` or `&`.
    private static func isCapitalOrMarkup(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26 || byte == 0x3C || byte == 0x26
    }

    /// The words of a text in turn, each deciding on the one before: whether
    /// the next is shouted too decides whether it is in a run of capitals.
    private struct WordSequence {
        var abbreviations: [Range<Int>] = []
        /// The word read last, waiting for the next.
        var waiting: Word?

        /// Takes the next word (nil at the end), deciding on the one waiting.
        mutating func read(_ word: Word?) {
            decideWaiting(nextIsShouted: word?.isShouted == true)
            guard var word else { return }
            word.afterShouted = waiting.map { $0.joinsNext && $0.isShouted } ?? false
            waiting = word
        }

        /// Takes words that are no abbreviation and not shouted (prose with
        /// fewer than two capitals in a word, letters touching a digit): as
        /// `read` takes one such word, which then waits to no effect.
        mutating func readOther() {
            decideWaiting(nextIsShouted: false)
            waiting = nil
        }

        /// Keeps the waiting word if it is an abbreviation, given whether the next word is shouted.
        private mutating func decideWaiting(nextIsShouted: Bool) {
            guard let last = waiting else { return }
            let letters = last.span.count
            if (2...6).contains(letters), last.capitals >= 2, last.capitals >= letters - 1,
               !(last.isShouted && (last.afterShouted || (last.joinsNext && nextIsShouted))) {
                abbreviations.append(last.span)
            }
        }
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
