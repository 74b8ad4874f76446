import EqlintPlan
import Foundation
import Testing

/// The DEFLATE decoder against zlib's output, and against every kind of
/// malformed stream: each must end in its error, quickly, never a crash.
@Suite("Archive: inflating DEFLATE")
struct ArchiveInflateTests {
    static let limit = 64 << 20

    // MARK: zlib's streams

    @Test("each zlib stream inflates to its input", arguments: ArchiveFixtures.streams)
    func zlibStream(stream: ArchiveFixtures.Stream) throws {
        let compressed = try ArchiveFixtures.bytes("deflate/\(stream.file)")
        let output = try Inflate.decompress(compressed, limit: Self.limit)
        #expect(output.count == stream.size)
        #expect(CRC32.checksum(output) == stream.crc32)
        if let input = stream.input {
            #expect(output == (try ArchiveFixtures.bytes("deflate/inputs/\(input)")))
        }
        // The same with the size known up front (straight into the array), too small, and far too large.
        #expect(try Inflate.decompress(compressed, limit: Self.limit, expectedSize: stream.size) == output)
        #expect(try Inflate.decompress(compressed, limit: Self.limit, expectedSize: stream.size / 3) == output)
        #expect(try Inflate.decompress(compressed, limit: Self.limit, expectedSize: 1 << 30) == output)
        // Bytes after the final block are not read.
        #expect(try Inflate.decompress(compressed + [0xFF, 0x00, 0x12], limit: Self.limit) == output)
    }

    @Test("the fixtures cover every kind of block")
    func coverage() {
        let files = Set(ArchiveFixtures.streams.map(\.file))
        for file in ["text-level0.deflate", "text-fixed.deflate", "text-level9.deflate", "text-flushed.deflate", "empty-level6.deflate",
                     "random-huffman-only.deflate", "repetitive-rle.deflate", "far-level9.deflate"] {
            #expect(files.contains(file), "\(file)")
        }
    }

