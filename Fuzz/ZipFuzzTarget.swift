// libFuzzer target for the ZIP reader: any bytes are read as an archive and
// each entry (the first 16) extracted with a limit. An entry that extracts
// must have its declared size, within the limit, and its declared CRC-32
// (worked out here a bit at a time, not with the reader's tables); every
// name listed must be found again by name; every error must have a message.

@testable import EqlintPlan

private let limit = 256 << 10

@_cdecl("LLVMFuzzerInitialize")
public func zipFuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: Arguments) -> CInt {
    _ = try? Inflate.decompress([0x03, 0x00], limit: limit)
    _ = CRC32.checksum([1, 2, 3])
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func zipFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    _ = ZipArchive.looksLikeZip(bytes)
    _ = OLECompoundFile.looksLikeOLE(bytes)
    let archive: ZipArchive
    do {
        archive = try ZipArchive(bytes: bytes)
    } catch {
        require(!error.description.isEmpty, "an error without a message")
        return 0
    }
    require(archive.entryNames.count == archive.entries.count, "names and entries differ in number")
    for entry in archive.entries.prefix(16) {
        require(archive.contains(entry.name), "\(entry.name) is listed but not found")
        require(archive.entry(named: entry.name)?.name == entry.name, "\(entry.name) finds another entry")
        do {
            let output = try archive.data(for: entry, limit: limit)
            require(output.count <= limit, "\(entry.name): \(output.count) bytes, past the limit")
            require(output.count == entry.uncompressedSize, "\(entry.name): \(output.count) bytes, not \(entry.uncompressedSize)")
            require(bitwiseCRC32(output) == entry.crc32, "\(entry.name): extracted with the wrong CRC-32")
            if entry.method == 0 { require(entry.compressedSize == output.count, "\(entry.name): stored, but sizes differ") }
        } catch {
            require(!error.description.isEmpty, "\(entry.name): an error without a message")
            if case .entryTooLarge = error { require(entry.uncompressedSize > limit, "\(entry.name): refused as too large") }
        }
        // By name, the first entry of that name.
        _ = try? archive.data(for: entry.name, limit: limit)
    }
    return 0
}

/// CRC-32 as defined, a bit at a time.
func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return ~crc
}
