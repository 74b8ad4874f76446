/// Why a ZIP archive (a .docx or .odt file) or one of its entries could not
/// be read. Each case reads as a sentence for people, to follow the file's
/// path and a colon; entry names in it have their control characters escaped.
public enum ArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No end-of-central-directory record, and no ZIP signature at the start.
    case notAZipArchive
    /// The archive ends before a record or an entry's data does.
    case truncated
    /// The archive is one part of a split (multi-disk) archive.
    case spansSeveralDisks
    /// The central directory, the archive's list of entries, does not hold together.
    case damagedDirectory
    /// A ZIP64 record or extra field is missing, malformed, or gives impossible values.
    case damagedZip64Record
    /// An entry's local header is not where the central directory says.
    case damagedLocalHeader(entry: String)
    /// An entry is encrypted (general-purpose flag bit 0, or WinZip AES, method 99).
    case passwordProtected(entry: String)
    /// An entry is compressed with a method other than stored (0) or DEFLATE (8).
    case unsupportedMethod(entry: String, method: Int)
    /// An entry declares more bytes than the caller allows; nothing was inflated.
    case entryTooLarge(entry: String, limit: Int)
    /// An entry inflates to another size than it declares (`actual` nil: to more).
    case sizeMismatch(entry: String, declared: Int, actual: Int?)
    /// An entry's bytes do not have the CRC-32 it declares.
    case checksumMismatch(entry: String, declared: UInt32, actual: UInt32)
    /// An entry's DEFLATE data is malformed.
    case damagedData(entry: String, InflateError)
    /// The archive has no entry of that name.
    case noSuchEntry(String)

    public var description: String {
        switch self {
        case .notAZipArchive:
            return "is not a ZIP archive"
        case .truncated:
            return "the archive is cut short (truncated)"
        case .spansSeveralDisks:
            return "is one part of an archive split over several files (disks); eqlint reads only whole archives"
        case .damagedDirectory:
            return "the archive is damaged: its list of entries (the central directory) does not hold together"
        case .damagedZip64Record:
            return "the archive is damaged: a ZIP64 record, which gives sizes and places too large for the older fields, is missing or malformed"
        case .damagedLocalHeader(let entry):
            return "the entry \(Self.display(entry)) is damaged: its header is not where the archive's list of entries says"
        case .passwordProtected(let entry):
            return "is protected by a password (its entry \(Self.display(entry)) is encrypted); save a copy without a password"
        case .unsupportedMethod(let entry, let method):
            return "the entry \(Self.display(entry)) is compressed with method \(method)\(Self.methodName(method)), "
                + "which eqlint cannot read (only stored and DEFLATE entries)"
        case .entryTooLarge(let entry, let limit):
            return "the entry \(Self.display(entry)) would inflate to more than \(ByteCountText.describe(limit)); eqlint stops there"
        case .sizeMismatch(let entry, let declared, let actual?):
            return "the entry \(Self.display(entry)) is damaged: it holds \(ByteCountText.grouped(actual)) bytes, "
                + "not the \(ByteCountText.grouped(declared)) it declares"
        case .sizeMismatch(let entry, let declared, nil):
            return "the entry \(Self.display(entry)) is damaged: it inflates to more than the \(ByteCountText.grouped(declared)) bytes it declares"
        case .checksumMismatch(let entry, let declared, let actual):
            return "the entry \(Self.display(entry)) is damaged: its CRC-32 checksum is \(Self.hex(actual)), not \(Self.hex(declared)) as declared"
        case .damagedData(let entry, let error):
            return "the entry \(Self.display(entry)) is damaged: \(error)"
        case .noSuchEntry(let name):
            return "the archive has no entry \(Self.display(name))"
        }
    }

    /// The names of the methods of the ZIP specification (APPNOTE 4.4.5) a document might meet.
    static func methodName(_ method: Int) -> String {
        switch method {
        case 1: return " (shrink)"
        case 2, 3, 4, 5: return " (reduce)"
        case 6: return " (implode)"
        case 9: return " (Deflate64)"
        case 12: return " (bzip2)"
        case 14: return " (LZMA)"
        case 93: return " (Zstandard)"
        case 95: return " (XZ)"
        case 98: return " (PPMd)"
        default: return ""
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// A name as it is, but for control characters (a line break, an escape), each shown as \u{…}.
    static func display(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