    @Test("the output stops at the limit, to the byte", arguments: ["text-level9.deflate", "text-level0.deflate", "repetitive-level9.deflate"])
    func limit(file: String) throws {
        let compressed = try ArchiveFixtures.bytes("deflate/\(file)")
        let size = try Inflate.decompress(compressed, limit: Self.limit).count
        #expect(try Inflate.decompress(compressed, limit: size).count == size)
        #expect(try Inflate.decompress(compressed, limit: size, expectedSize: size).count == size)
        for limit in [0, 1, 100, size - 1] {
            #expect(throws: InflateError.outputLimitExceeded(limit: limit)) { try Inflate.decompress(compressed, limit: limit) }
            #expect(throws: InflateError.outputLimitExceeded(limit: limit)) {
                try Inflate.decompress(compressed, limit: limit, expectedSize: size)
            }
        }
    }

    @Test("an expected size or limit far past what the input could give reserves no more than it can")
    func hugeExpectations() throws {
        let compressed = try ArchiveFixtures.bytes("deflate/text-level6.deflate")
        let text = try Inflate.decompress(compressed, limit: Self.limit)
        #expect(try Inflate.decompress(compressed, limit: .max, expectedSize: .max) == text)
        #expect(try Inflate.decompress(compressed, limit: .max, expectedSize: 1 << 50) == text)
        #expect(try Inflate.decompress(compressed, limit: .max) == text)
        #expect(throws: InflateError.outputLimitExceeded(limit: 0)) { try Inflate.decompress(compressed, limit: -1, expectedSize: -5) }
    }

    @Test("a ZIP bomb's data (64 MB of zeros in 64 KB) stops at the limit in well under a second")
    func bomb() throws {
        let data = ArchiveFixtures.firstEntryData(try ArchiveFixtures.bytes("zip/bomb.zip"))
        #expect(data.count < 70_000)
        let (result, elapsed) = ArchiveFixtures.timed { Result { () throws(InflateError) in try Inflate.decompress(data, limit: 1 << 20) } }
        #expect(throws: InflateError.outputLimitExceeded(limit: 1 << 20)) { try result.get() }
        #expect(elapsed < .seconds(1), "\(elapsed)")
        #expect(InflateError.outputLimitExceeded(limit: 1 << 20).description == "the data would inflate to more than 1 MB")
    }

    // MARK: Streams cut short or changed

    @Test("every stream cut short throws, and says it is truncated",
          arguments: ["text-level6.deflate", "text-level0.deflate", "text-fixed.deflate", "text-flushed.deflate", "empty-level6.deflate",
                      "empty-flushed.deflate", "random-huffman-only.deflate", "repetitive-level9.deflate"])
    func truncated(file: String) throws {
        let compressed = try ArchiveFixtures.bytes("deflate/\(file)")
        // Every cut in the last 300 bytes and the first 100, and 100 between.
        var cuts = Set(0..<min(100, compressed.count))
        cuts.formUnion(max(0, compressed.count - 300)..<compressed.count)
        cuts.formUnion(stride(from: 0, to: compressed.count, by: max(1, compressed.count / 100)))
        for cut in cuts.sorted() {
            #expect(throws: InflateError.truncated, "cut at \(cut) of \(compressed.count)") {
                try Inflate.decompress(compressed[..<cut], limit: Self.limit)
            }
        }
    }

    @Test("changed bytes never crash: each stream throws or inflates within the limit", arguments: ["text-level6.deflate", "text-fixed.deflate", "text-level0.deflate"])
    func mutations(file: String) throws {
        let original = Array(try ArchiveFixtures.bytes("deflate/\(file)").prefix(3000))
        var random = SplitMix64(seed: 42)
        let (_, elapsed) = ArchiveFixtures.timed {
            for _ in 0..<300 {
                var mutated = original
                for _ in 0..<(1 + random.next() % 4) {
                    let index = Int(random.next() % UInt64(mutated.count))
                    mutated[index] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
                }
                if let output = try? Inflate.decompress(mutated, limit: 100_000) { #expect(output.count <= 100_000) }
            }
        }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    // MARK: Malformed streams, one fault each

    @Test("nothing to inflate: an empty input is truncated")
    func empty() {
        #expect(throws: InflateError.truncated) { try Inflate.decompress([], limit: 10) }
        #expect(throws: InflateError.truncated) { try Inflate.decompress([0x00], limit: 10) }
    }

    @Test("a block of type 3 is refused")
    func reservedBlockType() {
        #expect(throws: InflateError.reservedBlockType) { try Inflate.decompress([0x07, 0x00], limit: 10) }
    }

    @Test("stored blocks: copied as they are; a length that does not match its complement, or more bytes than there are, is refused")
    func stored() throws {
        #expect(try Inflate.decompress([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63], limit: 10) == Array("abc".utf8))
        #expect(try Inflate.decompress([0x01, 0x00, 0x00, 0xFF, 0xFF], limit: 0) == [])
        #expect(throws: InflateError.storedLengthMismatch(length: 5, complement: 0)) {
            try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00, 0x61], limit: 10)
        }
        #expect(throws: InflateError.truncated) { try Inflate.decompress([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61, 0x62], limit: 10) }
        #expect(throws: InflateError.truncated) { try Inflate.decompress([0x01, 0x05, 0x00], limit: 10) }
        #expect(throws: InflateError.outputLimitExceeded(limit: 2)) {
            try Inflate.decompress([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63], limit: 2)
        }
        // A stored block after a fixed one starts at the next byte boundary.
        var writer = BitWriter()
        writer.write(0, bits: 1)
        writer.write(1, bits: 2)
        CanonicalCode.fixedLiteralLengths.write(0x78, to: &writer)
        CanonicalCode.fixedLiteralLengths.write(256, to: &writer)
        writer.write(1, bits: 1)
        writer.write(0, bits: 2)
        writer.writeBytes([0x02, 0x00, 0xFD, 0xFF, 0x79, 0x7A])
        #expect(try Inflate.decompress(writer.bytes, limit: 10) == Array("xyz".utf8))
    }

    /// A fixed block of the given literals (a byte) and matches (length, distance).
    static func fixedBlock(_ items: [(literal: Int?, length: Int, distance: Int)], final: Bool = true) -> BitWriter {
        var writer = BitWriter()
        writer.write(final ? 1 : 0, bits: 1)
        writer.write(1, bits: 2)
        for item in items {
            if let literal = item.literal {
                CanonicalCode.fixedLiteralLengths.write(literal, to: &writer)
            } else {
                writeMatch(length: item.length, distance: item.distance, to: &writer)
            }
        }
        CanonicalCode.fixedLiteralLengths.write(256, to: &writer)
        return writer
    }

    static func writeMatch(length: Int, distance: Int, to writer: inout BitWriter) {
        let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                             4097, 6145, 8193, 12289, 16385, 24577]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        let lengthCode = lengthBases.lastIndex { $0 <= length }!
        CanonicalCode.fixedLiteralLengths.write(257 + lengthCode, to: &writer)
        writer.write(length - lengthBases[lengthCode], bits: lengthExtra[lengthCode])
        let distanceCode = distanceBases.lastIndex { $0 <= distance }!
        CanonicalCode.fixedDistances.write(distanceCode, to: &writer)
        writer.write(distance - distanceBases[distanceCode], bits: distanceExtra[distanceCode])
    }

    @Test("fixed blocks: literals and matches, overlapping ones too")
    func fixed() throws {
        let writer = Self.fixedBlock([(0x61, 0, 0), (nil, 10, 1), (0x62, 0, 0), (nil, 258, 2), (0x63, 0, 0), (nil, 17, 9)])
        let expected = Array("a" + String(repeating: "a", count: 10) + "b" + String(repeating: "ab", count: 129) + "c")
        let head = expected.map { UInt8($0.asciiValue!) }
        #expect(try Inflate.decompress(writer.bytes, limit: 1000) == head + Array(head.suffix(9) + head.suffix(9)).prefix(17))
    }

    @Test("a match 32,768 bytes back, the furthest DEFLATE reaches, is copied; one further than the output is refused")
    func farthestMatch() throws {
        var random = SplitMix64(seed: 7)
        let data = (0..<32768).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var writer = BitWriter()
        // Two stored blocks of 16,384 bytes, then a fixed block of one match 32,768 back.
        for half in 0..<2 {
            writer.write(0, bits: 3)
            writer.writeBytes([0x00, 0x40, 0xFF, 0xBF] + data[(half * 16384)..<((half + 1) * 16384)])
        }
        var block = Self.fixedBlock([(nil, 258, 32768), (nil, 100, 32768 - 258)])
        writer.writeBytes(block.bytes)
        let output = try Inflate.decompress(writer.bytes, limit: 1 << 20)
        #expect(output.count == 32768 + 358)
        #expect(Array(output[32768...]) == Array(data[0..<258] + data[516..<616]))

        block = Self.fixedBlock([(0x61, 0, 0), (nil, 3, 2)])
        #expect(throws: InflateError.distanceTooFarBack(distance: 2, available: 1)) { try Inflate.decompress(block.bytes, limit: 100) }
        block = Self.fixedBlock([(nil, 3, 1)])
        #expect(throws: InflateError.distanceTooFarBack(distance: 1, available: 0)) { try Inflate.decompress(block.bytes, limit: 100) }
    }

    @Test("symbols DEFLATE does not use: length symbols 286-287 and distance symbols 30-31 of the fixed codes")
    func unusedSymbols() throws {
        for symbol in [286, 287] {
            var writer = BitWriter()
            writer.write(1, bits: 1)
            writer.write(1, bits: 2)
            CanonicalCode.fixedLiteralLengths.write(symbol, to: &writer)
            writer.write(0, bits: 16)
            #expect(throws: InflateError.invalidSymbol(.literalLengths, symbol)) { try Inflate.decompress(writer.bytes, limit: 100) }
        }
        for symbol in [30, 31] {
            var writer = BitWriter()
            writer.write(1, bits: 1)
            writer.write(1, bits: 2)
            CanonicalCode.fixedLiteralLengths.write(0x61, to: &writer)
            CanonicalCode.fixedLiteralLengths.write(257, to: &writer)
            CanonicalCode.fixedDistances.write(symbol, to: &writer)
            writer.write(0, bits: 16)
            #expect(throws: InflateError.invalidSymbol(.distances, symbol)) { try Inflate.decompress(writer.bytes, limit: 100) }
        }
    }

    // MARK: Dynamic blocks

    /// Code lengths 0, 1, 2 and 18 (zeros, 11-138 times), each a 2-bit code.
    static let smallCodeLengthCode: [Int] = {
        var lengths = [Int](repeating: 0, count: 19)
        for symbol in [0, 1, 2, 18] { lengths[symbol] = 2 }
        return lengths
    }()

    /// `lengths` (0, 1 or 2 each), coded with `smallCodeLengthCode`, runs of zeros as 18s.
    static func smallCodeLengths(_ lengths: [Int]) -> [(symbol: Int, extra: Int)] {
        var items: [(symbol: Int, extra: Int)] = []
        var index = 0
        while index < lengths.count {
            var run = 0
            while index + run < lengths.count, lengths[index + run] == 0, run < 138 { run += 1 }
            if run >= 11 {
                items.append((18, run - 11))
                index += run
            } else {
                items.append((lengths[index], 0))
                index += 1
            }
        }
        return items
    }

    static func dynamicStream(literalLengths: [Int], distanceLengths: [Int], body: (inout BitWriter) -> Void = { _ in }) -> [UInt8] {
        var writer = BitWriter()
        writer.dynamicHeader(literalCount: literalLengths.count, distanceCount: distanceLengths.count,
                             codeLengthLengths: smallCodeLengthCode, lengths: smallCodeLengths(literalLengths + distanceLengths))
        body(&writer)
        writer.write(0, bits: 32)
        return writer.bytes
    }

    static func lengths(_ count: Int, _ set: [Int: Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: count)
        for (symbol, length) in set { lengths[symbol] = length }
        return lengths
    }

    @Test("a dynamic block with codes of up to 15 bits (longer than the look-up table) inflates")
    func longCodes() throws {
        // Lengths 1, 2, ..., 14, 15, 15 fill the code exactly: 'a' gets one bit, 256 and 'z' fifteen.
        var literalLengths = [Int](repeating: 0, count: 258)
        let symbols = Array(0x61...0x6E) + [256, 0x7A]
        for (index, symbol) in symbols.enumerated() { literalLengths[symbol] = min(index + 1, 15) }
        literalLengths[257] = 0
        let literals = CanonicalCode(lengths: literalLengths)
        var writer = BitWriter()
        writer.dynamicHeader(literalLengths: literalLengths, distanceLengths: [1])
        let text = Array("abcdefghijklmnzzazna".utf8)
        for byte in text { literals.write(Int(byte), to: &writer) }
        literals.write(256, to: &writer)
        #expect(try Inflate.decompress(writer.bytes, limit: 100) == text)
    }

    @Test("a block that declares more codes than DEFLATE has is refused")
    func tooManyCodes() {
        for (literals, distances) in [(287, 30), (288, 1), (257, 31), (257, 32)] {
            var writer = BitWriter()
            writer.write(1, bits: 1)
            writer.write(2, bits: 2)
            writer.write(literals - 257, bits: 5)
            writer.write(distances - 1, bits: 5)
            writer.write(0, bits: 20)
            #expect(throws: InflateError.tooManyCodes(literalLengths: literals, distances: distances)) {
                try Inflate.decompress(writer.bytes, limit: 100)
            }
        }
    }

    @Test("a code-length code must be complete, and not over-subscribed")
    func codeLengthCode() {
        func stream(_ codeLengthLengths: [Int: Int]) -> [UInt8] {
            var writer = BitWriter()
            writer.dynamicHeader(literalCount: 257, distanceCount: 1, codeLengthLengths: Self.lengths(19, codeLengthLengths), lengths: [])
            writer.write(0, bits: 32)
            return writer.bytes
        }
        #expect(throws: InflateError.oversubscribedCode(.codeLengths)) { try Inflate.decompress(stream([0: 1, 1: 1, 2: 1]), limit: 100) }
        #expect(throws: InflateError.incompleteCode(.codeLengths)) { try Inflate.decompress(stream([0: 1]), limit: 100) }
        #expect(throws: InflateError.incompleteCode(.codeLengths)) { try Inflate.decompress(stream([0: 1, 1: 2]), limit: 100) }
        #expect(throws: InflateError.incompleteCode(.codeLengths)) { try Inflate.decompress(stream([:]), limit: 100) }
    }

    @Test("code lengths: a repeat with nothing before it, or more lengths than codes, is refused")
    func codeLengthRepeats() {
        var writer = BitWriter()
        writer.dynamicHeader(literalCount: 257, distanceCount: 1, codeLengthLengths: Self.lengths(19, [0: 1, 16: 1]), lengths: [(16, 0)])
        writer.write(0, bits: 16)
        #expect(throws: InflateError.repeatWithNoPreviousLength) { try Inflate.decompress(writer.bytes, limit: 100) }

        writer = BitWriter()
        writer.dynamicHeader(literalCount: 257, distanceCount: 1, codeLengthLengths: Self.lengths(19, [0: 1, 18: 1]),
                             lengths: [(18, 127), (18, 127)])
        writer.write(0, bits: 16)
        #expect(throws: InflateError.tooManyCodeLengths) { try Inflate.decompress(writer.bytes, limit: 100) }

        // 16 repeats the previous length: 253 to 257 get length 2 (253 zeros in front), one too many for 2-bit codes.
        writer = BitWriter()
        writer.dynamicHeader(literalCount: 258, distanceCount: 1, codeLengthLengths: Self.lengths(19, [2: 2, 16: 2, 18: 2, 1: 2]),
                             lengths: [(18, 127), (18, 104), (2, 0), (16, 0), (2, 0), (1, 0)])
        let literals = CanonicalCode(lengths: Self.lengths(258, [253: 2, 254: 2, 255: 2, 256: 2, 257: 2]))
        #expect(literals.codes.count == 5)
        for symbol in [253, 255, 254, 256] { literals.write(symbol, to: &writer) }
        writer.write(0, bits: 16)
        #expect(throws: InflateError.oversubscribedCode(.literalLengths)) { try Inflate.decompress(writer.bytes, limit: 100) }
    }

    @Test("a literal/length code without an end-of-block code, over-subscribed, or with gaps, is refused")
    func literalLengthCode() throws {
        #expect(throws: InflateError.noEndOfBlockCode) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: Self.lengths(257, [0: 1, 1: 1]), distanceLengths: [1]), limit: 100)
        }
        #expect(throws: InflateError.oversubscribedCode(.literalLengths)) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: Self.lengths(257, [0: 1, 1: 1, 256: 1]), distanceLengths: [1]), limit: 100)
        }
        #expect(throws: InflateError.incompleteCode(.literalLengths)) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: Self.lengths(257, [0: 2, 256: 1]), distanceLengths: [1]), limit: 100)
        }
        // A single one-bit code is allowed: the end-of-block code alone. Its other bit is no code.
        #expect(try Inflate.decompress(Self.dynamicStream(literalLengths: Self.lengths(257, [256: 1]), distanceLengths: [0]) { writer in
            writer.writeCode(0, length: 1)
        }, limit: 100) == [])
        #expect(throws: InflateError.invalidCode(.literalLengths)) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: Self.lengths(257, [256: 1]), distanceLengths: [0]) { writer in
                writer.writeCode(1, length: 1)
            }, limit: 100)
        }
    }

    @Test("a distance code with gaps is refused, unless it is one one-bit code or none; a missing distance is an error")
    func distanceCode() throws {
        let literals = Self.lengths(258, [0x61: 2, 256: 2, 257: 1])
        let literalCode = CanonicalCode(lengths: literals)
        #expect(throws: InflateError.incompleteCode(.distances)) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: literals, distanceLengths: [1, 0, 2]), limit: 100)
        }
        #expect(throws: InflateError.oversubscribedCode(.distances)) {
            try Inflate.decompress(Self.dynamicStream(literalLengths: literals, distanceLengths: [1, 1, 1]), limit: 100)
        }
        // One distance code of one bit: 'a' then a match of 3 at distance 1, then the unused bit.
        let oneDistance = Self.dynamicStream(literalLengths: literals, distanceLengths: [1]) { writer in
            literalCode.write(0x61, to: &writer)
            literalCode.write(257, to: &writer)
            writer.writeCode(0, length: 1)
            literalCode.write(256, to: &writer)
        }
        #expect(try Inflate.decompress(oneDistance, limit: 100) == Array("aaaa".utf8))
        let unusedDistance = Self.dynamicStream(literalLengths: literals, distanceLengths: [1]) { writer in
            literalCode.write(0x61, to: &writer)
            literalCode.write(257, to: &writer)
            writer.writeCode(1, length: 1)
        }
        #expect(throws: InflateError.invalidCode(.distances)) { try Inflate.decompress(unusedDistance, limit: 100) }
        // No distance codes at all: fine for literals, an error at the first match.
        let noDistances = Self.dynamicStream(literalLengths: literals, distanceLengths: [0]) { writer in
            literalCode.write(0x61, to: &writer)
            literalCode.write(256, to: &writer)
        }
        #expect(try Inflate.decompress(noDistances, limit: 100) == Array("a".utf8))
        let matchWithoutDistances = Self.dynamicStream(literalLengths: literals, distanceLengths: [0]) { writer in
            literalCode.write(0x61, to: &writer)
            literalCode.write(257, to: &writer)
        }
        #expect(throws: InflateError.invalidCode(.distances)) { try Inflate.decompress(matchWithoutDistances, limit: 100) }
    }

    @Test("each error reads as a sentence")
    func messages() {
        #expect(InflateError.truncated.description == "the compressed data ends too soon (it is cut short)")
        #expect(InflateError.oversubscribedCode(.literalLengths).description
            == "a block's literal/length code has more codes than fit (it is over-subscribed)")
        #expect(InflateError.distanceTooFarBack(distance: 40, available: 3).description
            == "the data refers 40 bytes back, but only 3 came before")
        #expect(InflateError.outputLimitExceeded(limit: 1000).description == "the data would inflate to more than 1,000 bytes")
    }
}
