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
    /// C's `memchr` finds each place the phrase's first letter occurs (its first
    /// byte is the space before every word) and `memcmp` compares there, so a
    /// text of megabytes is searched quickly, even in a debug build.
    public static func contains(_ text: [UInt8], phrase: [UInt8]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        let pivot = phrase.count > 1 ? 1 : 0
        return text.withUnsafeBufferPointer { text in
            phrase.withUnsafeBufferPointer { phrase in
                guard let textStart = text.baseAddress, let phraseStart = phrase.baseAddress else { return false }
                let last = text.count - phrase.count  // the last offset the phrase can start at
                var from = 0
                while from <= last {
                    guard let hit = memchr(textStart + from + pivot, Int32(phraseStart[pivot]), last - from + 1) else { return false }
                    let offset = textStart.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
                    if memcmp(textStart + offset, phraseStart, phrase.count) == 0 { return true }
                    from = offset + 1
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
        var out: [UInt8] = separator.map { [$0] } ?? []
        out.reserveCapacity(bytes.count + 2)
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
                if pendingSeparator, let separator, out.count > 1 { out.append(separator) }
                pendingSeparator = false
                let end = min(index + length, bytes.count)
                for offset in index..<end {
                    let character = bytes[offset]
                    out.append((0x41...0x5A).contains(character) ? character | 0x20 : character)
                }
            } else {
                pendingSeparator = true
            }
            index += length
        }
        if let separator { out.append(separator) }
        return out
    }
}
