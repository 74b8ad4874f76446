/// Turns a file into a `Document`. Each format is one type, listed once in
/// `DocumentReaders.all`; which reader a file gets follows its name.
public protocol DocumentReader: Sendable {
    /// The format's name, as `eqlint outline` shows it (`markdown`, `text`).
    var format: String { get }
    /// File name extensions it reads, in lower case without the dot.
    var fileExtensions: [String] { get }
    func read(_ source: SourceFile) -> Document
}

/// The readers eqlint has, and which one reads a file.
public enum DocumentReaders {
    /// Every reader, in the order a file's extension is looked up.
    public static let all: [any DocumentReader] = [MarkdownReader(), TextReader()]

    /// The reader for a file, by its extension; Markdown for any other name
    /// (standard input, a file without an extension).
    public static func reader(forPath path: String) -> any DocumentReader {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return all[0] }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        return all.first { $0.fileExtensions.contains(fileExtension) } ?? all[0]
    }

    /// Every extension a folder search picks up by default.
    public static var fileExtensions: [String] { all.flatMap(\.fileExtensions) }
}

/// Reads Markdown, as `docs/plan-format.md` describes it and as people write
/// it otherwise; plain-text layouts (tab rows, `•` bullets) are read too.
public struct MarkdownReader: DocumentReader {
    public init() {}
    public var format: String { "markdown" }
    public var fileExtensions: [String] { ["md", "markdown"] }

    public func read(_ source: SourceFile) -> Document {
        Document(source: source, format: format, blocks: BlockScanner(source: source, dialect: .markdown).blocks())
    }
}

/// Reads plain text as schools have it: a Word document saved as text, or
/// text copied from a web page or a PDF.
public struct TextReader: DocumentReader {
    public init() {}
    public var format: String { "text" }
    public var fileExtensions: [String] { ["txt", "text"] }

    public func read(_ source: SourceFile) -> Document {
        Document(source: source, format: format, blocks: BlockScanner(source: source, dialect: .text).blocks())
    }
}
