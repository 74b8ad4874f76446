import EqlintText

/// A reader of an office document (.docx, .odt): the file is a ZIP package
/// whose body converts to Markdown that keeps its structure, which is then
/// read as Markdown. Findings are placed in that conversion, as `eqlint
/// convert` prints it. A reader says only how its format converts.
protocol OfficeDocumentReader: DocumentReader {
    /// The document's text as Markdown.
    static func markdown(_ bytes: [UInt8]) throws(OfficeDocumentError) -> String
}

extension OfficeDocumentReader {
    public var placesFindingsInConversion: Bool { true }

    public func load(path: String, displayPath: String) throws(InputError) -> SourceFile {
        let bytes = try SourceFile.readBytes(path: path, displayPath: displayPath)
        do {
            return SourceFile(path: displayPath, text: try Self.markdown(bytes))
        } catch {
            throw .document(path: displayPath, reason: error.description)
        }
    }

    public func read(_ source: SourceFile) -> Document {
        Document(source: source, format: format, blocks: MarkdownReader().read(source).blocks)
    }
}
