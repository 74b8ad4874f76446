/// The document formats eqlint reads from a ZIP package: a Word document
/// (WordprocessingML) and an OpenDocument text (what LibreOffice writes and
/// Google Docs exports).
public enum OfficeFormat: Sendable, Equatable {
    case word
    case openDocument

    /// The format as people know it, with its extension: `Word document (.docx)`.
    public var name: String {
        switch self {
        case .word: return "Word document (.docx)"
        case .openDocument: return "OpenDocument text (.odt)"
        }
    }

    /// The name after "a" or "an": `a Word document (.docx)`.
    public var nameWithArticle: String {
        switch self {
        case .word: return "a \(name)"
        case .openDocument: return "an \(name)"
        }
    }

    /// How to save a document in this format, for messages.
    var howToSave: String {
        switch self {
        case .word: return "open it in Word and choose File > Save As > Word Document (.docx)"
        case .openDocument: return "open it in LibreOffice Writer and choose File > Save As > ODF Text Document (.odt)"
        }
    }
}
