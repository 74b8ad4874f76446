/// Microsoft's OLE compound file (Compound File Binary) format: a Word 97-2003
/// .doc, or any Office document saved with a password (encryption wraps the
/// .docx in one). eqlint does not read these; it recognises them to say so.
public enum OLECompoundFile {
    /// The eight bytes every compound file starts with.
    public static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether `bytes` start with the compound file signature.
    public static func looksLikeOLE(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: signature)
    }
}
