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

    public func read(_ source: SourceFile) -> Document {
        var builder = HTMLBlockBuilder(bytes: source.bytes)
        let (blocks, textSpans) = builder.build()
        return Document(source: source, format: format, blocks: blocks, textSpans: textSpans)
    }
}
