/// Reads a DEFLATE stream's bits, least significant first, from a buffer
/// it does not own.
///
/// Bits wait in a 64-bit buffer, refilled eight bytes at a time while eight
/// remain (the bytes past `available` that such a load brings in are the
/// next ones' own bits, so loading them again ORs in the same values). Near
/// the end it loads a byte at a time and, past the end, zeros: a caller may
/// always count on 56 bits after `refill()`, and the stream is truncated only
/// if one of those zeros is used, which the next refill (or `checkNotPastEnd`)
/// finds. Each refill that adds padding first checks that none was used, so
/// a stream cut short stops within a few symbols.
struct BitReader {
    /// How many bits a refill guarantees: a literal/length code with its extra
    /// bits and a distance code with its extra bits take at most 48.
    static let refilledBits = 56

    private let start: UnsafePointer<UInt8>
    private let count: Int
    /// The next byte to load into `buffer`; past `count`, bytes are padding zeros.
    private(set) var position = 0
    /// The bits not yet used, the next one lowest.
    private(set) var buffer: UInt64 = 0
    /// How many bits of `buffer` are loaded (at most 63).
    private(set) var available = 0

    /// Reads `count` bytes from `start`, which must stay valid while the reader is used.
    init(start: UnsafePointer<UInt8>, count: Int) {
        self.start = start
        self.count = count
    }

    /// Makes at least `refilledBits` bits available.
    @inline(__always)
    mutating func refill() throws(InflateError) {
        if position &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + position).loadUnaligned(as: UInt64.self))
            buffer |= word &<< UInt64(available)
            position &+= (63 &- available) &>> 3
            available |= 56
        } else {
            try refillNearEnd()
        }
    }

    @inline(never)
    private mutating func refillNearEnd() throws(InflateError) {
        try checkNotPastEnd()
        while available < Self.refilledBits {
            let byte = position < count ? start[position] : 0
            buffer |= UInt64(byte) &<< UInt64(available)
            available += 8
            position += 1
        }
    }

    /// Whether a padding zero from past the end was used as a bit of the stream.
    var isPastEnd: Bool { position > count && (position - count) * 8 > available }

    /// Throws if a padding zero from past the end was used as a bit of the stream.
    func checkNotPastEnd() throws(InflateError) {
        if isPastEnd { throw .truncated }
    }

    /// Drops `bitCount` bits (at most `available`).
    @inline(__always)
    mutating func consume(_ bitCount: Int) {
        buffer &>>= UInt64(bitCount)
        available &-= bitCount
    }

    /// The next `bitCount` bits (at most 32) as a number, consumed.
    @inline(__always)
    mutating func take(_ bitCount: Int) throws(InflateError) -> Int {
        if available < bitCount { try refill() }
        let value = Int(truncatingIfNeeded: buffer & ((1 &<< UInt64(bitCount)) &- 1))
        consume(bitCount)
        return value
    }

    /// Skips to the next byte boundary and hands back the bytes loaded but
    /// not used, so the caller can read whole bytes from `position`.
    mutating func alignToByte() throws(InflateError) {
        consume(available & 7)
        position -= available >> 3
        buffer = 0
        available = 0
        if position > count { throw .truncated }
    }

    /// Reads `length` whole bytes at `position` (after `alignToByte`).
    mutating func takeBytes(_ length: Int) throws(InflateError) -> UnsafePointer<UInt8> {
        guard length <= count - position else { throw .truncated }
        defer { position += length }
        return start + position
    }

    /// A little-endian 16-bit number from whole bytes (after `alignToByte`).
    mutating func takeUInt16() throws(InflateError) -> Int {
        let bytes = try takeBytes(2)
        return Int(bytes[0]) | Int(bytes[1]) << 8
    }
}
