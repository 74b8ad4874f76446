/// The normal form for matching labels the way plan-format.md asks:
/// case-insensitively, ignoring punctuation, spacing and a trailing `(s)`.
/// Words are read as `PhraseIndex` reads them, from UTF-8 bytes.
public enum TextNormalizer {
    /// `Who's responsible?` → `whosresponsible`; `Target group(s)` → `targetgroup`.
    public static func labelKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Drop trailing punctuation (but not a closing parenthesis) and tags, then a trailing "(s)".
            var end = bytes.count
            while end > 0, bytes[end - 1] < 0x80, !isWordByte(bytes[end - 1]), bytes[end - 1] != 0x29 {
                let tag = bytes[end - 1] == 0x3E ? Markup.skipMarkupBackward(Array(bytes[..<end]), to: end, from: 0) : end
                end = tag < end ? tag : end - 1
            }
            if end >= 3, bytes[end - 3] == 0x28, bytes[end - 2] | 0x20 == 0x73, bytes[end - 1] == 0x29 {
                end -= 3
            }
            // The words run together: every word character, ASCII lower-cased, in one
            // pass; HTML tags and entities are no words.
            return String(unsafeUninitializedCapacity: end) { key in
                var count = 0
                var index = 0
                while index < end {
                    let byte = bytes[index]
                    if isWordByte(byte) {  // an ASCII letter or digit, the common case
                        key[count] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                        count += 1
                        index += 1
                        continue
                    }
                    if byte == 0x3C || byte == 0x26, let markup = Markup.length(bytes, at: index, end: end) {
                        index += markup
                        continue
                    }
                    let length = PhraseIndex.characterLength(byte, at: index, end: end)
                    if byte >= 0x80, PhraseIndex.isWordCharacter(bytes, at: index, length: length) {
                        for offset in index..<index + length {  // no ASCII letter to lower-case
                            key[count] = bytes[offset]
                            count += 1
                        }
                    }
                    index += length
                }
                return count
            }
        }
    }

    /// Whether `text` has more than `limit` bytes of word characters (as
    /// `PhraseIndex` reads words), stopping as soon as it has.
    package static func wordBytes(in text: String, exceed limit: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isWordByte(byte) {  // an ASCII letter or digit, the common case
                    count += 1
                    if count > limit { return true }
                    index += 1
                    continue
                }
                if byte == 0x3C || byte == 0x26, let markup = Markup.length(bytes, at: index, end: bytes.count) {
                    index += markup  // tags and entities are no words
                    continue
                }
                let length = PhraseIndex.characterLength(byte, at: index, end: bytes.count)
                if byte >= 0x80, PhraseIndex.isWordCharacter(bytes, at: index, length: length) {
                    count += length
                    if count > limit { return true }
                }
                index += length
            }
            return false
        }
    }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
