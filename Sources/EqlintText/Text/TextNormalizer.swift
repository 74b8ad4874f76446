/// The normal form for matching labels the way plan-format.md asks:
/// case-insensitively, ignoring punctuation, spacing and a trailing `(s)`.
/// Words are read as `PhraseIndex` reads them, from UTF-8 bytes.
public enum TextNormalizer {
    /// `Who's responsible?` → `whosresponsible`; `Target group(s)` → `targetgroup`.
    public static func labelKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // A key is never longer than its text, so it always fits.
            String(unsafeUninitializedCapacity: bytes.count) { labelKey(of: bytes, into: $0).count }
        }
    }

    /// The start of `text`'s label key (the text without trailing
    /// punctuation, tags and `(s)`, then its word characters run together,
    /// ASCII lower-cased; tags and entities are no words), as much as fits
    /// in `key`: the bytes written, whether the key runs on past them, and
    /// whether the text has a byte of markup (`<`, `>` or `&`) in what was read.
    package static func labelKey(of text: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>)
        -> (count: Int, longer: Bool, sawMarkup: Bool) {
        var sawMarkup = false
        // Drop trailing punctuation (but not a closing parenthesis) and tags, then a trailing "(s)".
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
        // The words run together: every word character, ASCII lower-cased, in one pass.
        let (count, longer) = asciiWordFold.withUnsafeBufferPointer { fold in
            var count = 0
            var index = 0
            while index < end {
                let byte = text[index]
                let folded = fold[Int(byte)]
                if folded != 0 {  // an ASCII letter or digit, the common case
                    if count == key.count { return (count, true) }
                    key[count] = folded
                    count += 1
                    index += 1
                    continue
                }
                if byte == 0x3C || byte == 0x26 {
                    sawMarkup = true
                    if let markup = Markup.length(text, at: index, end: end) {
                        index += markup
                        continue
                    }
                }
                let length = PhraseIndex.characterLength(byte, at: index, end: end)
                if byte >= 0x80, PhraseIndex.isWordCharacter(text, at: index, length: length) {
                    if count + length > key.count { return (count, true) }
                    for offset in index..<index + length {  // no ASCII letter to lower-case
                        key[count] = text[offset]
                        count += 1
                    }
                }
                index += length
            }
            return (count, false)
        }
        return (count, longer, sawMarkup)
    }

    /// Whether `text` has more than `limit` bytes of word characters (as
    /// `PhraseIndex` reads words), stopping as soon as it has.
    package static func wordBytes(in text: String, exceed limit: Int) -> Bool {
        var text = text
        return text.withUTF8 { wordBytes(in: $0, exceed: limit) }
    }

    /// `wordBytes(in:exceed:)` over UTF-8 bytes.
    package static func wordBytes(in bytes: UnsafeBufferPointer<UInt8>, exceed limit: Int) -> Bool {
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

    /// Each byte's label-key byte: an ASCII letter lower-cased, a digit as it
    /// is, 0 for any other byte.
    private static let asciiWordFold: [UInt8] = (0...255).map { byte in
        let byte = UInt8(byte)
        return isWordByte(byte) ? (byte &- 0x41 < 26 ? byte | 0x20 : byte) : 0
    }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }
}
