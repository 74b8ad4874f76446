/// Replaces what is not UTF-8 with U+FFFD the way Unicode recommends (each
/// maximal ill-formed subsequence becomes one U+FFFD, as Swift's `String`
/// decoding does), so that offsets into the repaired bytes are what an editor
/// shows. Works on bytes; valid text is returned untouched after one pass.
package enum UTF8Repair {
    /// The repaired bytes, the offset (in `bytes`) and value of the first bad
    /// byte, and how many bad sequences there were; nil when all is well.
    static func repair(_ bytes: [UInt8]) -> (bytes: [UInt8], firstOffset: Int, firstByte: UInt8, count: Int)? {
        // Most files are valid: find the first bad byte without copying.
        guard let first = firstInvalidOffset(bytes) else { return nil }
        var repaired = Array(bytes[..<first])
        repaired.reserveCapacity(bytes.count + 16)
        var count = 0
        var index = first
        bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                let length = validSequenceLength(buffer, at: index)
                if length > 0 {
                    repaired.append(contentsOf: buffer[index..<index + length])
                    index += length
                } else {
                    repaired.append(contentsOf: replacementCharacter)
                    index += max(validPrefixLength(buffer, at: index), 1)
                    count += 1
                }
            }
        }
        return (repaired, first, bytes[first], count)
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether the bytes are UTF-8 throughout.
    package static func isValid(_ bytes: [UInt8]) -> Bool { firstInvalidOffset(bytes) == nil }

    /// The offset of the first byte that is not UTF-8, or nil.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            let count = buffer.count
            while index < count {
                // ASCII is most of a plan: step over it eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                if base[index] < 0x80 { index += 1; continue }
                let length = validSequenceLength(buffer, at: index)
                if length == 0 { return index }
                index += length
            }
            return nil
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0.
    private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let length = expectedLength(bytes[index])
        return length > 0 && validPrefixLength(bytes, at: index) == length ? length : 0
    }

    /// How many bytes from `index` start a well-formed sequence: its full
    /// length when it is complete, fewer when it breaks off (0 when the first
    /// byte can start none).
    private static func validPrefixLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length = expectedLength(lead)
        guard length > 1 else { return length }
        // The second byte's range rules out overlong forms, surrogates and values past U+10FFFF.
        let second: ClosedRange<UInt8>
        switch lead {
        case 0xE0: second = 0xA0...0xBF
        case 0xED: second = 0x80...0x9F
        case 0xF0: second = 0x90...0xBF
        case 0xF4: second = 0x80...0x8F
        default: second = 0x80...0xBF
        }
        var valid = 1
        while valid < length, index + valid < bytes.count {
            let range = valid == 1 ? second : 0x80...0xBF
            guard range.contains(bytes[index + valid]) else { break }
            valid += 1
        }
        return valid
    }

    /// How long a sequence a lead byte starts (0: it starts none).
    private static func expectedLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }
}
