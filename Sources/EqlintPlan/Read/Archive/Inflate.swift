/// Inflates raw DEFLATE data (RFC 1951), as found in ZIP entries of method 8:
/// stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Any input is safe: a malformed or truncated stream throws an
/// `InflateError`, and the output never grows past `limit` bytes (a small
/// file that would inflate to gigabytes, a ZIP bomb, stops there). Time is
/// linear in the input and output. Bytes after the final block are ignored.
///
///     let text = try Inflate.decompress(compressed, limit: 64 << 20)
public enum Inflate {
    /// The inflated bytes of `input`; throws `.outputLimitExceeded` as soon as
    /// they would be more than `limit`. With `expectedSize` (a ZIP entry's
    /// declared size), memory for that many bytes is reserved up front, and
    /// the bytes are inflated straight into the array returned.
    public static func decompress(_ input: [UInt8], limit: Int, expectedSize: Int? = nil) throws(InflateError) -> [UInt8] {
        try decompress(input[...], limit: limit, expectedSize: expectedSize)
    }

    /// The inflated bytes of part of an array (see `decompress(_:limit:expectedSize:)`).
    public static func decompress(_ input: ArraySlice<UInt8>, limit: Int, expectedSize: Int? = nil) throws(InflateError) -> [UInt8] {
        let result = input.withUnsafeBufferPointer { buffer in
            Result { () throws(InflateError) in try decompress(buffer, limit: max(limit, 0), expectedSize: expectedSize) }
        }
        return try result.get()
    }

    private static func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int?) throws(InflateError) -> [UInt8] {
        // The smallest stream, an empty fixed block, takes 10 bits.
        guard let start = input.baseAddress, !input.isEmpty else { throw .truncated }
        // Reserve what is expected (or, not knowing, four times the input), but never more than
        // the limit, nor than the input could give: a 258-byte match takes at least two bits.
        let guess = expectedSize.map { max($0, 0) } ?? min(input.count, 1 << 24) * 4
        let most = input.count < Int.max / 1100 ? input.count * 1032 + 258 : Int.max
        let reserved = min(guess, limit, most)
        var failure: InflateError?
        var outgrown: InflateOutput?
        let bytes = [UInt8](unsafeUninitializedCapacity: reserved + InflateOutput.slack) { buffer, initializedCount in
            let output = InflateOutput(lent: buffer.baseAddress!, capacity: reserved, writable: buffer.count, limit: limit)
            var inflater = Inflater(reader: BitReader(start: start, count: input.count), output: output)
            defer { inflater.deallocate() }
            do throws(InflateError) {
                try inflater.run()
            } catch {
                failure = error
                inflater.output.freeOwnMemory()
                initializedCount = 0
                return
            }
            if inflater.output.ownsMemory {
                outgrown = inflater.output
                initializedCount = 0
            } else {
                initializedCount = inflater.output.count
            }
        }
        if let failure { throw failure }
        if let outgrown {
            defer { outgrown.freeOwnMemory() }
            return [UInt8](UnsafeBufferPointer(start: outgrown.base, count: outgrown.count))
        }
        return bytes
    }
}

