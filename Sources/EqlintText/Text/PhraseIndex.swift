/// The phrases of one vocabulary list, ready to be found in a plan's raw
/// UTF-8 text, with the exact bytes each one covers.
///
/// Matching is word by word: ASCII letters are compared without case, any
/// run of spaces, punctuation, Markdown markup or HTML tags and entities
/// (`Markup`) between words is one gap, and an apostrophe joins
/// (`children's`, `children&rsquo;s` are the word `childrens`). So the
/// phrase `equalities act` finds `Equalities  Act`, `**Equalities** Act` and
/// `equalities-act`, but not `inequalities act`.
package struct PhraseIndex: Sendable {
    /// A phrase, as the hashes of its words, and the group of the list it belongs to.
    private struct Entry: Sendable {
        var words: [UInt64]
        var group: String
    }

    /// Entries sharing a first word, longest phrase first.
    private var entries: [[Entry]] = []
    /// An open-addressing table from a first word's hash to its place in
    /// `entries` (-1 for an empty slot), probed linearly. The hashes are FNV-1a
    /// already, so their low bits index it directly: this lookup, made for
    /// every word of a plan, is several times cheaper than a `Dictionary`'s.
    private var slots: [(hash: UInt64, entries: Int)] = [(0, -1)]
    /// A flag for each first word, at the top 12 bits of its hash: most words
    /// of a text start no phrase, and one look-up here passes them over (a
    /// byte each, not a bit: the loop over a text's words is shorter).
    private var firstWords = [Bool](repeating: false, count: 4096)

    package init() {}

    package mutating func add(_ phrase: String, group: String) {
        let bytes = Array(phrase.utf8)
        let words = Self.words(in: bytes, span: 0..<bytes.count).map(\.hash)
        guard let first = words.first else { return }
        let index: Int
        if let known = place(of: first) {
            index = known
        } else {
            index = entries.count
            entries.append([])
            insert(first, at: index)
            firstWords[Self.filterSlot(first)] = true
        }
        // Longest first, and among phrases of one length in the order they
        // were added (groups in name order), so which group a phrase is
        // found in never depends on how a sort treats ties.
        let place = entries[index].firstIndex { $0.words.count < words.count } ?? entries[index].endIndex
        entries[index].insert(Entry(words: words, group: group), at: place)
    }

    /// Where the entries starting with this word are, if any do.
    private func place(of hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].entries >= 0 {
            if slots[slot].hash == hash { return slots[slot].entries }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The place in `firstWords` of a word's hash.
    @inline(__always)
    private static func filterSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 52)
    }

    /// The first word at or after `start` flagged in `filter` (`words.count`
    /// when none is): a loop of its own, so that it keeps all it needs in registers.
    @inline(never)
    private static func nextFlagged(_ words: UnsafeBufferPointer<Word>, from start: Int, _ filter: UnsafeBufferPointer<Bool>) -> Int {
        var index = start
        while index < words.count, !filter[filterSlot(words[index].hash)] { index += 1 }
        return index
    }

    /// The first word at or after `start` that some phrase starts with, and
    /// where its entries are; nil when there is none.
    private func nextFirstWord(in words: UnsafeBufferPointer<Word>, from start: Int) -> (index: Int, place: Int)? {
        firstWords.withUnsafeBufferPointer { filter in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var index = Self.nextFlagged(words, from: start, filter)
                while index < words.count {
                    let hash = words[index].hash
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot].entries >= 0 {
                        if slots[slot].hash == hash { return (index, slots[slot].entries) }
                        slot = (slot + 1) & mask
                    }
                    index = Self.nextFlagged(words, from: index + 1, filter)
                }
                return nil
            }
        }
    }

    /// Adds a first word, doubling the table to keep it at most half full.
    private mutating func insert(_ hash: UInt64, at index: Int) {
        if entries.count * 2 > slots.count {
            let old = slots.filter { $0.entries >= 0 }
            slots = Array(repeating: (0, -1), count: slots.count * 2)
            for slot in old { insert(slot.hash, at: slot.entries) }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].entries >= 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash, index)
    }

    /// Every phrase found in some words of the text, in order; at each place
    /// the longest phrase wins and matches do not overlap. With `groups`,
    /// only phrases of those groups count. A word after a phrase's first may
    /// be split in two by a space, as a Word table cell that wrapped leaves it
    /// (`disadvanta ges`).
    package func matches(in words: ArraySlice<Word>, bytes: [UInt8], groups: Set<String>? = nil) -> [VocabularyMatch] {
        var found: [VocabularyMatch] = []
        forEachMatch(in: words, bytes: bytes, groups: groups) {
            found.append($0)
            return true
        }
        return found
    }

    /// Whether `matches` finds anything: it stops at the first phrase found.
    package func hasMatch(in words: ArraySlice<Word>, bytes: [UInt8], groups: Set<String>? = nil) -> Bool {
        var found = false
        forEachMatch(in: words, bytes: bytes, groups: groups) { _ in
            found = true
            return false
        }
        return found
    }

    /// `matches` over all the words of an array.
    package func matches(in words: [Word], bytes: [UInt8], groups: Set<String>? = nil) -> [VocabularyMatch] {
        matches(in: words[...], bytes: bytes, groups: groups)
    }

    /// `hasMatch` over all the words of an array.
    package func hasMatch(in words: [Word], bytes: [UInt8], groups: Set<String>? = nil) -> Bool {
        hasMatch(in: words[...], bytes: bytes, groups: groups)
    }

    /// Calls `body` with each phrase `matches` finds, in order, until it
    /// returns false. The words are read in place: a slice of a text's
    /// words (an entry's, out of its published span's) is never copied.
    @inline(__always)
    private func forEachMatch(in words: ArraySlice<Word>, bytes: [UInt8], groups: Set<String>?, _ body: (VocabularyMatch) -> Bool) {
        words.withUnsafeBufferPointer { forEachMatch(in: $0, bytes: bytes, groups: groups, body) }
    }

    @inline(__always)
    private func forEachMatch(in words: UnsafeBufferPointer<Word>, bytes: [UInt8], groups: Set<String>?, _ body: (VocabularyMatch) -> Bool) {
        // The few groups wanted, compared for equality: cheaper than hashing
        // each phrase's group for the set. Most rules want one group, or all:
        // an array of them is made only for several.
        let onlyGroup = groups?.count == 1 ? groups?.first : nil
        let wanted = onlyGroup == nil ? groups.map(Array.init) : nil
        // The last word joined to the next one (`disadvanta ges`) and its
        // hash: the phrases sharing a first word try the same join.
        var joined = (at: -1, hash: UInt64(0))
        var index = 0
        while let (first, place) = nextFirstWord(in: words, from: index) {
            index = first
            var matched: (entry: Entry, end: Int)?
            for entry in entries[place] where onlyGroup.map({ entry.group == $0 }) ?? wanted?.contains(entry.group) ?? true {
                let count = entry.words.count
                guard index + count <= words.count else { continue }
                // Word for word, the common case; a word split in two only when that fails.
                var same = true
                var offset = 1
                while offset < count {
                    if words[index + offset].hash != entry.words[offset] {
                        same = false
                        break
                    }
                    offset += 1
                }
                if same {
                    matched = (entry, index + count)
                    break
                }
                if let end = match(entry.words, at: index, in: words, bytes: bytes, joined: &joined) {
                    matched = (entry, end)
                    break
                }
            }
            guard let (entry, matchedEnd) = matched else {
                index += 1
                continue
            }
            guard body(VocabularyMatch(span: words[index].span.lowerBound..<words[matchedEnd - 1].span.upperBound, group: entry.group)) else { return }
            index = matchedEnd
        }
    }

    /// Where a phrase's words, matched from `start`, end in the text's words
    /// (the index after the last), or nil when they do not match there.
    /// - Parameter joined: the last join's word index and hash, reused at the same word.
    private func match(_ phrase: [UInt64], at start: Int, in words: UnsafeBufferPointer<Word>, bytes: [UInt8],
                       joined: inout (at: Int, hash: UInt64)) -> Int? {
        var position = start
        for (offset, wanted) in phrase.enumerated() {
            guard position < words.count else { return nil }
            if words[position].hash == wanted {
                position += 1
                continue
            }
            // `disadvanta ges`: two words a single space apart that make the phrase's word.
            guard offset > 0, position + 1 < words.count,
                  words[position + 1].span.lowerBound == words[position].span.upperBound + 1,
                  bytes[words[position].span.upperBound] == 0x20 else { return nil }
            if joined.at != position { joined = (position, Self.continuing(words[position].hash, with: words[position + 1], in: bytes)) }
            guard joined.hash == wanted else { return nil }
            position += 2
        }
        return position
    }

    /// A word's hash continued over the bytes of the next word, as if the two were one.
    private static func continuing(_ hash: UInt64, with next: Word, in bytes: [UInt8]) -> UInt64 {
        var hash = hash
        var index = next.span.lowerBound
        while index < next.span.upperBound {
            let byte = bytes[index]
            if byte == 0x27 {
                index += 1
            } else if byte == 0xE2, index + 2 < next.span.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                index += 3  // a typographic apostrophe, as `normalized` leaves out
            } else {
                hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* fnvPrime
                index += 1
            }
        }
        return hash
    }

    /// A word of the text: where it is, and a 64-bit FNV-1a hash of its
    /// bytes lower-cased without apostrophes, by which words are compared
    /// (two different words of a plan sharing a hash is vanishingly unlikely).
    package struct Word {
        package var span: Range<Int>
        package var hash: UInt64
    }

    /// The hash of a word written in lower case (`"year"`), as `Word.hash`.
    package static func hash(_ word: String) -> UInt64 {
        words(in: Array(word.utf8), span: 0..<word.utf8.count).first?.hash ?? 0
    }

    /// The words of `bytes[span]`, scanning bytes only: the hottest loop in
    /// eqlint. An HTML tag or entity is a gap between words
    /// (`<strong>Lead:</strong>` is the word `lead`), except an apostrophe's
    /// entity inside a word, which joins. Each byte is looked up once in
    /// `byteActions`: a word's ASCII letters and digits are hashed in a loop
    /// that does nothing else; a byte that needs a decision (an apostrophe,
    /// `<`, `&`, a byte outside ASCII) is left to `readSpecial`.
    package static func words(in bytes: [UInt8], span: Range<Int>) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(span.count / 6)
        bytes.withUnsafeBufferPointer { bytes in
            byteActions.withUnsafeBufferPointer { actions in
                var word = OpenWord()
                var index = span.lowerBound
                let end = span.upperBound
                while index < end {
                    var action = actions[Int(bytes[index])]
                    if action > special {
                        if !word.isOpen { word.open(at: index) }
                        var hash = word.hash
                        repeat {
                            hash = (hash ^ UInt64(action)) &* fnvPrime
                            index += 1
                            guard index < end else { break }
                            action = actions[Int(bytes[index])]
                        } while action > special
                        word.hash = hash
                        word.end = index
                    } else if action == gap {
                        if word.isOpen { word.close(into: &words) }
                        index += 1
                    } else {
                        index = readSpecial(bytes, at: index, end: end, &word, into: &words)
                    }
                }
                if word.isOpen { word.close(into: &words) }
            }
        }
        return words
    }

    /// FNV-1a's offset basis and prime, 64 bits.
    private static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01B3

    /// What `words` does with each byte value: a word's ASCII letter or
    /// digit is the byte it adds to the hash (letters lower-cased, all above
    /// `special`); `gap` ends a word; `special` is for `readSpecial`.
    private static let byteActions: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte | 0x20)
        case 0x27, 0x3C, 0x26, 0x80...: special
        default: gap
        }
    }
    private static let gap: UInt8 = 0, special: UInt8 = 1

    /// The word `words` is reading, while it is open.
    private struct OpenWord {
        var hash: UInt64 = 0
        var start = 0
        var end = 0
        var isOpen = false

        mutating func open(at index: Int) {
            isOpen = true
            start = index
            hash = PhraseIndex.fnvBasis
        }

        mutating func close(into words: inout [Word]) {
            words.append(Word(span: start..<end, hash: hash))
            isOpen = false
        }
    }

    /// Reads the apostrophe, `<`, `&` or character outside ASCII at `index`,
    /// and says where reading goes on. An apostrophe (`'`, U+2019 or its
    /// entity) inside a word joins; a tag or entity is a gap; a `<` or `&`
    /// that starts neither is punctuation; a character outside ASCII is part
    /// of a word unless `isWordCharacter` says otherwise. Kept out of
    /// `words`, whose loop stays as small as the common case needs.
    @inline(never)
    private static func readSpecial(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, _ word: inout OpenWord,
                                    into words: inout [Word]) -> Int {
        let byte = bytes[index]
        if byte == 0x27 { return index + 1 }  // joins in a word, a gap outside one
        if byte < 0x80 {  // `<` or `&`
            guard let length = Markup.length(bytes, at: index, end: end) else {
                if word.isOpen { word.close(into: &words) }
                return index + 1
            }
            if word.isOpen, byte == 0x26, Markup.isApostropheEntity(bytes, index..<index + length) { return index + length }
            if word.isOpen { word.close(into: &words) }
            return index + length
        }
        let next = index + characterLength(byte, at: index, end: end)
        // U+2019 (E2 80 99), the typographic apostrophe, joins like `'`.
        if word.isOpen, byte == 0xE2, next - index == 3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 { return next }
        if isWordCharacter(bytes, at: index, length: next - index) {
            if !word.isOpen { word.open(at: index) }
            for offset in index..<next { word.hash = (word.hash ^ UInt64(bytes[offset])) &* fnvPrime }
            word.end = next
        } else if word.isOpen {
            word.close(into: &words)
        }
        return next
    }

    /// A word's bytes as it is compared: ASCII lower-cased, apostrophes left out.
    static func normalized(_ word: Word, in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = word.span.lowerBound
        while index < word.span.upperBound {
            let byte = bytes[index]
            if byte == 0x27 {
                index += 1
            } else if byte == 0x26, let length = Markup.entityLength(bytes, at: index, end: word.span.upperBound) {
                index += length  // only an apostrophe's entity is ever inside a word
            } else if byte == 0xE2, index + 2 < word.span.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                index += 3
            } else {
                result.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            }
        }
        return result
    }

    /// The length of the UTF-8 character whose first byte is `byte`, at
    /// `index`, cut short at `end`.
    package static func characterLength(_ byte: UInt8, at index: Int, end: Int) -> Int {
        min(byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, end - index)
    }

    /// ASCII letters and digits, and any character outside ASCII except
    /// spaces and the General Punctuation block (dashes, quotes, U+2000–U+206F).
    package static func isWordCharacter<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Bytes.Index, length: Int) -> Bool where Bytes.Index == Int {
        let byte = bytes[index]
        if byte < 0x80 {
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        if byte == 0xC2, length == 2, bytes[index + 1] == 0xA0 { return false }
        if byte == 0xE2, length == 3, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 { return false }
        return true
    }
}

/// A phrase or pattern of a vocabulary list found in the text.
package struct VocabularyMatch: Sendable, Equatable {
    /// The bytes it covers in the file.
    package var span: Range<Int>
    /// The group of the list it belongs to.
    package var group: String

    package init(span: Range<Int>, group: String) {
        self.span = span
        self.group = group
    }
}
