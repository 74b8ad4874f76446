/// The CRC-32 checksum of ZIP, gzip and PNG (ISO 3309, the reflected
/// polynomial 0xEDB88320), table-driven: "slicing by 8", eight tables of
/// 256 entries, so eight bytes go through in one step.
///
///     CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926
public enum CRC32 {
    /// The checksum of `bytes`, continuing from `crc` (the checksum of the
    /// bytes before them; 0 to start).
    public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0, continuing: crc) }
    }

    /// The checksum of the bytes in `buffer`, continuing from `crc`.
    public static func checksum(_ buffer: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        guard var bytes = buffer.baseAddress else { return crc }
        var left = buffer.count
        var crc = ~crc
        tables.withUnsafeBufferPointer { table in
            let table = table.baseAddress!
            while left >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
                let low = UInt32(truncatingIfNeeded: word) ^ crc
                let high = UInt32(truncatingIfNeeded: word >> 32)
                crc = table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                bytes += 8
                left -= 8
            }
            while left > 0 {
                crc = table[Int((crc ^ UInt32(bytes.pointee)) & 0xFF)] ^ (crc >> 8)
                bytes += 1
                left -= 1
            }
        }
        return ~crc
    }

    /// Table k gives the CRC of a byte followed by k zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            tables[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(slice - 1) * 256 + byte]
                tables[slice * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