/// One run of the decoder: blocks read one after the other until the final one.
private struct Inflater {
    var reader: BitReader
    var output: InflateOutput
    private var literalLengths = HuffmanCode(alphabet: .literalLengths)
    private var distances = HuffmanCode(alphabet: .distances)
    private var codeLengths = HuffmanCode(alphabet: .codeLengths)
    /// The fixed codes (RFC 1951 section 3.2.6), built at the first fixed block.
    private var fixedCodes: (literalLengths: HuffmanCode, distances: HuffmanCode)?
    /// A dynamic block's code lengths: literal/length codes, then distance codes.
    private let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: 286 + 30)

    init(reader: BitReader, output: InflateOutput) {
        self.reader = reader
        self.output = output
    }

    func deallocate() {
        literalLengths.deallocate()
        distances.deallocate()
        codeLengths.deallocate()
        fixedCodes?.literalLengths.deallocate()
        fixedCodes?.distances.deallocate()
        lengths.deallocate()
    }

    /// Inflates every block; an error after the stream ran past the end of
    /// the input (its bits were padding) is reported as the truncation it is.
    mutating func run() throws(InflateError) {
        do {
            try inflateBlocks()
        } catch {
            if reader.isPastEnd { throw .truncated }
            throw error
        }
    }

    private mutating func inflateBlocks() throws(InflateError) {
        var isFinal = false
        while !isFinal {
            isFinal = try reader.take(1) == 1
            switch try reader.take(2) {
            case 0:
                try copyStoredBlock()
            case 1:
                let fixed = makeFixedCodes()
                try inflateBlock(fixed.literalLengths, fixed.distances)
            case 2:
                try readDynamicCodes()
                try inflateBlock(literalLengths, distances)
            default:
                throw .reservedBlockType
            }
        }
        try reader.checkNotPastEnd()
    }

    /// A stored block: from the next byte boundary, a length, its complement, and that many bytes as they are.
    private mutating func copyStoredBlock() throws(InflateError) {
        try reader.alignToByte()
        let length = try reader.takeUInt16()
        let complement = try reader.takeUInt16()
        guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch(length: length, complement: complement) }
        let bytes = try reader.takeBytes(length)
        try output.makeRoom(for: length)
        (output.base + output.count).update(from: bytes, count: length)
        output.count += length
    }

    private mutating func makeFixedCodes() -> (literalLengths: HuffmanCode, distances: HuffmanCode) {
        if let fixedCodes { return fixedCodes }
        var literalLengths = HuffmanCode(alphabet: .literalLengths)
        var distances = HuffmanCode(alphabet: .distances)
        (lengths + 0).initialize(repeating: 8, count: 144)
        (lengths + 144).initialize(repeating: 9, count: 112)
        (lengths + 256).initialize(repeating: 7, count: 24)
        (lengths + 280).initialize(repeating: 8, count: 8)
        _ = literalLengths.build(lengths: lengths, count: 288)
        lengths.initialize(repeating: 5, count: 32)
        _ = distances.build(lengths: lengths, count: 32)
        fixedCodes = (literalLengths, distances)
        return (literalLengths, distances)
    }

    /// The order in which a dynamic block gives the code-length code's lengths (those left out are 0).
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A dynamic block's header: how many codes of each kind, the code-length
    /// code, then the literal/length and distance codes' lengths coded with it.
    private mutating func readDynamicCodes() throws(InflateError) {
        let literalLengthCount = try reader.take(5) + 257
        let distanceCount = try reader.take(5) + 1
        let codeLengthCount = try reader.take(4) + 4
        guard literalLengthCount <= 286, distanceCount <= 30 else {
            throw .tooManyCodes(literalLengths: literalLengthCount, distances: distanceCount)
        }
        lengths.initialize(repeating: 0, count: 19)
        for index in 0..<codeLengthCount { lengths[Self.codeLengthOrder[index]] = UInt8(try reader.take(3)) }
        switch codeLengths.build(lengths: lengths, count: 19) {
        case .complete: break
        case .oversubscribed: throw .oversubscribedCode(.codeLengths)
        case .incomplete, .empty: throw .incompleteCode(.codeLengths)
        }

        let total = literalLengthCount + distanceCount
        var index = 0
        while index < total {
            try reader.refill()
            var entry = codeLengths.table[Int(truncatingIfNeeded: reader.buffer) & (1 << HuffmanCode.tableBits - 1)]
            if entry == 0 { entry = try codeLengths.decodeLong(reader.buffer) }
            reader.consume(HuffmanCode.Entry.codeLength(entry))
            let symbol = HuffmanCode.Entry.value(entry)
            if symbol < 16 {
                lengths[index] = UInt8(symbol)
                index += 1
                continue
            }
            let length: UInt8
            let repeats: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw .repeatWithNoPreviousLength }
                length = lengths[index - 1]
                repeats = 3 + (try reader.take(2))
            case 17:
                length = 0
                repeats = 3 + (try reader.take(3))
            default:
                length = 0
                repeats = 11 + (try reader.take(7))
            }
            guard repeats <= total - index else { throw .tooManyCodeLengths }
            (lengths + index).initialize(repeating: length, count: repeats)
            index += repeats
        }
        guard lengths[256] != 0 else { throw .noEndOfBlockCode }

        // A code may have a gap only when it is a single one-bit code (or, for distances, no code at all).
        switch literalLengths.build(lengths: lengths, count: literalLengthCount) {
        case .complete: break
        case .oversubscribed: throw .oversubscribedCode(.literalLengths)
        case .incomplete, .empty:
            guard literalLengths.isSingleOneBitCode else { throw .incompleteCode(.literalLengths) }
        }
        switch distances.build(lengths: lengths + literalLengthCount, count: distanceCount) {
        case .complete, .empty: break
        case .oversubscribed: throw .oversubscribedCode(.distances)
        case .incomplete:
            guard distances.isSingleOneBitCode else { throw .incompleteCode(.distances) }
        }
    }

    /// A Huffman block's literals and matches, up to its end-of-block code.
    /// The hot loop: one refill gives the bits of a whole literal or match.
    private mutating func inflateBlock(_ literalLengths: HuffmanCode, _ distances: HuffmanCode) throws(InflateError) {
        typealias Entry = HuffmanCode.Entry
        var reader = self.reader
        var base = output.base
        var count = output.count
        var capacity = output.capacity
        var writable = output.writable
        defer {
            self.reader = reader
            output.count = count
        }
        let literalTable = literalLengths.table
        let distanceTable = distances.table
        let mask = UInt64(1 << HuffmanCode.tableBits - 1)

        while true {
            try reader.refill()
            var entry = literalTable[Int(truncatingIfNeeded: reader.buffer & mask)]
            if entry == 0 { entry = try literalLengths.decodeLong(reader.buffer) }
            reader.consume(Entry.codeLength(entry))
            let kind = entry & Entry.kindMask

            if kind == Entry.literal {
                if count == capacity {
                    output.count = count
                    try output.makeRoom(for: 1)
                    (base, capacity, writable) = (output.base, output.capacity, output.writable)
                }
                base[count] = UInt8(truncatingIfNeeded: entry >> 16)
                count &+= 1
                continue
            }
            if kind == Entry.endOfBlock { return }
            if kind == Entry.unused { throw .invalidSymbol(.literalLengths, Entry.value(entry)) }

            let lengthExtra = Entry.extraBits(entry)
            let length = Entry.value(entry) &+ Int(truncatingIfNeeded: reader.buffer & ((1 &<< UInt64(lengthExtra)) &- 1))
            reader.consume(lengthExtra)

            var distanceEntry = distanceTable[Int(truncatingIfNeeded: reader.buffer & mask)]
            if distanceEntry == 0 { distanceEntry = try distances.decodeLong(reader.buffer) }
            reader.consume(Entry.codeLength(distanceEntry))
            if distanceEntry & Entry.kindMask != Entry.lengthOrDistance {
                throw .invalidSymbol(.distances, Entry.value(distanceEntry))
            }
            let distanceExtra = Entry.extraBits(distanceEntry)
            let distance = Entry.value(distanceEntry) &+ Int(truncatingIfNeeded: reader.buffer & ((1 &<< UInt64(distanceExtra)) &- 1))
            reader.consume(distanceExtra)

            guard distance <= count else { throw .distanceTooFarBack(distance: distance, available: count) }
            if length > capacity &- count {
                output.count = count
                try output.makeRoom(for: length)
                (base, capacity, writable) = (output.base, output.capacity, output.writable)
            }
            Self.copyMatch(to: base + count, distance: distance, length: length, roomForWords: writable &- count >= length &+ 8)
            count &+= length
        }
    }

    /// Copies `length` bytes from `distance` bytes back; the two may overlap,
    /// repeating what the match starts with.
    @inline(__always)
    private static func copyMatch(to target: UnsafeMutablePointer<UInt8>, distance: Int, length: Int, roomForWords: Bool) {
        var source = target - distance
        if distance >= 8, roomForWords {
            // Eight bytes at a time, each read of bytes already written; it may write up to 7 past the end.
            var target = UnsafeMutableRawPointer(target)
            var raw = UnsafeRawPointer(source)
            var left = length
            repeat {
                target.storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
                target += 8
                raw += 8
                left &-= 8
            } while left > 0
        } else if distance == 1 {
            target.initialize(repeating: source.pointee, count: length)
        } else {
            var target = target
            let end = target + length
            while target < end {
                target.pointee = source.pointee
                target += 1
                source += 1
            }
        }
    }
}
