/// The normal form for matching labels the way plan-format.md asks:
/// case-insensitively, ignoring punctuation, spacing and a trailing `(s)`.
/// Words are read as `PhraseIndex` reads them, from UTF-8 bytes.
public enum TextNormalizer {
    /// `Who's responsible?` → `whosresponsible`; `Target group(s)` → `targetgroup`.
    public static func labelKey(_ text: String) -> String {
        var bytes = Array(text.utf8)
        // Drop trailing punctuation (but not a closing parenthesis) and tags, then a trailing "(s)".
        while let last = bytes.last, last < 0x80, !isWordByte(last), last != 0x29 {
            let tag = last == 0x3E ? Markup.skipMarkupBackward(bytes, to: bytes.count, from: 0) : bytes.count
            bytes.removeLast(bytes.count - (tag < bytes.count ? tag : bytes.count - 1))
        }
        if bytes.count >= 3, bytes[bytes.count - 3] == 0x28, bytes[bytes.count - 2] | 0x20 == 0x73, bytes[bytes.count - 1] == 0x29 {
            bytes.removeLast(3)
        }
        // The words run together: every word character, ASCII lower-cased, in one
        // pass; HTML tags and entities are no words.
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x3C || bytes[index] == 0x26, let markup = Markup.length(bytes, at: index, end: bytes.count) {
                index += markup
                continue
            }
            let length = PhraseIndex.characterLength(bytes[index], at: index, end: bytes.count)
            if PhraseIndex.isWordCharacter(bytes, at: index, length: length) {
                for offset in index..<index + length { key.append(bytes[offset] &- 0x41 < 26 ? bytes[offset] | 0x20 : bytes[offset]) }
            }
            index += length
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether `text` has more than `limit` bytes of word characters (as
    /// `PhraseIndex` reads words), stopping as soon as it has.
    package static func wordBytes(in text: String, exceed limit: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x3C || bytes[index] == 0x26, let markup = Markup.length(bytes, at: index, end: bytes.count) {
                    index += markup  // tags and entities are no words
                    continue
                }
                let length = PhraseIndex.characterLength(bytes[index], at: index, end: bytes.count)
                if PhraseIndex.isWordCharacter(bytes, at: index, length: length) {
                    count += length
                    if count > limit { return true }
                }
                index += length
            }
            return false
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
