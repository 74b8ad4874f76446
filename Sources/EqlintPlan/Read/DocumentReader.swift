import EqlintText

/// Turns a file into a `Document`. Each format is one type, listed once in
/// `DocumentReaders.all`; which reader a file gets follows its name.
///
/// Reading is two steps: `load` gives the file's text (the file itself for
/// text formats; for a document that is not text, such as a `.docx`, its
/// text as the reader extracts it), and `read` finds its blocks.
public protocol DocumentReader: Sendable {
    /// The format's name, as `eqlint outline` shows it (`markdown`, `text`, `html`).
    var format: String { get }
    /// File name extensions it reads, in lower case without the dot.
    var fileExtensions: [String] { get }
    /// Whether findings are placed in the plan converted to the plan format
    /// (what `eqlint convert` prints), because the file is not text an
    /// editor shows by lines: true for `.docx`, `.odt` and `.pdf`.
    var placesFindingsInConversion: Bool { get }
    /// The text `read` takes: by default the file itself, refused if binary.
    func load(path: String, displayPath: String) throws(InputError) -> SourceFile
    func read(_ source: SourceFile) -> Document
}

extension DocumentReader {
    public var placesFindingsInConversion: Bool { false }

    public func load(path: String, displayPath: String) throws(InputError) -> SourceFile {
        try SourceFile.read(path: path, displayPath: displayPath)
    }
}

/// The readers eqlint has, and which one reads a file.
public enum DocumentReaders {
    /// Every reader, in the order a file's extension is looked up.
    public static let all: [any DocumentReader] = [MarkdownReader(), TextReader(), HTMLReader(), DocxReader(), OdtReader(), PDFReader()]

    /// The reader for text already loaded: the format it was given (a
    /// converted document is Markdown), else as its name says.
    public static func reader(for source: SourceFile) -> any DocumentReader {
        if let format = source.format, let reader = all.first(where: { $0.format == format }) { return reader }
        return reader(forPath: source.path)
    }

    /// The reader for a file, by its extension; Markdown for any other name
    /// (standard input, a file without an extension). A Word 97-2003 `.doc`
    /// named on the command line goes to the Word reader, which says how to
    /// save it as `.docx` (a folder search does not pick it up).
    public static func reader(forPath path: String) -> any DocumentReader {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return all[0] }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if fileExtension == "doc" { return DocxReader() }
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

extension InputError {
    /// A folder holding no file any reader reads (the error names their
    /// extensions).
    package static func noPlans(path: String) -> InputError {
        .noPlans(path: path, extensions: DocumentReaders.all.compactMap { $0.fileExtensions.first })
    }
}
