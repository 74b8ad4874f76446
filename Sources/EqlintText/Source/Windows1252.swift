/// Windows-1252, the code page Windows used for English before UTF-8: what
/// Word's "Save as Web Page", Notepad and older web editors wrote, and what
/// browsers read a page labelled ISO-8859-1 or ASCII as (the WHATWG Encoding
/// Standard). Each byte is one character, so text read from it keeps its
/// lines and columns.
package enum Windows1252 {
    /// What it has at 0x80–0x9F (0 where it has nothing: 0x81, 0x8D, 0x8F,
    /// 0x90, 0x9D); every other byte is the Latin-1 character of that number.
    private static let c1: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The character a byte 0x80–0x9F stands for, or nil where the code page has none.
    package static func c1Scalar(_ byte: UInt8) -> UInt32? {
        guard (0x80...0x9F).contains(byte), c1[Int(byte - 0x80)] != 0 else { return nil }
        return UInt32(c1[Int(byte - 0x80)])
    }

    /// The text as UTF-8. A byte the code page leaves unassigned becomes the
    /// control character of the same number, as browsers read it.
    package static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            guard byte >= 0x80 else {
                out.append(byte)
                continue
            }
            let value = c1Scalar(byte) ?? UInt32(byte)
            if value < 0x800 {
                out.append(0xC0 | UInt8(value >> 6))
            } else {
                out.append(0xE0 | UInt8(value >> 12))
                out.append(0x80 | UInt8((value >> 6) & 0x3F))
            }
            out.append(0x80 | UInt8(value & 0x3F))
        }
        return out
    }
}
