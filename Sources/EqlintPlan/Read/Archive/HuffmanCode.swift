/// A canonical Huffman code (RFC 1951 section 3.2.2) made ready for
/// decoding: a table on the next `tableBits` bits of the stream gives the
/// symbol of every code that short; a longer code (or bits that are no code,
/// when the code has gaps) is decoded one bit at a time, as zlib's `puff.c`
/// does, from the count of codes of each length and the symbols in code order.
///
/// What the table holds is an *entry* that says what to do with the symbol
/// (see `Entry`), so the decoding loop needs no second look-up. The memory is
/// the code's own, allocated once and rebuilt for each block; `deallocate()`
/// frees it.
struct HuffmanCode {
    static let tableBits = 10
    static let maximumLength = 15

    /// A decoded symbol: bits 0-3 the code's length, 4-7 how many extra bits
    /// follow, 8-9 its kind, 16-31 its value (a literal byte, a length or
    /// distance before its extra bits, or a code length).
    enum Entry {
        static let literal: UInt32 = 0 << 8
        static let lengthOrDistance: UInt32 = 1 << 8
        static let endOfBlock: UInt32 = 2 << 8
        static let unused: UInt32 = 3 << 8
        static let kindMask: UInt32 = 3 << 8

        @inline(__always) static func codeLength(_ entry: UInt32) -> Int { Int(entry & 15) }
        @inline(__always) static func extraBits(_ entry: UInt32) -> Int { Int((entry >> 4) & 15) }
        @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }
    }

    /// What building a code found.
    enum Shape { case complete, incomplete, empty, oversubscribed }

    let alphabet: HuffmanAlphabet
    /// `1 << tableBits` entries; 0 where no code of at most `tableBits` bits starts.
    let table: UnsafeMutablePointer<UInt32>
    /// Each symbol's entry, without its code length.
    private let entries: UnsafeMutablePointer<UInt32>
    /// How many codes have each length, 0 to 15.
    private let counts: UnsafeMutablePointer<Int32>
    /// The symbols that have codes, in code order (by length, then symbol).
    private let symbols: UnsafeMutablePointer<UInt16>
    /// How many symbols have codes.
    private(set) var symbolCount = 0

    init(alphabet: HuffmanAlphabet) {
        self.alphabet = alphabet
        table = .allocate(capacity: 1 << Self.tableBits)
        entries = .allocate(capacity: alphabet.symbolCount)
        counts = .allocate(capacity: Self.maximumLength + 1)
        symbols = .allocate(capacity: alphabet.symbolCount)
        for symbol in 0..<alphabet.symbolCount { entries[symbol] = Self.entry(of: symbol, in: alphabet) }
    }

    func deallocate() {
        table.deallocate()
        entries.deallocate()
        counts.deallocate()
        symbols.deallocate()
    }

    /// Builds the code from each symbol's code length (0 for none, at most 15).
    mutating func build(lengths: UnsafePointer<UInt8>, count: Int) -> Shape {
        counts.initialize(repeating: 0, count: Self.maximumLength + 1)
        for symbol in 0..<count { counts[Int(lengths[symbol])] += 1 }
        table.initialize(repeating: 0, count: 1 << Self.tableBits)
        symbolCount = count - Int(counts[0])
        if symbolCount == 0 { return .empty }
        // Each length doubles the room for codes; each code of that length takes one place.
        var left = 1
        for length in 1...Self.maximumLength {
            left = left << 1 - Int(counts[length])
            if left < 0 { return .oversubscribed }
        }
        // The symbols in code order: where each length's symbols start, then each in turn.
        var offsets = [Int](repeating: 0, count: Self.maximumLength + 1)
        for length in 1..<Self.maximumLength { offsets[length + 1] = offsets[length] + Int(counts[length]) }
        for symbol in 0..<count where lengths[symbol] != 0 {
            let length = Int(lengths[symbol])
            symbols[offsets[length]] = UInt16(symbol)
            offsets[length] += 1
        }
        // Canonical codes in code order: each the one before plus one, doubled when the length grows.
        var code = 0
        var index = 0
        for length in 1...Self.maximumLength {
            let lengthCount = Int(counts[length])
            if length <= Self.tableBits {
                let step = 1 << length
                for _ in 0..<lengthCount {
                    let entry = entries[Int(symbols[index])] | UInt32(length)
                    // The stream sends a code's bits from the top down, so the table is indexed by them reversed.
                    var slot = Self.reversed(code, length: length)
                    while slot < 1 << Self.tableBits {
                        table[slot] = entry
                        slot += step
                    }
                    code += 1
                    index += 1
                }
            } else {
                code += lengthCount
                index += lengthCount
            }
            code <<= 1
        }
        return left > 0 ? .incomplete : .complete
    }

    /// True when the code is a single code of one bit (DEFLATE allows that
    /// gap: one distance, or an end-of-block-only literal/length code).
    var isSingleOneBitCode: Bool { symbolCount == 1 && counts[1] == 1 }

    /// The entry for the next code in `bits` when the table has none: a code
    /// longer than `tableBits`, decoded a bit at a time. Throws if the bits
    /// are no code.
    @inline(never)
    func decodeLong(_ bits: UInt64) throws(InflateError) -> UInt32 {
        var bits = bits
        var code = 0  // the bits read so far, first one highest
        var first = 0  // the first code of this length
        var index = 0  // where this length's symbols start
        for length in 1...Self.maximumLength {
            code |= Int(bits & 1)
            bits >>= 1
            let count = Int(counts[length])
            if code < first + count { return entries[Int(symbols[index + code - first])] | UInt32(length) }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalidCode(alphabet)
    }

    /// `code`'s lowest `length` bits in reverse order.
    private static func reversed(_ code: Int, length: Int) -> Int {
        var code = code
        var result = 0
        for _ in 0..<length {
            result = result << 1 | code & 1
            code >>= 1
        }
        return result
    }

    // MARK: What each symbol means

    static let lengthBases: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                          1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// A symbol's entry, without its code length.
    static func entry(of symbol: Int, in alphabet: HuffmanAlphabet) -> UInt32 {
        func make(_ kind: UInt32, value: Int, extraBits: Int = 0) -> UInt32 {
            UInt32(value) << 16 | kind | UInt32(extraBits) << 4
        }
        switch alphabet {
        case .codeLengths:
            return make(Entry.literal, value: symbol)
        case .literalLengths:
            if symbol < 256 { return make(Entry.literal, value: symbol) }
            if symbol == 256 { return make(Entry.endOfBlock, value: symbol) }
            let index = symbol - 257
            guard index < lengthBases.count else { return make(Entry.unused, value: symbol) }
            return make(Entry.lengthOrDistance, value: Int(lengthBases[index]), extraBits: Int(lengthExtraBits[index]))
        case .distances:
            guard symbol < distanceBases.count else { return make(Entry.unused, value: symbol) }
            return make(Entry.lengthOrDistance, value: Int(distanceBases[symbol]), extraBits: Int(distanceExtraBits[symbol]))
        }
    }
}
