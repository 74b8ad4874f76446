/// One entry of a ZIP archive as its central directory describes it. The
/// sizes and checksum are what the archive declares; `ZipArchive.data(for:limit:)`
/// checks the bytes against them.
public struct ZipEntry: Sendable, Equatable {
    /// The stored name, exactly (a folder's ends with `/`).
    public let name: String
    /// The compression method: 0 stored, 8 DEFLATE (the only two eqlint reads).
    public let method: Int
    /// The general-purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name.
    public let flags: Int
    /// The CRC-32 of the entry's bytes.
    public let crc32: UInt32
    /// The size of the entry's data in the archive.
    public let compressedSize: Int
    /// The size of the entry's bytes once inflated.
    public let uncompressedSize: Int
    /// Where the entry's local header starts in the archive.
    let localHeaderOffset: Int

    /// Whether the entry is encrypted (flag bit 0, or WinZip's AES method 99).
    public var isEncrypted: Bool { flags & 1 != 0 || method == 99 }

    /// Whether the entry is a folder rather than a file.
    public var isDirectory: Bool { name.hasSuffix("/") }
}
