/// Where a ZIP archive's central directory is and how many entries it lists,
/// from the end-of-central-directory record (APPNOTE 4.3.16) and, when the
/// archive has one, the ZIP64 record it points to (4.3.14-15).
///
/// The record is the last thing in the archive, followed only by a comment of
/// up to 65,535 bytes, so it is searched for backwards over at most that; a
/// candidate whose comment ends exactly at the end of the file is taken over
/// one that appears inside a comment.
struct ZipDirectoryEnd {
    /// Where the central directory starts, counted from the start of the file.
    let directoryOffset: Int
    let directorySize: Int
    let entryCount: Int
    /// Bytes before the archive proper (a self-extracting stub, or data put in
    /// front): the directory's offsets are counted from after them.
    let prefix: Int

    static let signature = 0x0605_4B50
    static let zip64LocatorSignature = 0x0706_4B50
    static let zip64Signature = 0x0606_4B50
    static let recordSize = 22
    static let zip64LocatorSize = 20
    static let zip64RecordSize = 56

    init(_ bytes: [UInt8]) throws(ArchiveError) {
        guard let end = Self.findRecord(bytes) else {
            throw ZipArchive.looksLikeZip(bytes) ? .truncated : .notAZipArchive
        }
        var disk = bytes.littleEndian16(at: end + 4)!
        var directoryDisk = bytes.littleEndian16(at: end + 6)!
        var entriesOnDisk = bytes.littleEndian16(at: end + 8)!
        var entryCount = bytes.littleEndian16(at: end + 10)!
        var directorySize = bytes.littleEndian32(at: end + 12)!
        var directoryOffset = bytes.littleEndian32(at: end + 16)!
        // The directory ends where the record that describes it starts.
        var directoryEnd = end

        let locator = end - Self.zip64LocatorSize
        if bytes.littleEndian32(at: locator) == Self.zip64LocatorSignature {
            guard let recordOffset = bytes.littleEndian64(at: locator + 8), let diskCount = bytes.littleEndian32(at: locator + 16)
            else { throw .damagedZip64Record }
            guard diskCount <= 1 else { throw .spansSeveralDisks }
            // The record comes just before its locator; the offset in the locator is counted without a prefix.
            let record = locator - Self.zip64RecordSize
            guard record >= 0, recordOffset <= record, bytes.littleEndian32(at: record) == Self.zip64Signature,
                  let recordDisk = bytes.littleEndian32(at: record + 16), let recordDirectoryDisk = bytes.littleEndian32(at: record + 20),
                  let recordEntriesOnDisk = bytes.littleEndian64(at: record + 24), let recordEntryCount = bytes.littleEndian64(at: record + 32),
                  let recordDirectorySize = bytes.littleEndian64(at: record + 40), let recordDirectoryOffset = bytes.littleEndian64(at: record + 48)
            else { throw .damagedZip64Record }
            (disk, directoryDisk, entriesOnDisk, entryCount) = (recordDisk, recordDirectoryDisk, recordEntriesOnDisk, recordEntryCount)
            (directorySize, directoryOffset) = (recordDirectorySize, recordDirectoryOffset)
            directoryEnd = record
        }
        guard disk == 0, directoryDisk == 0, entriesOnDisk == entryCount else { throw .spansSeveralDisks }
        // The directory is right before the end record; any room left in front of it is a prefix.
        guard directorySize <= directoryEnd, directoryOffset <= directoryEnd - directorySize else {
            throw directoryOffset > bytes.count || directorySize > bytes.count - directoryOffset ? .truncated : .damagedDirectory
        }
        // Each entry takes at least 46 bytes of the directory.
        guard entryCount <= directorySize / ZipArchive.directoryRecordSize else { throw .damagedDirectory }
        prefix = directoryEnd - directorySize - directoryOffset
        self.directoryOffset = directoryOffset + prefix
        self.directorySize = directorySize
        self.entryCount = entryCount
    }

    /// The offset of the end-of-central-directory record, if there is one.
    private static func findRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= recordSize else { return nil }
        let lowest = max(0, bytes.count - recordSize - 0xFFFF)
        var found: Int?
        var offset = bytes.count - recordSize
        while offset >= lowest {
            if bytes[offset] == 0x50, bytes.littleEndian32(at: offset) == signature {
                let commentLength = bytes.littleEndian16(at: offset + 20)!
                if offset + recordSize + commentLength == bytes.count { return offset }
                // Otherwise the comment is cut short or followed by other bytes: the last such record, unless a later one fits.
                if found == nil { found = offset }
            }
            offset -= 1
        }
        return found
    }
}
