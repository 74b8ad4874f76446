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
    /// A phrase: where its words' hashes are in `phraseWords`, the group of
    /// the list it belongs to (by its place in `groupNames`), and the next
    /// phrase sharing its first word. Plain numbers: reading one costs no
    /// reference counting.
    private struct Entry: Sendable {
        var wordsStart: Int
        var wordCount: Int
        var group: Int
        /// The next entry sharing the first word (-1 after the last).
        var next: Int
    }

    /// Every phrase, in the order added; those sharing a first word are
    /// linked longest first (`Entry.next`).
    private var entries: [Entry] = []
    /// The hashes of every phrase's words, one phrase after another.
    private var phraseWords: [UInt64] = []
    /// The list's groups, in the order their first phrase was added.
    private var groupNames: [String] = []
    /// How many different first words there are.
    private var firstWordCount = 0
    /// An open-addressing table from a first word's hash to the first of
    /// its entries (-1 for an empty slot), probed linearly. The hashes are FNV-1a
    /// already, so their low bits index it directly: this lookup, made for
    /// every word of a plan, is several times cheaper than a `Dictionary`'s.
    private var slots: [(hash: UInt64, entries: Int)] = [(0, -1)]
    /// For each first word, at the top 12 bits of its hash, the groups of the
    /// phrases it starts (`groupBit`): most words of a text start no phrase
    /// of the groups searched for, and one look-up here passes them over (a
    /// search for `review` passes over the `equality` of `equality
    /// information published`). A byte each: a table no bigger than one of
    /// flags, the few lists searched by group having few groups.
    ///
    /// After them, from `joinHeadsStart`, a bit for each beginning of a
    /// phrase's word after its first (its first byte, its first two, and so
    /// on, short of the whole word), hashed as a word is and placed by the
    /// top 14 bits of the hash (`joinHeadPlace`). A word split in two by a
    /// space (`disadvanta ges`) is a phrase's word only if its first part is
    /// one of these: most words are not, and their joining with the next is
    /// then never hashed. One array for both: an index is copied for each
    /// search, and each array it holds is one more to retain and release.
    private var firstWords = [UInt8](repeating: 0, count: joinHeadsStart + 2048)
    /// Where the bits of the beginnings of words start in `firstWords`.
    private static let joinHeadsStart = 4096

    package init() {}

    package mutating func add(_ phrase: String, group: String) {
        add([phrase], group: group)
    }

    /// Adds phrases of one group, in order, as `add(_:group:)` one by one
    /// would: a vocabulary list's phrases come group by group. Each phrase's
    /// bytes and words are read into room made once for all of them, and
    /// the table of first words is made big enough for them at once: no
    /// arrays made and dropped for each phrase.
    package mutating func add(_ phrases: [String], group: String) {
        guard !phrases.isEmpty else { return }
        var groupIndex = -1
        var longest = 0
        for phrase in phrases { longest = max(longest, phrase.utf8.count) }
        reserveFirstWords(firstWordCount + phrases.count)
        entries.reserveCapacity(entries.count + phrases.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(longest)
        let room = UnsafeMutablePointer<Word>.allocate(capacity: (longest + 1) / 2)
        defer { room.deallocate() }
        for phrase in phrases {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: phrase.utf8)
            var words = WordStorage(base: room)
            Self.read(bytes, span: 0..<bytes.count, into: &words)
            guard words.count > 0 else { continue }
            // The group's place, when its first phrase with a word comes; the last group is checked first.
            if groupIndex < 0 {
                groupIndex = groupNames.last == group ? groupNames.count - 1 : groupNames.firstIndex(of: group) ?? groupNames.endIndex
                if groupIndex == groupNames.endIndex { groupNames.append(group) }
            }
            let first = room[0].hash
            firstWords[Self.filterSlot(first)] |= Self.groupBit(groupIndex)
            for offset in 1..<words.count { markJoinHeads(of: room[offset], in: bytes) }
            var entry = Entry(wordsStart: phraseWords.count, wordCount: words.count, group: groupIndex, next: -1)
            for offset in 0..<words.count { phraseWords.append(room[offset].hash) }
            let index = entries.count
            guard let slot = slot(of: first) else {
                entries.append(entry)
                insert(first, at: index)
                continue
            }
            // Longest first, and among phrases of one length in the order they
            // were added (groups in name order), so which group a phrase is
            // found in never depends on how a sort treats ties.
            var previous = -1
            var current = slots[slot].entries
            while current >= 0, entries[current].wordCount >= words.count {
                previous = current
                current = entries[current].next
            }
            entry.next = current
            entries.append(entry)
            if previous < 0 { slots[slot].entries = index } else { entries[previous].next = index }
        }
    }

    /// Everything an index is, as `embed-rules` writes it into eqlint for
    /// each list of its own vocabulary (`embeddedPhraseIndexes`), so that
    /// the phrases are not read and hashed at each start. The flags of
    /// first words are not written: they follow from the table of them.
    package struct Tables: Sendable, Equatable {
        /// Each entry's start in `phraseWords`, word count, group and next entry, one after another.
        package var entries: [Int]
        package var phraseWords: [UInt64]
        package var groupNames: [String]
        package var firstWordCount: Int
        /// The table of first words: each slot's hash, and its first entry (-1: empty).
        package var slotHashes: [UInt64]
        package var slotEntries: [Int]
        /// The bits of the beginnings of words after a phrase's first, 64 a number (`firstWords`).
        package var joinHeads: [UInt64]

        package init(entries: [Int], phraseWords: [UInt64], groupNames: [String], firstWordCount: Int, slotHashes: [UInt64], slotEntries: [Int],
                     joinHeads: [UInt64]) {
            self.entries = entries
            self.phraseWords = phraseWords
            self.groupNames = groupNames
            self.firstWordCount = firstWordCount
            self.slotHashes = slotHashes
            self.slotEntries = slotEntries
            self.joinHeads = joinHeads
        }
    }

    /// The index's tables.
    package var tables: Tables {
        Tables(entries: entries.flatMap { [$0.wordsStart, $0.wordCount, $0.group, $0.next] }, phraseWords: phraseWords,
               groupNames: groupNames, firstWordCount: firstWordCount, slotHashes: slots.map(\.hash), slotEntries: slots.map(\.entries),
               joinHeads: (0..<256).map { word in
                   (0..<8).reduce(UInt64(0)) { $0 | UInt64(firstWords[Self.joinHeadsStart + word * 8 + $1]) << UInt64($1 * 8) }
               })
    }

    /// The index made from its tables (the same index as the one they were read from).
    package init(_ tables: Tables) {
        entries = stride(from: 0, to: tables.entries.count, by: 4).map {
            Entry(wordsStart: tables.entries[$0], wordCount: tables.entries[$0 + 1], group: tables.entries[$0 + 2], next: tables.entries[$0 + 3])
        }
        phraseWords = tables.phraseWords
        groupNames = tables.groupNames
        firstWordCount = tables.firstWordCount
        slots = tables.slotHashes.indices.map { (tables.slotHashes[$0], tables.slotEntries[$0]) }
        for (word, bits) in tables.joinHeads.enumerated() {
            for byte in 0..<8 { firstWords[Self.joinHeadsStart + word * 8 + byte] = UInt8(truncatingIfNeeded: bits >> UInt64(byte * 8)) }
        }
        for slot in slots where slot.entries >= 0 {
            var next = slot.entries
            while next >= 0 {
                firstWords[Self.filterSlot(slot.hash)] |= Self.groupBit(entries[next].group)
                next = entries[next].next
            }
        }
    }

    /// The slot in `slots` of a first word, if some phrase starts with it.
    private func slot(of hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].entries >= 0 {
            if slots[slot].hash == hash { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// A group's bit in `firstWords`: its own for the first seven groups,
    /// one shared by the rest.
    @inline(__always)
    private static func groupBit(_ group: Int) -> UInt8 {
        1 << UInt8(min(group, 7))
    }

    /// Marks in `firstWords` each beginning of a phrase's word, short of the whole word.
    private mutating func markJoinHeads(of word: Word, in bytes: [UInt8]) {
        var hash = Self.fnvBasis
        for byte in Self.normalized(word, in: bytes).dropLast() {
            hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
            let (slot, bit) = Self.joinHeadPlace(hash)
            firstWords[slot] |= bit
        }
    }

    /// Whether a word of the text may be the first part of a phrase's word
    /// split in two (`firstWords`, from `joinHeadsStart`): if not, no
    /// joining of it with the next word is any phrase's word.
    @inline(__always)
    private func mayBeginJoin(_ hash: UInt64) -> Bool {
        let (slot, bit) = Self.joinHeadPlace(hash)
        return firstWords[slot] & bit != 0
    }

    /// A hash's byte in `firstWords`, and its bit there: its top 14 bits
    /// (11 for the byte, from `joinHeadsStart`; 3 for the bit).
    @inline(__always)
    private static func joinHeadPlace(_ hash: UInt64) -> (slot: Int, bit: UInt8) {
        (joinHeadsStart + Int(truncatingIfNeeded: hash >> 53), 1 << UInt8(truncatingIfNeeded: (hash >> 50) & 7))
    }

    /// The place in `firstWords` of a word's hash.
    @inline(__always)
    private static func filterSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 52)
    }

    /// The first word at or after `start` whose groups in `filter` include
    /// one of `wanted` (`words.count` when none does): a loop of its own, so that it keeps all it needs in
    /// registers, reading four words a round while four are left (one test
    /// of the end for four look-ups).
    @inline(never)
    private static func nextFlagged(_ words: UnsafeBufferPointer<Word>, from start: Int, _ filter: UnsafeBufferPointer<UInt8>,
                                    wanted: UInt8) -> Int {
        var index = start
        while index &+ 4 <= words.count {
            if filter[filterSlot(words[index].hash)] & wanted != 0 { return index }
            if filter[filterSlot(words[index &+ 1].hash)] & wanted != 0 { return index &+ 1 }
            if filter[filterSlot(words[index &+ 2].hash)] & wanted != 0 { return index &+ 2 }
            if filter[filterSlot(words[index &+ 3].hash)] & wanted != 0 { return index &+ 3 }
            index &+= 4
        }
        while index < words.count, filter[filterSlot(words[index].hash)] & wanted == 0 { index += 1 }
        return index
    }

    /// The first word at or after `start` that some phrase of the `wanted`
    /// groups (`groupBit`) may start with, and the first of its entries;
    /// nil when there is none.
    private func nextFirstWord(in words: UnsafeBufferPointer<Word>, from start: Int, wanted: UInt8) -> (index: Int, entry: Int)? {
        firstWords.withUnsafeBufferPointer { filter in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var index = Self.nextFlagged(words, from: start, filter, wanted: wanted)
                while index < words.count {
                    let hash = words[index].hash
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot].entries >= 0 {
                        if slots[slot].hash == hash { return (index, slots[slot].entries) }
                        slot = (slot + 1) & mask
                    }
                    index = Self.nextFlagged(words, from: index + 1, filter, wanted: wanted)
                }
                return nil
            }
        }
    }

    /// Adds a first word, doubling the table to keep it at most half full.
    private mutating func insert(_ hash: UInt64, at index: Int) {
        firstWordCount += 1
        reserveFirstWords(firstWordCount)
        place(hash, at: index)
    }

    /// Makes the table big enough to hold `count` first words at most half
    /// full, doubling it as often as that takes, and placing the words it
    /// holds anew once.
    private mutating func reserveFirstWords(_ count: Int) {
        var size = slots.count
        while count * 2 > size { size *= 2 }
        guard size > slots.count else { return }
        let old = slots.filter { $0.entries >= 0 }
        slots = Array(repeating: (0, -1), count: size)
        for slot in old { place(slot.hash, at: slot.entries) }
    }

    /// Puts a first word in the first free slot from its hash's.
    private mutating func place(_ hash: UInt64, at index: Int) {
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
        var search = Search(groups: groups)
        return matches(in: words, bytes: bytes, search: &search)
    }

    /// Whether `matches` finds anything: it stops at the first phrase found.
    package func hasMatch(in words: ArraySlice<Word>, bytes: [UInt8], groups: Set<String>? = nil) -> Bool {
        var search = Search(groups: groups)
        return hasMatch(in: words, bytes: bytes, search: &search)
    }

    /// Some groups of the index searched for in one text after another (a
    /// rule's spans): which groups are wanted is worked out once, at the
    /// first phrase tried in any of them, not for each text.
    package struct Search {
        fileprivate let groups: Set<String>?
        fileprivate var wanted: GroupFilter?

        package init(groups: Set<String>?) {
            self.groups = groups
        }
    }

    /// `matches`, in one text of a search.
    package func matches(in words: ArraySlice<Word>, bytes: [UInt8], search: inout Search) -> [VocabularyMatch] {
        var found: [VocabularyMatch] = []
        forEachMatch(in: words, bytes: bytes, search: &search) {
            found.append($0)
            return true
        }
        return found
    }

    /// `hasMatch`, in one text of a search.
    package func hasMatch(in words: ArraySlice<Word>, bytes: [UInt8], search: inout Search) -> Bool {
        var found = false
        forEachMatch(in: words, bytes: bytes, search: &search) { _ in
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
    private func forEachMatch(in words: ArraySlice<Word>, bytes: [UInt8], search: inout Search, _ body: (VocabularyMatch) -> Bool) {
        words.withUnsafeBufferPointer { forEachMatch(in: $0, bytes: bytes, search: &search, body) }
    }

    @inline(__always)
    private func forEachMatch(in words: UnsafeBufferPointer<Word>, bytes: [UInt8], search: inout Search, _ body: (VocabularyMatch) -> Bool) {
        // Worked out at the first phrase tried: most texts start none.
        var wanted = search.wanted
        defer { search.wanted = wanted }
        // Their bits in `firstWords`: every group's until they are worked out.
        var wantedBits = wanted?.bits ?? .max
        let groups = search.groups
        // The last word joined to the next one (`disadvanta ges`) and its
        // hash: the phrases sharing a first word try the same join.
        var joined = (at: -1, hash: UInt64(0))
        var index = 0
        entries.withUnsafeBufferPointer { entries in
            phraseWords.withUnsafeBufferPointer { phraseWords in
                while let (first, head) = nextFirstWord(in: words, from: index, wanted: wantedBits) {
                    index = first
                    var matched: (group: Int, end: Int)?
                    var next = head
                    while next >= 0 {
                        let entry = entries[next]
                        next = entry.next
                        if wanted == nil {
                            wanted = GroupFilter(groups, names: groupNames)
                            wantedBits = wanted.unsafelyUnwrapped.bits
                        }
                        guard wanted.unsafelyUnwrapped.contains(entry.group) else { continue }
                        let count = entry.wordCount
                        guard index + count <= words.count else { continue }
                        let phrase = UnsafeBufferPointer(rebasing: phraseWords[entry.wordsStart..<entry.wordsStart + count])
                        // Word for word, the common case; a word split in two only when that fails.
                        var same = true
                        var offset = 1
                        while offset < count {
                            if words[index + offset].hash != phrase[offset] {
                                same = false
                                break
                            }
                            offset += 1
                        }
                        if same {
                            matched = (entry.group, index + count)
                            break
                        }
                        // The first word that differs must begin a word split in two (`mayBeginJoin`).
                        guard mayBeginJoin(words[index + offset].hash) else { continue }
                        if let end = match(phrase, at: index, in: words, bytes: bytes, joined: &joined) {
                            matched = (entry.group, end)
                            break
                        }
                    }
                    guard let (group, matchedEnd) = matched else {
                        index += 1
                        continue
                    }
                    let span = words[index].span.lowerBound..<words[matchedEnd - 1].span.upperBound
                    guard body(VocabularyMatch(span: span, group: groupNames[group])) else { return }
                    index = matchedEnd
                }
            }
        }
    }

    /// The groups a search wants, by their place in `groupNames`: all of
    /// them, or a set of bits worked out once a search from the few names
    /// asked for, so that no group's name is compared or hashed for each
    /// phrase tried.
    fileprivate enum GroupFilter {
        case all
        case bits(UInt64)
        /// A list of more than 64 groups: each group's name looked up in the set.
        case names(Set<String>, [String])

        init(_ groups: Set<String>?, names: [String]) {
            guard let groups else {
                self = .all
                return
            }
            guard names.count <= 64 else {
                self = .names(groups, names)
                return
            }
            var bits: UInt64 = 0
            // The names differ (`add` keeps one of each): one is the most a group is.
            for group in groups {
                if let index = names.firstIndex(of: group) { bits |= 1 << UInt64(index) }
            }
            self = .bits(bits)
        }

        /// The groups' bits in `firstWords` (`groupBit`: the eighth and
        /// later share the last; all of them for `names`).
        var bits: UInt8 {
            switch self {
            case .all, .names: .max
            case .bits(let bits): UInt8(truncatingIfNeeded: bits & 0x7F) | (bits >> 7 != 0 ? 0x80 : 0)
            }
        }

        @inline(__always)
        func contains(_ group: Int) -> Bool {
            switch self {
            case .all: true
            case .bits(let bits): bits & (1 << UInt64(group)) != 0
            case .names(let wanted, let names): wanted.contains(names[group])
            }
        }
    }

    /// Where a phrase's words, matched from `start`, end in the text's words
    /// (the index after the last), or nil when they do not match there.
    /// - Parameter joined: the last join's word index and hash, reused at the same word.
    private func match(_ phrase: UnsafeBufferPointer<UInt64>, at start: Int, in words: UnsafeBufferPointer<Word>, bytes: [UInt8],
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

    /// The hash (as `Word.hash`) of a word of ASCII letters and digits
    /// continued by one more (the word's first when `hash` is nil): a word of
    /// a few known bytes (`12`) hashed without a scan for words or an array.
    package static func wordHash(adding byte: UInt8, to hash: UInt64? = nil) -> UInt64 {
        ((hash ?? fnvBasis) ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* fnvPrime
    }

    /// The words of `bytes[span]`, scanning bytes only: the hottest loop in
    /// eqlint. An HTML tag or entity is a gap between words
    /// (`<strong>Lead:</strong>` is the word `lead`), except an apostrophe's
    /// entity inside a word, which joins. Each byte is looked up once in
    /// `byteActions`: a word's ASCII letters and digits are hashed in a loop
    /// that does nothing else; a byte that needs a decision (an apostrophe,
    /// `<`, `&`, a byte outside ASCII) is left to `readSpecial`.
    ///
    /// The words are written straight into the array's storage, made for
    /// the most words the span can hold (a word is a byte or more, and a
    /// byte at least lies between two): no check or growth at each word.
    package static func words(in bytes: [UInt8], span: Range<Int>) -> [Word] {
        [Word](unsafeUninitializedCapacity: (span.count + 1) / 2) { storage, count in
            var words = WordStorage(base: storage.baseAddress)
            read(bytes, span: span, into: &words)
            count = words.count
        }
    }

    /// The words of the array being made, in its storage: `words` sizes it.
    private struct WordStorage {
        let base: UnsafeMutablePointer<Word>?
        var count = 0

        @inline(__always)
        mutating func append(_ word: Word) {
            (base.unsafelyUnwrapped + count).initialize(to: word)
            count += 1
        }
    }

    /// The loop of `words`.
    private static func read(_ bytes: [UInt8], span: Range<Int>, into words: inout WordStorage) {
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
                        letters: repeat {
                            hash = (hash ^ UInt64(action)) &* fnvPrime
                            index &+= 1
                            // Four bytes a round while four are left: one test of the end for four.
                            while index &+ 4 <= end {
                                action = actions[Int(bytes[index])]
                                guard action > special else { break letters }
                                hash = (hash ^ UInt64(action)) &* fnvPrime
                                action = actions[Int(bytes[index &+ 1])]
                                guard action > special else {
                                    index &+= 1
                                    break letters
                                }
                                hash = (hash ^ UInt64(action)) &* fnvPrime
                                action = actions[Int(bytes[index &+ 2])]
                                guard action > special else {
                                    index &+= 2
                                    break letters
                                }
                                hash = (hash ^ UInt64(action)) &* fnvPrime
                                action = actions[Int(bytes[index &+ 3])]
                                guard action > special else {
                                    index &+= 3
                                    break letters
                                }
                                hash = (hash ^ UInt64(action)) &* fnvPrime
                                index &+= 4
                            }
                            guard index < end else { break }
                            action = actions[Int(bytes[index])]
                        } while action > special
                        word.hash = hash
                        word.end = index
                        // The byte after the letters, looked up already: most often a gap, which closes the word here.
                        if action == gap {
                            word.close(into: &words)
                            index &+= 1
                        }
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

        mutating func close(into words: inout WordStorage) {
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
                                    into words: inout WordStorage) -> Int {
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
