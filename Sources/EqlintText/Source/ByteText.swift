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
