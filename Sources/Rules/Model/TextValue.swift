/// A piece of a plan's text, in plain words (Markdown markup removed), with
/// the range it covers in the file.
public struct TextValue: Hashable, Sendable {
    public var text: String
    public var range: SourceRange
    /// The bytes it covers in the file.
    public var span: Range<Int>

    public init(text: String, range: SourceRange, span: Range<Int>) {
        self.text = text
        self.range = range
        self.span = span
    }

    public var location: SourceLocation { range.start }
}
