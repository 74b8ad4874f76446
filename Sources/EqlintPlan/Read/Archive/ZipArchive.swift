/// A ZIP archive held in memory (a .docx or .odt file is one), read from its
/// central directory (APPNOTE.TXT 6.3): entries stored (method 0) or
/// compressed with DEFLATE (method 8), ZIP64 records included.
///
/// Safe with any bytes: every offset and size is checked before it is used,
/// each failure is an `ArchiveError`, and an entry is inflated only up to the
/// limit the caller gives, whatever size it declares (a ZIP bomb stops
/// there). Entries are inflated on demand, and checked against their declared
/// size and CRC-32.
///
///     let archive = try ZipArchive(bytes: bytes)
///     let document = try archive.data(for: "word/document.xml", limit: 64 << 20)
public struct ZipArchive: Sendable {
    static let localHeaderSignature = 0x0403_4B50
    static let directoryRecordSignature = 0x0201_4B50
    static let localHeaderSize = 30
    static let directoryRecordSize = 46

    /// The entries in the order of the central directory.
    public let entries: [ZipEntry]
    private let bytes: [UInt8]
    /// Each name's UTF-8 bytes to its first entry: names are matched byte for
    /// byte (two spellings of "é" are two names), and a name listed twice
    /// finds the first.
    private let index: [[UInt8]: Int]

    /// Reads the archive's list of entries; throws if it is not a ZIP archive
    /// or its central directory is damaged. Entries are not read until asked for.
    public init(bytes: [UInt8]) throws(ArchiveError) {
        let end = try ZipDirectoryEnd(bytes)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(end.entryCount)
        var index: [[UInt8]: Int] = [:]
        var offset = end.directoryOffset
        let directoryEnd = end.directoryOffset + end.directorySize
        for _ in 0..<end.entryCount {
            let entry = try Self.readDirectoryRecord(bytes, at: &offset, before: directoryEnd, prefix: end.prefix)
            let key = Array(entry.name.utf8)
            if index[key] == nil { index[key] = entries.count }
            entries.append(entry)
        }
        self.bytes = bytes
        self.entries = entries
        self.index = index
    }

    /// Whether the bytes start like a ZIP archive: the local header signature `PK\u{3}\u{4}`.
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The entries' names in the order of the central directory (a name listed twice appears twice).
    public var entryNames: [String] { entries.map(\.name) }

    /// Whether an entry has exactly this name.
    public func contains(_ name: String) -> Bool { index[Array(name.utf8)] != nil }

    /// The entry of exactly this name (the first, if the archive lists it twice).
    public func entry(named name: String) -> ZipEntry? {
        index[Array(name.utf8)].map { entries[$0] }
    }

