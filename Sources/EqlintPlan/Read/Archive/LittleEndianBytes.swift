/// Little-endian numbers read from bytes at an offset, nil when they would
/// run past the end (or the offset is negative): every read of a ZIP record
/// checks its bounds here.
extension Array where Element == UInt8 {
    func littleEndian16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return withUnsafeBytes { Int(UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) }
    }

    func littleEndian32(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
    }

    /// A 64-bit number, nil also when it is more than `Int.max`.
    func littleEndian64(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 8 else { return nil }
        let value = withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }
}
