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
        wordLimit = vocabulary.longestLabelKey + 1
        var keyBytes: [UInt8] = []
        var keyStarts = [0]
        var fields: [FieldName] = []
        var longestKey = 0
        var usable = true
        for (key, field) in vocabulary.labelIndex where !key.isEmpty {
            // A key is its own key (word characters only), so a text's key is looked up as it is read.
            guard TextNormalizer.labelKey(key) == key else {
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

    /// The field the inline text of `bytes[span]` names as a label, as
    /// `field(forLabel: InlineText.plain(bytes, span))` finds it: read in
    /// place, with no `String` made, when `plain` would change only the
    /// span's spaces, which a label's key leaves out.
    func field(forInlineLabel bytes: [UInt8], _ span: Range<Int>) -> FieldName? {
        guard usable, InlineText.changesOnlySpaces(bytes, span) else { return field(forLabel: InlineText.plain(bytes, span)) }
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
            let (count, longer, sawMarkup) = TextNormalizer.labelKey(of: text, into: key)
            guard !longer, let field = field(forKey: UnsafeBufferPointer(rebasing: key[0..<count])) else { return nil }
            // The vocabulary's shortcut, which may say no to a text its key would find. With no
            // markup, a text's word bytes are its key's (and the `s` of a `(s)`): never too many.
            return sawMarkup && TextNormalizer.wordBytes(in: text, exceed: wordLimit) ? nil : field
        }
    }

    /// FNV-1a over the key's bytes.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
