/// Text in which a search by bytes finds what Foundation's `range(of:)`
/// finds: ASCII, with en and em dashes and curly quotes at most (no
/// combining mark, no character that case-folds to an ASCII letter). Most
/// lines of a plan are such text; a line that is not is searched as before.
enum SimpleText {
    /// Whether `bytes[span]` is simple text.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        var index = span.lowerBound
        while index < span.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            // – — ‘ ’ “ ” (U+2013, U+2014, U+2018, U+2019, U+201C, U+201D)
            guard byte == 0xE2, index + 2 < span.upperBound, bytes[index + 1] == 0x80 else { return false }
            switch bytes[index + 2] {
            case 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D: index += 3
            default: return false
            }
        }
        return true
    }

    /// Where `needle` first starts in `bytes[span]`, comparing ASCII letters
    /// without case when `ignoringCase` (the needle then lower case).
    static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, ignoringCase: Bool = false) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, span.count >= count else { return nil }
        let start = needle.utf8Start
        for offset in span.lowerBound...(span.upperBound - count) {
            var index = 0
            while index < count {
                let byte = bytes[offset + index]
                if (ignoringCase && byte &- 0x41 < 26 ? byte | 0x20 : byte) != start[index] { break }
                index += 1
            }
            if index == count { return offset }
        }
        return nil
    }
}
