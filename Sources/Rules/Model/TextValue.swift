/// A piece of a plan's text, in plain words (Markdown markup removed), with
/// the range it covers in the file.
public struct TextValue: Hashable, Sendable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }

    public var location: SourceLocation { range.start }
}
