import EqlintKit
import Foundation
import Testing

/// The archive fixtures (written by `scripts/make-archive-fixtures`) and
/// helpers to write DEFLATE streams bit by bit, for the malformed ones.
enum ArchiveFixtures {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/RulesTests/Fixtures/archive")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }

    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(path)))
    }

    /// One raw DEFLATE stream and what it inflates to.
    struct Stream: CustomTestStringConvertible, Sendable {
        let file: String
        let input: String?
        let size: Int
        let crc32: UInt32
        var testDescription: String { file }
    }

    static let streams: [Stream] = {
        guard let manifest = try? json("deflate/manifest.json") as? [String: Any],
              let streams = manifest["streams"] as? [[String: Any]] else { return [] }
        return streams.map { stream in
            Stream(file: stream["file"] as? String ?? "", input: stream["input"] as? String,
                   size: stream["size"] as? Int ?? -1, crc32: UInt32(stream["crc32"] as? Int ?? 0))
        }
    }()

    /// The stored data of the first entry of an archive `build_zip` wrote (its local header has no extra field).
    static func firstEntryData(_ archive: [UInt8]) -> ArraySlice<UInt8> {
        let nameLength = Int(archive[26]) | Int(archive[27]) << 8
        let size = Int(archive[18]) | Int(archive[19]) << 8 | Int(archive[20]) << 16 | Int(archive[21]) << 24
        return archive[(30 + nameLength)..<(30 + nameLength + size)]
    }

    /// Runs `body` and the time it took.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }
}

/// Bits for a DEFLATE stream, least significant first (RFC 1951 section 3.1.1).
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    /// `count` bits of `value`, lowest first: header fields and extra bits.
    mutating func write(_ value: Int, bits count: Int) {
        for bit in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= 1 << UInt8(bitCount % 8) }
            bitCount += 1
        }
    }

    /// A Huffman code, its first bit the code's highest.
    mutating func writeCode(_ code: Int, length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { write(code >> bit & 1, bits: 1) }
    }

    /// Whole bytes, after the bits so far are padded to a byte.
    mutating func writeBytes(_ data: [UInt8]) {
        bitCount = bytes.count * 8
        bytes += data
        bitCount = bytes.count * 8
    }
}

/// Canonical Huffman codes from code lengths (RFC 1951 section 3.2.2), written
/// here apart from the decoder's own, so a mistake is not made twice.
struct CanonicalCode {
    let codes: [Int: (code: Int, length: Int)]

    init(lengths: [Int]) {
        var count = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { count[length] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1...15 {
            code = (code + count[bits - 1]) << 1
            next[bits] = code
        }
        var codes: [Int: (Int, Int)] = [:]
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = (next[length], length)
            next[length] += 1
        }
        self.codes = codes
    }

    func write(_ symbol: Int, to writer: inout BitWriter) {
        let (code, length) = codes[symbol]!
        writer.writeCode(code, length: length)
    }

    static let fixedLiteralLengths = CanonicalCode(lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
        + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))
    static let fixedDistances = CanonicalCode(lengths: Array(repeating: 5, count: 32))
}

extension BitWriter {
    /// A dynamic block's header. `codeLengthLengths` gives the code-length
    /// code's lengths by symbol (0-18); `lengths` the instructions coded with
    /// it (a symbol, and for 16-18 its extra bits' value).
    mutating func dynamicHeader(final: Bool = true, literalCount: Int, distanceCount: Int, codeLengthLengths: [Int],
                                lengths: [(symbol: Int, extra: Int)]) {
        write(final ? 1 : 0, bits: 1)
        write(2, bits: 2)
        write(literalCount - 257, bits: 5)
        write(distanceCount - 1, bits: 5)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        let used = (order.lastIndex { codeLengthLengths[$0] != 0 } ?? 0) + 1
        let count = max(used, 4)
        write(count - 4, bits: 4)
        for index in 0..<count { write(codeLengthLengths[order[index]], bits: 3) }
        let code = CanonicalCode(lengths: codeLengthLengths)
        for (symbol, extra) in lengths {
            code.write(symbol, to: &self)
            switch symbol {
            case 16: write(extra, bits: 2)
            case 17: write(extra, bits: 3)
            case 18: write(extra, bits: 7)
            default: break
            }
        }
    }

    /// A dynamic block's header giving each code length as it is (a
    /// code-length code of sixteen 4-bit codes, for lengths 0 to 15).
    mutating func dynamicHeader(final: Bool = true, literalLengths: [Int], distanceLengths: [Int]) {
        dynamicHeader(final: final, literalCount: literalLengths.count, distanceCount: distanceLengths.count,
                      codeLengthLengths: Array(repeating: 4, count: 16) + [0, 0, 0],
                      lengths: (literalLengths + distanceLengths).map { ($0, 0) })
    }
}
