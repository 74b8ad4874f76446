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
        if let index = asciiReaderIndex(forPath: path) { return all[index] }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return all[0] }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if fileExtension == "doc" { return DocxReader() }
        return all.first { $0.fileExtensions.contains(fileExtension) } ?? all[0]
    }

    /// Each extension's reader, as an index into `all` (the first that
    /// reads it), by the extension's `extensionKey`.
    private static let readerIndexByExtensionKey: [UInt64: Int] = {
        var index: [UInt64: Int] = [:]
        for (position, reader) in all.enumerated() {
            for fileExtension in reader.fileExtensions {
                guard let key = key(of: fileExtension), index[key] == nil else { continue }
                index[key] = position
            }
        }
        return index
    }()

    /// `.doc`'s `extensionKey`.
    private static let wordDocumentKey = key(of: "doc")

    /// An extension's key, as `extensionKey` gives it for a name that ends with it.
    private static func key(of fileExtension: String) -> UInt64? {
        var fileExtension = fileExtension
        return fileExtension.withUTF8 { packed(UnsafeRawBufferPointer($0)) }
    }

    /// The extension of a file's name (after its last dot, not a leading
    /// one), lower-cased and packed into one number: how a name is matched
    /// against the readers' extensions without a string made. Nil when
    /// there is none, or it is longer than eight bytes or not ASCII (no
    /// reader's is).
    private static func extensionKey(ofName name: UnsafeRawBufferPointer) -> UInt64? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return nil }
        return packed(UnsafeRawBufferPointer(rebasing: name[(dot + 1)...]))
    }

    /// Up to eight ASCII bytes, lower-cased, one byte of the number each.
    private static func packed(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard (1...8).contains(bytes.count) else { return nil }
        var key: UInt64 = 0
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            key = key << 8 | UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)
        }
        return key
    }

    /// Whether a reader reads files with this name (its bytes, no folder):
    /// what a folder search picks up.
    package static func hasReader(forName name: UnsafeRawBufferPointer) -> Bool {
        extensionKey(ofName: name).map { readerIndexByExtensionKey[$0] != nil } ?? false
    }

    /// `reader(forPath:)` for an ASCII path (most), by bytes: the last
    /// component's extension looked up once. Nil for any other path, and for a `.doc`.
    private static func asciiReaderIndex(forPath path: String) -> Int? {
        var path = path
        return path.withUTF8 { utf8 -> Int? in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            // The last component that is not empty (as `split` gives it), or the whole path.
            var end = utf8.count
            while end > 0, utf8[end - 1] == 0x2F { end -= 1 }
            var start = end
            while start > 0, utf8[start - 1] != 0x2F { start -= 1 }
            if end == 0 { (start, end) = (0, utf8.count) }
            guard let key = extensionKey(ofName: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: utf8[start..<end]))) else { return 0 }
            if key == wordDocumentKey { return nil }
            return readerIndexByExtensionKey[key] ?? 0
        }
    }

    /// Every extension a folder search picks up by default.
    public static let fileExtensions: [String] = all.flatMap(\.fileExtensions)
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
