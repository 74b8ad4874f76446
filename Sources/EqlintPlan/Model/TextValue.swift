import EqlintText

/// A piece of a plan's text, in plain words (markup removed), with the
/// range it covers in the file.
public struct TextValue: Hashable, Sendable {
    public var text: String
    public var range: SourceRange
    /// The bytes it covers in the file, from its first character to its last.
    public var span: Range<Int>
    /// The parts of the file it is read from, when it is not one stretch of
    /// text (a table cell that runs onto later rows, between other cells).
    public var parts: [Range<Int>]?

    public init(text: String, range: SourceRange, span: Range<Int>, parts: [Range<Int>]? = nil) {
        self.text = text
        self.range = range
        self.span = span
        self.parts = parts
    }

    public var location: SourceLocation { range.start }

    /// The bytes its words are read from: its parts, or its one span.
    public var spans: [Range<Int>] { parts ?? [span] }

    /// This text and another that comes after it in the file, as one value
    /// (a sentence or a cell split over lines): their words joined with a
    /// space, read from both.
    public func joined(with next: TextValue) -> TextValue {
        TextValue(text: text + " " + next.text, range: SourceRange(start: range.start, end: next.range.end),
                  span: span.lowerBound..<next.span.upperBound, parts: spans + next.spans)
    }
}
