/// Why a .docx or .odt file could not be read. Each case reads as a
/// sentence for people, to follow the file's path and a colon; the readers
/// turn it into `InputError.document(path:reason:)`.
public enum OfficeDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a ZIP archive, as every .docx and .odt is; `looksLike` says what it seems to be, if anything.
    case notAZipArchive(OfficeFormat, looksLike: String?)
    /// The file is an OLE compound file: a Word 97-2003 .doc, or a document saved with a password.
    case compoundFile(OfficeFormat)
    /// The archive lacks the part that holds the document's text; `otherKind` names what it seems to be instead.
    case missingPart(OfficeFormat, part: String, otherKind: String?)
    /// The document's parts are encrypted: it was saved with a password.
    case encrypted(OfficeFormat)
    /// The ZIP archive could not be read.
    case archive(ArchiveError)
    /// A part declares a document type or an entity, which eqlint never reads.
    case declaration(part: String, kind: Declaration)
    /// A part is written in an encoding other than UTF-8.
    case unsupportedEncoding(part: String, encoding: String)
    /// A part is not well-formed XML.
    case malformedXML(part: String, line: Int, detail: String)
    /// A part's elements nest deeper than eqlint follows.
    case tooDeep(part: String, limit: Int)
    /// The document's text is longer than eqlint reads.
    case tooMuchText(limit: Int)

    /// What a refused declaration declared.
    public enum Declaration: Sendable, Equatable {
        case documentType
        case entity
    }

    public var description: String {
        switch self {
        case .notAZipArchive(let format, let looksLike):
            let what = looksLike.map { "; it looks like \($0)" } ?? ""
            return "is not \(format.nameWithArticle): it is not a ZIP archive, as every such document is\(what)"
        case .compoundFile(.word):
            return "is a Word 97-2003 document (.doc) or a password-protected document, which eqlint cannot read: "
                + "open it in Word, choose File > Save As > Word Document (.docx), and save it without a password"
        case .compoundFile(let format):
            return "is not \(format.nameWithArticle): it is a Word 97-2003 document (.doc) or a password-protected Office document, "
                + "which eqlint cannot read: open it and save it as a Word Document (.docx) or ODF Text Document (.odt), without a password"
        case .missingPart(let format, let part, let otherKind?):
            return "is not \(format.nameWithArticle): it has no \(part)\(otherKind.isEmpty ? "" : "; it looks like \(otherKind)")"
        case .missingPart(let format, let part, nil):
            return "is not \(format.nameWithArticle): it is a ZIP archive without \(part), the part that holds the document's text"
        case .encrypted(let format):
            return "is protected by a password, so its text cannot be read: \(format.howToSave) without a password"
        case .archive(let error):
            return error.description
        case .declaration(let part, .documentType):
            return "its part \(ArchiveError.display(part)) has a document type declaration (<!DOCTYPE>), which no Office document needs; "
                + "eqlint does not read it, as such declarations can expand without end or read other files"
        case .declaration(let part, .entity):
            return "its part \(ArchiveError.display(part)) declares an entity (<!ENTITY>), which no Office document needs; "
                + "eqlint does not read it, as entities can expand without end or read other files"
        case .unsupportedEncoding(let part, let encoding):
            return "its part \(ArchiveError.display(part)) is encoded in \(ArchiveError.display(encoding)), not UTF-8; save the document again"
        case .malformedXML(let part, let line, let detail):
            return "its part \(ArchiveError.display(part)) is damaged: it is not well-formed XML (line \(line): \(ArchiveError.display(detail)))"
        case .tooDeep(let part, let limit):
            return "its part \(ArchiveError.display(part)) nests elements more than \(limit) deep; eqlint stops there"
        case .tooMuchText(let limit):
            return "holds more than \(ByteCountText.describe(limit)) of text, more than any plan; eqlint stops there"
        }
    }
}