    /// The entry's bytes, inflated; throws if they would exceed `limit` bytes,
    /// or do not match the size and CRC-32 the archive declares.
    public func data(for name: String, limit: Int) throws(ArchiveError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw .noSuchEntry(name) }
        return try data(for: entry, limit: limit)
    }

    /// The bytes of one of `entries` (see `data(for:limit:)` with a name).
    public func data(for entry: ZipEntry, limit: Int) throws(ArchiveError) -> [UInt8] {
        if entry.isEncrypted { throw .passwordProtected(entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else { throw .unsupportedMethod(entry: entry.name, method: entry.method) }
        // A declared size over the limit is refused before anything is inflated; a smaller one is the
        // inflater's limit, so an entry that lies about its size stops there.
        guard entry.uncompressedSize <= limit else { throw .entryTooLarge(entry: entry.name, limit: limit) }
        let header = entry.localHeaderOffset
        guard header <= bytes.count - Self.localHeaderSize else { throw .truncated }
        guard bytes.littleEndian32(at: header) == Self.localHeaderSignature, let flags = bytes.littleEndian16(at: header + 6),
              let nameLength = bytes.littleEndian16(at: header + 26), let extraLength = bytes.littleEndian16(at: header + 28)
        else { throw .damagedLocalHeader(entry: entry.name) }
        if flags & 1 != 0 { throw .passwordProtected(entry: entry.name) }
        let start = header + Self.localHeaderSize + nameLength + extraLength
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { throw .truncated }
        let stored = bytes[start..<start + entry.compressedSize]

        let output: [UInt8]
        if entry.method == 0 {
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: entry.compressedSize)
            }
            output = Array(stored)
        } else {
            do {
                output = try Inflate.decompress(stored, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
            } catch .outputLimitExceeded {
                throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: nil)
            } catch {
                throw .damagedData(entry: entry.name, error)
            }
            guard output.count == entry.uncompressedSize else {
                throw .sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: output.count)
            }
        }
        let checksum = CRC32.checksum(output)
        guard checksum == entry.crc32 else { throw .checksumMismatch(entry: entry.name, declared: entry.crc32, actual: checksum) }
        return output
    }

    /// One central directory record (APPNOTE 4.3.12) at `offset`, which it moves past the record.
    private static func readDirectoryRecord(_ bytes: [UInt8], at offset: inout Int, before end: Int, prefix: Int) throws(ArchiveError) -> ZipEntry {
        let record = offset
        guard end - record >= directoryRecordSize, bytes.littleEndian32(at: record) == directoryRecordSignature,
              let flags = bytes.littleEndian16(at: record + 8), let method = bytes.littleEndian16(at: record + 10),
              let crc32 = bytes.littleEndian32(at: record + 16),
              var compressedSize = bytes.littleEndian32(at: record + 20), var uncompressedSize = bytes.littleEndian32(at: record + 24),
              let nameLength = bytes.littleEndian16(at: record + 28), let extraLength = bytes.littleEndian16(at: record + 30),
              let commentLength = bytes.littleEndian16(at: record + 32), let disk = bytes.littleEndian16(at: record + 34),
              var headerOffset = bytes.littleEndian32(at: record + 42)
        else { throw .damagedDirectory }
        let nameStart = record + directoryRecordSize
        let extraStart = nameStart + nameLength
        guard nameLength + extraLength + commentLength <= end - nameStart else { throw .damagedDirectory }
        offset = extraStart + extraLength + commentLength

        // Values too large for their field are 0xFFFFFFFF (0xFFFF), the real ones in the ZIP64 extra field, in this order.
        let saturated = 0xFFFF_FFFF
        if uncompressedSize == saturated || compressedSize == saturated || headerOffset == saturated || disk == 0xFFFF {
            guard var field = zip64Field(bytes, from: extraStart, to: extraStart + extraLength) else { throw .damagedZip64Record }
            func next() throws(ArchiveError) -> Int {
                guard field.count >= 8, let value = bytes.littleEndian64(at: field.lowerBound) else { throw .damagedZip64Record }
                field = field.dropFirst(8)
                return value
            }
            if uncompressedSize == saturated { uncompressedSize = try next() }
            if compressedSize == saturated { compressedSize = try next() }
            if headerOffset == saturated { headerOffset = try next() }
            // Last, the number of the disk the entry starts on, in four bytes.
            if disk == 0xFFFF, field.count >= 4, bytes.littleEndian32(at: field.lowerBound) != 0 { throw .spansSeveralDisks }
        }
        guard disk == 0 || disk == 0xFFFF else { throw .spansSeveralDisks }
        guard headerOffset <= Int.max - prefix else { throw .damagedZip64Record }
        let name = ZipEntryName.decode(bytes[nameStart..<extraStart], isUTF8: flags & 0x800 != 0)
        return ZipEntry(name: name, method: method, flags: flags, crc32: UInt32(crc32), compressedSize: compressedSize,
                        uncompressedSize: uncompressedSize, localHeaderOffset: headerOffset + prefix)
    }

    /// The byte range of the ZIP64 extended information extra field (tag 1) among the extra fields in `start..<end`.
    private static func zip64Field(_ bytes: [UInt8], from start: Int, to end: Int) -> Range<Int>? {
        var offset = start
        while end - offset >= 4 {
            guard let tag = bytes.littleEndian16(at: offset), let size = bytes.littleEndian16(at: offset + 2),
                  size <= end - offset - 4 else { return nil }
            if tag == 1 { return offset + 4..<offset + 4 + size }
            offset += 4 + size
        }
        return nil
    }
}
