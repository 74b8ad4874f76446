import EqlintText

/// Reads a Word document (.docx, WordprocessingML): its body as Markdown
/// that keeps its structure (`WordConverter`, `OfficeMarkdown`); see
/// `OfficeDocumentReader`.
///
/// The main part is the one the package's relationships name
/// (`word/document.xml` in every Word file), with its styles and numbering.
/// Headers, footers, comments and footnotes are left out.
public struct DocxReader: OfficeDocumentReader {
    public init() {}
    public var format: String { "docx" }
    public var fileExtensions: [String] { ["docx"] }

    /// A .docx file's text as Markdown.
    public static func markdown(_ bytes: [UInt8]) throws(OfficeDocumentError) -> String {
        let package = try OfficePackage(bytes: bytes, format: .word)
        let documentPart = mainPart(of: package)
        guard package.contains(documentPart) else {
            // An OpenDocument text named .docx is read all the same.
            if package.contains("content.xml"), package.kind == "an OpenDocument text (.odt)" { return try OdtReader.markdown(package) }
            throw .missingPart(.word, part: documentPart, otherKind: package.kind)
        }
        return try markdown(package, documentPart: documentPart)
    }

    /// The text of a Word package as Markdown, from its main part.
    static func markdown(_ package: OfficePackage, documentPart: String? = nil) throws(OfficeDocumentError) -> String {
        let documentPart = documentPart ?? mainPart(of: package)
        let related = try package.relationships(of: documentPart)
        func part(_ type: String, default name: String) -> String {
            related.first { $0.type.hasSuffix("/" + type) }?.target ?? name
        }
        let styles = try package.xmlIfPresent(part("styles", default: "word/styles.xml")).map(WordStyles.init) ?? WordStyles()
        let numbering = try package.xmlIfPresent(part("numbering", default: "word/numbering.xml")).map { WordNumbering($0, styles: styles) }
            ?? WordNumbering()
        let document = try package.xml(documentPart)
        var converter = WordConverter(styles: styles, numbering: numbering)
        return try OfficePackage.limited(OfficeMarkdown.render(converter.convert(document: document)))
    }

    /// The main document part: the target of the package's `officeDocument` relationship, else `word/document.xml`.
    static func mainPart(of package: OfficePackage) -> String {
        let relationships = (try? package.relationships(of: "")) ?? []
        let main = relationships.first { $0.type.hasSuffix("/officeDocument") }?.target
        if let main, package.contains(main) { return main }
        return "word/document.xml"
    }
}
