import EqlintText

/// Reads a saved web page (`.html`, `.htm`): a school site's page with the
/// plan in it, among the site's navigation, banners, cookie notice and
/// footer. Its blocks' spans point into the page itself, so findings are
/// placed by line and column in the HTML file. It never fails on bad HTML:
/// see `HTMLTokenizer` and `HTMLBlockBuilder` for what it reads and leaves out.
public struct HTMLReader: DocumentReader {
    public init() {}
    public var format: String { "html" }
    public var fileExtensions: [String] { ["html", "htm"] }

    /// The page as UTF-8: one in Windows-1252 that says so is read as it
    /// says (see `HTMLCharset`); any other is read as `SourceFile` reads text.
    public func load(path: String, displayPath: String) throws(InputError) -> SourceFile {
        try SourceFile(path: displayPath, bytes: HTMLCharset.utf8(SourceFile.readBytes(path: path, displayPath: displayPath)))
    }

    public func read(_ source: SourceFile) -> Document {
        var builder = HTMLBlockBuilder(bytes: source.bytes)
        let (blocks, textSpans) = builder.build()
        return Document(source: source, format: format, blocks: blocks, textSpans: textSpans)
    }
}
