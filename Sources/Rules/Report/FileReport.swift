/// What checking one plan file produced, for the reporters.
public struct FileReport: Sendable {
    public var path: String
    /// The file's text, for showing source lines (nil when it could not be read).
    public var source: SourceFile?
    public var diagnostics: [Diagnostic]

    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
    }
}

/// Turns the reports of a run into text for one consumer. A pure function.
public protocol Reporter: Sendable {
    func report(_ files: [FileReport]) -> String
}
