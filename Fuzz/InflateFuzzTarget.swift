// libFuzzer target for the DEFLATE decoder: any bytes are inflated with an
// output limit, and checked against a second decoder written here the plain
// way (a bit at a time, codes decoded by counting, as RFC 1951 describes
// them), so a wrong table or a lost bit shows as a difference, not only a
// crash. Both must agree on whether the stream is valid and on every byte it
// gives; the output must never pass the limit, and the limit must cut it at
// exactly its size, whatever size it was told to expect.

@testable import EqlintPlan

private let limit = 256 << 10

@_cdecl("LLVMFuzzerInitialize")
public func inflateFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    _ = try? Inflate.decompress([0x03, 0x00], limit: limit)
    _ = CRC32.checksum([1, 2, 3])
    _ = (ReferenceInflate.fixedLiterals, ReferenceInflate.fixedDistances)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func inflateFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let result = Result { () throws(InflateError) in try Inflate.decompress(bytes, limit: limit) }
    let reference = Result { () throws(ReferenceInflate.Failure) in
        var decoder = ReferenceInflate(bytes, limit: limit)
        return try decoder.run()
    }
    switch (result, reference) {
    case (.success(let output), .success(let expected)):
        require(output.count <= limit, "the output passed the limit: \(output.count) bytes")
        require(output == expected, "the output differs from the reference decoder's (\(output.count) bytes against \(expected.count))")
        // The limit cuts at exactly the size, and the expected size changes nothing (checked on
        // the smaller outputs, which most inputs give, to keep the runs quick).
        guard output.count <= 1 << 16 else { return 0 }
        for hint in [nil, 1, output.count, limit + 1] {
            let again = Result { () throws(InflateError) in try Inflate.decompress(bytes, limit: output.count, expectedSize: hint) }
            require((try? again.get()) == output, "with limit \(output.count) and expected size \(String(describing: hint)): \(again)")
        }
        if !output.isEmpty {
            let cut = Result { () throws(InflateError) in try Inflate.decompress(bytes, limit: output.count - 1) }
            require(cut.error == InflateError.outputLimitExceeded(limit: output.count - 1), "a limit one short gives \(cut)")
        }
    case (.failure(let error), .failure(let failure)):
        require(!error.description.isEmpty, "an error without a message")
        // Both stop at the limit, or both find the stream malformed.
        require((error == .outputLimitExceeded(limit: limit)) == (failure == .limit), "\(error) against the reference's \(failure)")
        let hinted = Result { () throws(InflateError) in try Inflate.decompress(bytes, limit: limit, expectedSize: bytes.count * 3) }
        require(hinted.error == error, "an expected size changed the error: \(error) against \(hinted)")
    case (.success(let output), .failure(let failure)):
        require(false, "inflated to \(output.count) bytes, but the reference decoder finds \(failure)")
    case (.failure(let error), .success(let expected)):
        require(false, "\(error), but the reference decoder inflates to \(expected.count) bytes")
    }
    return 0
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// RFC 1951 read as written, with no speed in mind: bits one at a time, a
/// code found by counting how many codes of each length come before it.
struct ReferenceInflate {
    enum Failure: Error, Equatable { case malformed(String), limit }

    let input: [UInt8]
    let limit: Int
    var bitPosition = 0
    var output: [UInt8] = []

    init(_ input: [UInt8], limit: Int) {
        self.input = input
        self.limit = limit
    }

    /// Code lengths as counts per length and symbols in code order.
    struct Code {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
    }

