/// Where a file stops being UTF-8 text. eqlint reads each sequence that is
/// not UTF-8 as U+FFFD (one character, as an editor shows it) and checks the
/// rest; this records the first such place, for the `invalid-utf8` rule and
/// for rule files, which are refused.
public struct InvalidUTF8: Hashable, Sendable, CustomStringConvertible {
    /// The line and column of the first byte that is not UTF-8.
    public var location: SourceLocation
    /// Its offset in the file as stored, counted from 0 (a byte-order mark counts).
    public var byteOffset: Int
    /// The byte itself.
    public var byte: UInt8
    /// How many sequences in the file are not UTF-8 (each read as one U+FFFD).
    public var count: Int

    public init(location: SourceLocation, byteOffset: Int, byte: UInt8, count: Int) {
        self.location = location
        self.byteOffset = byteOffset
        self.byte = byte
        self.count = count
    }

    /// `byte 0xFF at byte offset 12`, for messages.
    public var description: String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(byteOffset)"
    }
}
