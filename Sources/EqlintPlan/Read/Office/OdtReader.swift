import EqlintText

/// Reads an OpenDocument text (.odt: what LibreOffice writes and Google
/// Docs exports): its body as Markdown that keeps its structure
/// (`OpenDocumentConverter`, `OfficeMarkdown`); see `OfficeDocumentReader`.
public struct OdtReader: OfficeDocumentReader {
    public init() {}
    public var format: String { "odt" }
    public var fileExtensions: [String] { ["odt"] }

    /// An .odt file's text as Markdown.
    public static func markdown(_ bytes: [UInt8]) throws(OfficeDocumentError) -> String {
        let package = try OfficePackage(bytes: bytes, format: .openDocument)
        guard package.contains("content.xml") else {
            // A Word document named .odt is read all the same.
            if package.kind == "a Word document (.docx)" { return try DocxReader.markdown(package) }
            throw .missingPart(.openDocument, part: "content.xml", otherKind: package.kind)
        }
        return try markdown(package)
    }

    /// The text of an OpenDocument package as Markdown.
    static func markdown(_ package: OfficePackage) throws(OfficeDocumentError) -> String {
        // An encrypted document lists how each part is encrypted in its manifest.
        if package.contains("META-INF/manifest.xml"), let manifest = try? package.data("META-INF/manifest.xml"),
           ByteText.find(manifest, "encryption-data", in: 0..<manifest.count) != nil {
            throw .encrypted(.openDocument)
        }
        let content = try package.xml("content.xml")
        let common = try package.xmlIfPresent("styles.xml")
        let styles = OpenDocumentStyles([content] + (common.map { [$0] } ?? []))
        var converter = OpenDocumentConverter(styles: styles)
        return try OfficePackage.limited(OfficeMarkdown.render(converter.convert(content: content)))
    }
}
