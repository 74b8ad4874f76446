/// What checking one plan file produced, for the reporters.
public struct FileReport: Sendable {
    public var path: String
    /// The file's text, for showing source lines (nil when it could not be read).
    public var source: SourceFile?
    public var diagnostics: [Diagnostic]
    /// The threshold the plan's configuration sets, if it sets one.
    public var failOn: FailThreshold?

    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic], failOn: FailThreshold? = nil) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
        self.failOn = failOn
    }
}

/// Turns the reports of a run into text for one consumer. A pure function.
public protocol Reporter: Sendable {
    func report(_ files: [FileReport]) -> String
}
