import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small byte-level helpers shared by the scanners. Plans are mostly ASCII
/// structure around free text, so structure is found on bytes and text is
/// decoded only for values.
package enum ByteText {
    package static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The range without leading and trailing spaces and tabs.
    package static func trim(_ bytes: [UInt8], _ span: Range<Int>) -> Range<Int> {
        var start = span.lowerBound
        var end = span.upperBound
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The width of a line's indentation, a tab counting as four spaces.
    package static func indent(_ bytes: [UInt8], _ span: Range<Int>) -> Int {
        var width = 0
        for index in span {
            switch bytes[index] {
            case 0x20: width += 1
            case 0x09: width += 4 - width % 4
            default: return width
            }
        }
        return width
    }

    /// Whether the bytes at `offset` spell `literal` (ASCII, case-sensitive).
    package static func hasPrefix(_ bytes: [UInt8], at offset: Int, _ literal: StaticString, end: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= end else { return false }
        return literal.withUTF8Buffer { prefix in
            for index in 0..<count where bytes[offset + index] != prefix[index] { return false }
            return true
        }
    }

    /// The first offset of `byte` in the range, or nil. C's `memchr` keeps
    /// this fast on a line of megabytes, even in a debug build.
    package static func find(_ bytes: [UInt8], _ byte: UInt8, in span: Range<Int>) -> Int? {
        precondition(span.lowerBound >= 0 && span.upperBound <= bytes.count, "a span outside the bytes")
        guard !span.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base + span.lowerBound, Int32(byte), span.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// `find` over a buffer already opened.
    package static func find(_ buffer: UnsafeBufferPointer<UInt8>, _ byte: UInt8, in span: Range<Int>) -> Int? {
        guard !span.isEmpty, let base = buffer.baseAddress, let hit = memchr(base + span.lowerBound, Int32(byte), span.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset of some bytes in the range, or nil.
    package static func find(_ bytes: [UInt8], _ needle: ArraySlice<UInt8>, in span: Range<Int>) -> Int? {
        guard let first = needle.first, needle.count <= span.count else { return nil }
        var from = span.lowerBound
        while let start = find(bytes, first, in: from..<span.upperBound - needle.count + 1) {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
            from = start + 1
        }
        return nil
    }

    /// The first offset of `needle` in the range, or nil: `memchr` to each
    /// place its first byte is, then a comparison there.
    package static func find(_ bytes: [UInt8], _ needle: StaticString, in span: Range<Int>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return span.isEmpty ? nil : span.lowerBound }
        guard span.count >= count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let first = needle.utf8Start[0]
            let lastStart = span.upperBound - count
            var from = span.lowerBound
            while from <= lastStart, let start = find(buffer, first, in: from..<lastStart + 1) {
                if memcmp(buffer.baseAddress! + start, needle.utf8Start, count) == 0 { return start }
                from = start + 1
            }
            return nil
        }
    }

    /// Whether `bytes[span]` holds an ASCII digit, read eight bytes at a time.
    package static func containsDigit(_ bytes: [UInt8], in span: Range<Int>) -> Bool {
        precondition(span.lowerBound >= 0 && span.upperBound <= bytes.count, "a span outside the bytes")
        return bytes.withUnsafeBytes { containsDigit(UnsafeRawBufferPointer(rebasing: $0[span])) }
    }

    /// Whether a text holds an ASCII digit, read eight bytes at a time.
    package static func containsDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { containsDigit(UnsafeRawBufferPointer($0)) }
    }

    /// A hash of a text's bytes, sixteen at a time: cheaper than `String`'s,
    /// twice over for ASCII, several times over for a text that is not ASCII
    /// (which `String` normalises as it hashes). For a table that compares the texts of a hit
    /// with `==`: texts `String` finds equal in other bytes hash apart, so
    /// such a table may miss, never err. Keyed by secrets made for the run
    /// (by `Hasher`, so fixed with `SWIFT_DETERMINISTIC_HASHING`), so that no
    /// plan can be written to make its texts collide.
    package static func bytesHash(_ text: String) -> Int {
        if let hash = text.utf8.withContiguousStorageIfAvailable({ bytesHash(UnsafeRawBufferPointer($0)) }) { return hash }
        var text = text
        return text.withUTF8 { bytesHash(UnsafeRawBufferPointer($0)) }
    }

    /// `bytesHash(_:)` of some bytes: each sixteen, as two words, one keyed by
    /// a secret and the other by the hash so far, multiplied in full and the
    /// halves folded; the last sixteen read from the end, overlapping.
    package static func bytesHash(_ bytes: UnsafeRawBufferPointer) -> Int {
        let (secret, start) = hashSecrets
        let count = bytes.count
        var hash = start ^ UInt64(count)
        func mix(_ first: UInt64, _ second: UInt64) {
            let product = (first ^ secret).multipliedFullWidth(by: second ^ hash)
            hash = product.high ^ product.low
        }
        func word(at offset: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        if count > 16 {
            var offset = 0
            while offset + 16 < count {
                mix(word(at: offset), word(at: offset + 8))
                offset += 16
            }
            mix(word(at: count - 16), word(at: count - 8))
        } else if count >= 8 {
            mix(word(at: 0), word(at: count - 8))
        } else {
            var first: UInt64 = 0
            for offset in 0..<count { first |= UInt64(bytes[offset]) << UInt64(8 * offset) }
            mix(first, 0)
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// A hash of a text under which texts `String` finds equal (canonically
    /// equivalent) hash alike, as `String`'s own does, but as cheap as
    /// `bytesHash` for a text whose canonical decomposition is ASCII: ASCII
    /// itself, or ASCII with the only three other characters that decompose
    /// to it (the Greek question mark, U+037E, to `;`; the Greek varia,
    /// U+1FEF, to a grave accent; the Kelvin sign, U+212A, to `K`), hashed as
    /// that ASCII. Any other text is not canonically equal to an ASCII one,
    /// and is hashed by `String`.
    package static func canonicalHash(_ text: String) -> Int {
        var text = text
        let hash: Int? = text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            if isASCII(bytes, 0..<bytes.count) { return bytesHash(bytes) }
            // Each character as its ASCII: any but the three (a curly quote, a dash, as most
            // texts that are not ASCII have) and `String` hashes the text.
            var decomposed: [UInt8] = []
            decomposed.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    decomposed.append(byte)
                    index += 1
                } else if byte == 0xCD, index + 1 < bytes.count, bytes[index + 1] == 0xBE {
                    decomposed.append(0x3B)  // U+037E
                    index += 2
                } else if index + 2 < bytes.count, (byte, bytes[index + 1], bytes[index + 2]) == (0xE1, 0xBF, 0xAF) {
                    decomposed.append(0x60)  // U+1FEF
                    index += 3
                } else if index + 2 < bytes.count, (byte, bytes[index + 1], bytes[index + 2]) == (0xE2, 0x84, 0xAA) {
                    decomposed.append(0x4B)  // U+212A
                    index += 3
                } else {
                    return nil
                }
            }
            return decomposed.withUnsafeBytes { bytesHash($0) }
        }
        return hash ?? text.hashValue
    }

    /// Whether `span` holds ASCII alone, read eight bytes at a time.
    package static func isASCII(_ buffer: UnsafeRawBufferPointer, _ span: Range<Int>) -> Bool {
        var high: UInt64 = 0
        var index = span.lowerBound
        while index + 8 <= span.upperBound {
            high |= buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < span.upperBound {
            high |= UInt64(buffer[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The secrets of `bytesHash`: from `Hasher`, which seeds itself for each run.
    private static let hashSecrets: (UInt64, UInt64) = {
        func secret(_ value: Int) -> UInt64 {
            var hasher = Hasher()
            hasher.combine(value)
            return UInt64(truncatingIfNeeded: hasher.finalize())
        }
        return (secret(1), secret(2))
    }()

    private static func containsDigit(_ buffer: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        while index + 8 <= buffer.count {
            // A digit is 0x30 to 0x39: after `^ 0x30` each byte, a byte below 10 (no false alarm: n <= 128).
            let shifted = buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x30)
            if (shifted &- ones &* 10) & ~shifted & (ones &* 0x80) != 0 { return true }
            index += 8
        }
        while index < buffer.count {
            if buffer[index] &- 0x30 < 10 { return true }
            index += 1
        }
        return false
    }
}
