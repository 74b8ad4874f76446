/// A word of a date expression (ASCII letters, in any case) held as a
/// number: its letters lower-cased, five bits each (a = 1 … z = 26), so that
/// comparing words and finding them in the date reader's short lists are
/// integer comparisons, with no `String` made or hashed. A word of more than
/// twelve letters (longer than any the reader knows) is `long`, equal only
/// to other long words.
package struct DateWord: Equatable, Sendable, ExpressibleByStringLiteral {
    package let code: UInt64

    /// Any word of more than twelve letters.
    package static let long = DateWord(code: .max)

    private init(code: UInt64) {
        self.code = code
    }

    /// Whether a byte is an ASCII letter, in either case.
    @inline(__always)
    package static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// The word of the ASCII letters `bytes` holds at `range` (the caller
    /// has checked they are letters).
    package init(letters bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.count <= 12 else {
            self = .long
            return
        }
        var code: UInt64 = 0
        for index in range { code = code << 5 | UInt64((bytes[index] | 0x20) &- 0x60) }
        self.code = code
    }

    /// A word written in lower-case ASCII letters, as the reader's lists are.
    package init(stringLiteral word: StaticString) {
        self.init(letters: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), 0..<word.utf8CodeUnitCount)
    }

    /// The word of a `String` of ASCII letters (for the reader's tables made from names).
    package init(_ word: String) {
        var word = word
        self = word.withUTF8 { DateWord(letters: $0, 0..<$0.count) }
    }
}
