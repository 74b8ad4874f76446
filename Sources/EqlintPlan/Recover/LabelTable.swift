import EqlintText

/// The labels a vocabulary knows (`Vocabulary.field(forLabel:)`), looked up
/// by the bytes of a text with no `String` made: the text's label key
/// (`TextNormalizer.labelKey`: its word characters, ASCII lower-cased) is
/// read into a small buffer, stopping as soon as it is longer than any
/// label's, and found in an open-addressing table of the labels' keys.
/// Built once for a parser (a class, so that passing it copies nothing);
/// structure recovery asks it of most lines.
final class LabelTable: Sendable {
    /// The labels' keys, one after another; entry `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyBytes: [UInt8]
    private let keyStarts: [Int]
    private let fields: [FieldName]
    /// Entry index + 1 in each slot (0 for an empty slot); the count is a power of two.
    private let slots: [Int32]
    /// The longest key in bytes.
    private let longestKey: Int
    /// A text with more word bytes than this names no label (the vocabulary's own shortcut, kept as it is).
    private let wordLimit: Int
    /// The vocabulary, asked directly if a label's key could not be tabled as is.
    private let vocabulary: Vocabulary
    private let usable: Bool

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        var keys: [String] = []
        var longestPhraseKey = 0
        for (_, phrases) in vocabulary.lists["labels"]?.terms ?? [:] {
            for phrase in phrases {
                let key = TextNormalizer.labelKey(phrase)
                longestPhraseKey = max(longestPhraseKey, key.utf8.count + 1)
                keys.append(key)
                if phrase.hasSuffix("(s)") { keys.append(key + "s") }
            }
        }
        wordLimit = longestPhraseKey + 1
        var keyBytes: [UInt8] = []
        var keyStarts = [0]
        var fields: [FieldName] = []
        var longestKey = 0
        var usable = true
        var seen: Set<String> = []
        for key in keys where !key.isEmpty && seen.insert(key).inserted {
            // A key is its own key (word characters only), so the vocabulary tells its field.
            guard TextNormalizer.labelKey(key) == key, let field = vocabulary.field(forLabel: key) else {
                usable = false
                break
            }
            keyBytes += key.utf8
            keyStarts.append(keyBytes.count)
            fields.append(field)
            longestKey = max(longestKey, key.utf8.count)
        }
        var size = 16
        while size < fields.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for entry in fields.indices {
            let hash = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[keyStarts[entry]..<keyStarts[entry + 1]])) }
            var slot = hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(entry + 1)
        }
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.fields = fields
        self.slots = slots
        self.longestKey = longestKey
        self.usable = usable
    }

    /// The field a label names: `Vocabulary.field(forLabel:)`, read from bytes.
    func field(forLabel text: String) -> FieldName? {
        guard usable else { return vocabulary.field(forLabel: text) }
        var text = text
        return text.withUTF8 { field(forLabelIn: $0) }
    }

    /// The field the text of `bytes[span]` names as a label.
    func field(forLabel bytes: [UInt8], _ span: Range<Int>) -> FieldName? {
        guard usable else { return vocabulary.field(forLabel: String(decoding: bytes[span], as: UTF8.self)) }
        return bytes.withUnsafeBufferPointer { field(forLabelIn: UnsafeBufferPointer(rebasing: $0[span])) }
    }

    /// The field whose label key is `key` (word characters, ASCII lower-cased), if any.
    func field(forKey key: UnsafeBufferPointer<UInt8>) -> FieldName? {
        guard usable else { return key.isEmpty ? nil : vocabulary.field(forLabel: String(decoding: key, as: UTF8.self)) }
        guard !key.isEmpty, key.count <= longestKey else { return nil }
        var slot = Self.hash(key) & (slots.count - 1)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let start = keyStarts[entry - 1]
            if keyStarts[entry] - start == key.count, keyBytes.withUnsafeBufferPointer({ table in
                var index = 0
                while index < key.count, table[start + index] == key[index] { index += 1 }
                return index == key.count
            }) {
                return fields[entry - 1]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    private func field(forLabelIn text: UnsafeBufferPointer<UInt8>) -> FieldName? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestKey + 1) { key in
            // A key longer than any label's is no label; most lines are told so after a few words.
            let (count, longer, sawMarkup) = Self.labelKey(of: text, into: key)
            guard !longer, let field = field(forKey: UnsafeBufferPointer(rebasing: key[0..<count])) else { return nil }
            // The vocabulary's shortcut, which may say no to a text its key would find. With no
            // markup, a text's word bytes are its key's (and the `s` of a `(s)`): never too many.
            return sawMarkup && Self.wordBytes(in: text, exceed: wordLimit) ? nil : field
        }
    }

    /// The start of `text`'s label key (`TextNormalizer.labelKey`: the
    /// text without trailing punctuation, tags and `(s)`, then its word
    /// characters, ASCII lower-cased; tags and entities are no words),
    /// as much as fits in `key`: the bytes written, whether the key runs on
    /// past them, and whether the text has a byte of markup (`<`, `>` or `&`) in what was read.
    static func labelKey(of text: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>)
        -> (count: Int, longer: Bool, sawMarkup: Bool) {
        var sawMarkup = false
        var end = text.count
        while end > 0, text[end - 1] < 0x80, !isWordByte(text[end - 1]), text[end - 1] != 0x29 {
            if text[end - 1] == 0x3C || text[end - 1] == 0x26 { sawMarkup = true }
            if text[end - 1] == 0x3E {
                sawMarkup = true
                let tag = Markup.skipMarkupBackward(Array(text[0..<end]), to: end, from: 0)
                end = tag < end ? tag : end - 1
            } else {
                end -= 1
            }
        }
        if end >= 3, text[end - 3] == 0x28, text[end - 2] | 0x20 == 0x73, text[end - 1] == 0x29 { end -= 3 }
        var count = 0
        var index = 0
        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                // ASCII: a letter or digit is a word byte; a tag or an entity is skipped.
                if isWordByte(byte) {
                    if count == key.count { return (count, true, sawMarkup) }
                    key[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    count += 1
                } else if byte == 0x3C || byte == 0x26 {
                    sawMarkup = true
                    if let markup = Markup.length(text, at: index, end: end) {
                        index += markup
                        continue
                    }
                }
                index += 1
                continue
            }
            let length = characterLength(byte, at: index, end: end)
            if isWordCharacter(text, at: index, length: length) {
                if count + length > key.count { return (count, true, sawMarkup) }
                for offset in index..<index + length {
                    key[count] = text[offset]
                    count += 1
                }
            }
            index += length
        }
        return (count, false, sawMarkup)
    }

    /// `TextNormalizer.wordBytes(in:exceed:)` over bytes.
    private static func wordBytes(in text: UnsafeBufferPointer<UInt8>, exceed limit: Int) -> Bool {
        var count = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x3C || byte == 0x26, let markup = Markup.length(text, at: index, end: text.count) {
                index += markup
                continue
            }
            let length = characterLength(byte, at: index, end: text.count)
            if isWordCharacter(text, at: index, length: length) {
                count += length
                if count > limit { return true }
            }
            index += length
        }
        return false
    }

    /// `PhraseIndex.characterLength`.
    @inline(__always)
    static func characterLength(_ byte: UInt8, at index: Int, end: Int) -> Int {
        min(byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, end - index)
    }

    /// `PhraseIndex.isWordCharacter`: ASCII letters and digits, and any
    /// character outside ASCII except the no-break space and the General Punctuation block.
    @inline(__always)
    static func isWordCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isWordByte(byte) }
        if byte == 0xC2, length == 2, bytes[index + 1] == 0xA0 { return false }
        if byte == 0xE2, length == 3, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 { return false }
        return true
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// FNV-1a over the key's bytes.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
