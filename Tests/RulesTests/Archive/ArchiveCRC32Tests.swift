import EqlintPlan
import Testing

@Suite("Archive: CRC-32")
struct ArchiveCRC32Tests {
    @Test("known values, and the same in one piece or many")
    func knownValues() {
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
        var random = SplitMix64(seed: 3)
        let bytes = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let whole = CRC32.checksum(bytes)
        for split in [0, 1, 7, 8, 9, 500, 999, 1000] {
            #expect(CRC32.checksum(Array(bytes[split...]), continuing: CRC32.checksum(Array(bytes[..<split]))) == whole)
        }
        // The table-driven sum against the bit-by-bit definition.
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        #expect(whole == ~crc)
    }
}