    static let fixedLiterals = ReferenceInflate([], limit: 0).code(ArraySlice(Array(repeating: 8, count: 144)
        + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))).0
    static let fixedDistances = ReferenceInflate([], limit: 0).code(ArraySlice(Array(repeating: 5, count: 30))).0

    mutating func bit() throws(Failure) -> Int {
        guard bitPosition < input.count * 8 else { throw .malformed("truncated") }
        let bit = Int(input[bitPosition / 8] >> UInt8(bitPosition % 8)) & 1
        bitPosition += 1
        return bit
    }

    mutating func bits(_ count: Int) throws(Failure) -> Int {
        var value = 0
        for index in 0..<count { value |= try bit() << index }
        return value
    }

    /// The code, and how many codes are left unused (negative: over-subscribed).
    func code(_ lengths: ArraySlice<Int>) -> (Code, left: Int) {
        var code = Code()
        for length in lengths { code.counts[length] += 1 }
        var left = 1
        for length in 1...15 {
            left = left * 2 - code.counts[length]
            if left < 0 { return (code, left) }
        }
        for length in 1...15 {
            for (symbol, symbolLength) in zip(lengths.indices, lengths) where symbolLength == length {
                code.symbols.append(symbol - lengths.startIndex)
            }
        }
        return (code, code.counts[0] == lengths.count ? 0 : left)
    }

    mutating func decode(_ code: Code) throws(Failure) -> Int {
        var value = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            value = value << 1 | (try bit())
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
        }
        throw .malformed("no such code")
    }

    mutating func append(_ byte: UInt8) throws(Failure) {
        guard output.count < limit else { throw .limit }
        output.append(byte)
    }

    mutating func run() throws(Failure) -> [UInt8] {
        var final = 0
        while final == 0 {
            final = try bit()
            switch try bits(2) {
            case 0:
                bitPosition = (bitPosition + 7) / 8 * 8
                let length = try bits(16)
                guard try bits(16) == length ^ 0xFFFF else { throw .malformed("stored length") }
                // Cut short before it is too long, as the decoder checks.
                guard length * 8 <= input.count * 8 - bitPosition else { throw .malformed("truncated") }
                for _ in 0..<length { try append(UInt8(try bits(8))) }
            case 1:
                try codes(Self.fixedLiterals, Self.fixedDistances)
            case 2:
                try dynamic()
            default:
                throw .malformed("block type 3")
            }
        }
        return output
    }

    mutating func dynamic() throws(Failure) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .malformed("too many codes") }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15].prefix(codeLengthCount) {
            codeLengthLengths[symbol] = try bits(3)
        }
        let (codeLengthCode, left) = code(codeLengthLengths[...])
        guard left == 0 else { throw .malformed("code-length code") }
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengthCode)
            if symbol < 16 {
                lengths.append(symbol)
                continue
            }
            let (length, repeats): (Int, Int)
            switch symbol {
            case 16:
                guard let last = lengths.last else { throw .malformed("repeat first") }
                (length, repeats) = (last, 3 + (try bits(2)))
            case 17: (length, repeats) = (0, 3 + (try bits(3)))
            default: (length, repeats) = (0, 11 + (try bits(7)))
            }
            guard lengths.count + repeats <= literalCount + distanceCount else { throw .malformed("too many lengths") }
            lengths += Array(repeating: length, count: repeats)
        }
        guard lengths[256] != 0 else { throw .malformed("no end of block") }
        let (literals, literalsLeft) = code(lengths[..<literalCount])
        let (distances, distancesLeft) = code(lengths[literalCount...])
        // A gap is allowed only in a code of one one-bit code.
        let literalOnes = lengths[..<literalCount].filter { $0 != 0 }
        let distanceOnes = lengths[literalCount...].filter { $0 != 0 }
        guard literalsLeft == 0 || (literalsLeft > 0 && literalOnes == [1]) else { throw .malformed("literal/length code") }
        guard distancesLeft == 0 || (distancesLeft > 0 && distanceOnes == [1]) else { throw .malformed("distance code") }
        try codes(literals, distances)
    }

    mutating func codes(_ literals: Code, _ distances: Code) throws(Failure) {
        let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                             4097, 6145, 8193, 12289, 16385, 24577]
        let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                try append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            guard symbol - 257 < lengthBases.count else { throw .malformed("length symbol") }
            let length = lengthBases[symbol - 257] + (try bits(lengthExtra[symbol - 257]))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < distanceBases.count else { throw .malformed("distance symbol") }
            let distance = distanceBases[distanceSymbol] + (try bits(distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw .malformed("distance too far") }
            for _ in 0..<length { try append(output[output.count - distance]) }
        }
    }
}
