import Foundation

/// Normal forms for matching labels and phrases the way plan-format.md asks:
/// case-insensitively, ignoring punctuation, spacing and a trailing `(s)`.
///
/// Both work on UTF-8 bytes: ASCII letters are lower-cased, ASCII digits
/// kept, other ASCII and the General Punctuation block (dashes, quotes,
/// U+2000–U+206F) count as punctuation, and any other character is kept as
/// a letter.
public enum TextNormalizer {
    /// `Who's responsible?` → `whosresponsible`; `Target group(s)` → `targetgroup`.
    public static func labelKey(_ text: String) -> String {
        var bytes = Array(text.utf8)
        // Drop trailing punctuation (but not a closing parenthesis), then a trailing "(s)".
        while let last = bytes.last, last < 0x80, !isWordByte(last), last != 0x29 { bytes.removeLast() }
        if bytes.count >= 3, bytes[bytes.count - 3] == 0x28, bytes[bytes.count - 2] | 0x20 == 0x73, bytes[bytes.count - 1] == 0x29 {
            bytes.removeLast(3)
        }
        return String(decoding: words(bytes, separator: nil), as: UTF8.self)
    }

    /// Words in lower case, one space apart and one space at each end, so a
    /// phrase matches at word boundaries: `Foster good-relations!` → ` foster good relations `.
    public static func phraseText(_ text: String) -> [UInt8] {
        words(Array(text.utf8), separator: 0x20)
    }

    /// Whether `phrase` (in `phraseText` form) occurs in `text` (in `phraseText` form).
    public static func contains(_ text: [UInt8], phrase: [UInt8]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        return text.withUnsafeBytes { text in
            phrase.withUnsafeBytes { phrase in
                let base = text.baseAddress!
                // A phrase starts with a space (phraseText form), and spaces are everywhere:
                // look for its second byte with memchr, then compare the whole phrase there.
                let key = phrase.count > 1 ? 1 : 0
                var from = key
                while from < text.count, let hit = memchr(base + from, Int32(phrase[key]), text.count - from) {
                    let start = base.distance(to: UnsafeRawPointer(hit)) - key
                    if start + phrase.count > text.count { return false }
                    if memcmp(base + start, phrase.baseAddress!, phrase.count) == 0 { return true }
                    from = start + key + 1
                }
                return false
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The word characters of `bytes`, lower-cased; with a separator, words
    /// are joined by it and it stands at both ends.
    private static func words(_ bytes: [UInt8], separator: UInt8?) -> [UInt8] {
        // Each byte is written at most once and a separator only in place of
        // bytes left out, so the output fits in the input's size plus both ends.
        bytes.withUnsafeBufferPointer { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count + 2) { out, written in
                var count = 0
                if let separator { out[0] = separator; count = 1 }
                var pendingSeparator = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    var isWord: Bool
                    var length = 1
                    if byte < 0x80 {
                        isWord = isWordByte(byte)
                        // An apostrophe joins: "who's" → "whos".
                        if byte == 0x27 { index += 1; continue }
                    } else {
                        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                        // U+2000–U+206F (E2 80 xx, E2 81 xx) and U+00A0 (C2 A0) are punctuation or space.
                        let isGeneralPunctuation = byte == 0xE2 && index + 1 < bytes.count && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81)
                        let isNoBreakSpace = byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xA0
                        isWord = !isGeneralPunctuation && !isNoBreakSpace
                        // A right single quotation mark (U+2019) is an apostrophe.
                        if isGeneralPunctuation, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                            index += 3
                            continue
                        }
                    }
                    if isWord {
                        if pendingSeparator, let separator, count > 1 { out[count] = separator; count += 1 }
                        pendingSeparator = false
                        let end = min(index + length, bytes.count)
                        for offset in index..<end {
                            let character = bytes[offset]
                            out[count] = character >= 0x41 && character <= 0x5A ? character | 0x20 : character
                            count += 1
                        }
                    } else {
                        pendingSeparator = true
                    }
                    index += length
                }
                if let separator { out[count] = separator; count += 1 }
                written = count
            }
        }
    }
}
