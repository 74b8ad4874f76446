/// How an LSP position counts characters along a line, as agreed at
/// `initialize`: UTF-16 code units (the protocol's default), UTF-8 bytes,
/// or UTF-32 (Unicode scalars, as eqlint's own columns count).
package enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The encoding to use with a client that offers `offered` (its
    /// `general.positionEncodings`; nil when it says nothing, which means
    /// UTF-16 only): UTF-8 when offered, as eqlint holds text as UTF-8,
    /// else UTF-16, which every client supports.
    package static func negotiate(_ offered: [String]?) -> PositionEncoding {
        guard let offered else { return .utf16 }
        return offered.contains(utf8.rawValue) ? .utf8 : .utf16
    }

    /// How many units this encoding counts for the UTF-8 bytes of a line from `from` to `to`.
    package func units(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        switch self {
        case .utf8: return to - from
        case .utf16, .utf32:
            var count = 0
            var index = from
            while index < to {
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 {
                    // A four-byte sequence is a scalar beyond the BMP: two UTF-16 units.
                    count += (self == .utf16 && byte >= 0xF0) ? 2 : 1
                }
                index += 1
            }
            return count
        }
    }

    /// The byte offset, from `from`, reached after `units` units along a line
    /// ending at `end` (clamped to the line; a position in the middle of a
    /// character is taken to its start).
    package func offset(in bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int, units: Int) -> Int {
        guard units > 0 else { return from }
        switch self {
        case .utf8:
            var offset = min(from + units, end)
            // Never in the middle of a character.
            while offset > from, offset < end, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        case .utf16, .utf32:
            var count = 0
            var index = from
            while index < end {
                let byte = bytes[index]
                let width = (self == .utf16 && byte >= 0xF0) ? 2 : 1
                if count + width > units { break }
                count += width
                index += 1
                while index < end, bytes[index] & 0xC0 == 0x80 { index += 1 }
                if count == units { break }
            }
            return index
        }
    }
}
