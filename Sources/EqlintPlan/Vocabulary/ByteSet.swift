/// A set of ASCII bytes (0 to 127), as two 64-bit masks: what one step of a
/// `BytePattern` may consume (a letter in either case, a class such as
/// `[\w'-]`, `\d`, `.`).
struct ByteSet: Sendable, Equatable {
    /// Bytes 0 to 63, and 64 to 127, one bit each.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    static let empty = ByteSet()
    /// Every ASCII byte.
    static let all = ByteSet(low: .max, high: .max)
    /// `\d` on ASCII text: ICU's decimal digits there are 0 to 9.
    static let digits = ByteSet(range: 0x30...0x39)
    /// `\w` on ASCII text: letters, digits and `_`.
    static let word = ByteSet(range: 0x30...0x39).union(ByteSet(range: 0x41...0x5A)).union(ByteSet(range: 0x61...0x7A))
        .union(ByteSet(bytes: [0x5F]))
    /// `\s` on ASCII text: tab, line feed, vertical tab, form feed, carriage
    /// return and space (ICU's white space there).
    static let space = ByteSet(range: 0x09...0x0D).union(ByteSet(bytes: [0x20]))
    /// What ends a line for ICU's `.` and `$` on ASCII text: `\n`, `\v`, `\f`, `\r`.
    static let lineTerminators = ByteSet(range: 0x0A...0x0D)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init() {}

    init(bytes: [UInt8]) {
        for byte in bytes { insert(byte) }
    }

    init(range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    /// Whether `byte` (below 128) is in the set.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : (high >> UInt64(byte &- 64)) & 1 != 0
    }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// Calls `body` with each byte of the set, in order (by its bits, not by asking of all 128).
    func forEach(_ body: (UInt8) -> Void) {
        func visit(_ mask: UInt64, from offset: Int) {
            var bits = mask
            while bits != 0 {
                body(UInt8(offset + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        visit(low, from: 0)
        visit(high, from: 64)
    }

    /// Whether every byte of the set is in `other`.
    func isSubset(of other: ByteSet) -> Bool {
        low & ~other.low == 0 && high & ~other.high == 0
    }

    mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
    }

    func union(_ other: ByteSet) -> ByteSet {
        ByteSet(low: low | other.low, high: high | other.high)
    }

    /// The ASCII bytes not in the set.
    var inverted: ByteSet { ByteSet(low: ~low, high: ~high) }

    /// The set with the other case of each ASCII letter in it added, as a
    /// case-insensitive match sees it on ASCII text.
    var caseClosed: ByteSet {
        // A to Z are bits 1 to 26 of `high`, a to z the same bits 32 higher.
        let upper: UInt64 = 0x07FF_FFFE
        let lower = upper << 32
        return ByteSet(low: low, high: high | (high & upper) << 32 | (high & lower) >> 32)
    }

    /// The set of one byte.
    init(_ byte: UInt8) {
        insert(byte)
    }
}
