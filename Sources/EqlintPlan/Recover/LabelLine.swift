import EqlintText

/// A line that gives a field: `Lead: Head of School`, `**Lead:** Head`,
/// `**Lead**: Head` (as a paragraph line or list item content).
struct LabelLine {
    var field: FieldName
    /// The label as written.
    var label: Range<Int>
    /// The value after the label; empty when the value follows on later lines.
    var value: Range<Int>

    /// Reads `span` as a label line, if its label is one the vocabulary knows.
    init?(_ bytes: [UInt8], _ span: Range<Int>, vocabulary: Vocabulary) {
        self.init(bytes, span, labels: LabelTable(vocabulary: vocabulary))
    }

    /// Reads `span` as a label line, if its label is one of `labels`.
    init?(_ bytes: [UInt8], _ span: Range<Int>, labels: LabelTable) {
        guard !span.isEmpty else { return nil }
        let first = bytes[span.lowerBound]
        if (first == 0x2A || first == 0x5F), span.count > 4, bytes[span.lowerBound + 1] == first {
            // **Label:** value, or **Label**: value
            let innerStart = span.lowerBound + 2
            var close = innerStart
            while close + 1 < span.upperBound, !(bytes[close] == first && bytes[close + 1] == first) { close += 1 }
            guard close + 1 < span.upperBound else { return nil }
            var after = close + 2
            while after < span.upperBound, ByteText.isSpace(bytes[after]) { after += 1 }
            // `**Lead:**`, or a question: `**Why have we chosen this objective?**`.
            let colonInside = close > innerStart && (bytes[close - 1] == 0x3A || bytes[close - 1] == 0x3F)
            let colonAfter = after < span.upperBound && bytes[after] == 0x3A
            guard colonInside || colonAfter else { return nil }
            if colonAfter { after += 1 }
            // The label keeps a question mark (`Who is responsible?`), not a colon.
            let label = innerStart..<(colonInside && bytes[close - 1] == 0x3A ? close - 1 : close)
            guard let field = labels.field(forInlineLabel: bytes, label) else { return nil }
            self.field = field
            self.label = ByteText.trim(bytes, label)
            value = ByteText.trim(bytes, after..<span.upperBound)
            return
        }
        // `Label: value`, or a question `Who is responsible? SENCo`. The label
        // is short: a colon far into a sentence does not end one.
        // The first `:` or `?` in the line's first 121 bytes, found with `memchr`: most lines have neither.
        let limit = min(span.upperBound, span.lowerBound + 121)
        let firstColon = ByteText.find(bytes, 0x3A, in: span.lowerBound..<limit)
        guard var colon = ByteText.find(bytes, 0x3F, in: span.lowerBound..<(firstColon ?? limit)) ?? firstColon,
              colon > span.lowerBound else { return nil }
        if bytes[colon] == 0x3F, colon + 1 < span.upperBound, bytes[colon + 1] == 0x3A { colon += 1 }  // `Who? :`
        let label = span.lowerBound..<(bytes[colon] == 0x3F ? colon + 1 : colon)
        guard let field = labels.field(forInlineLabel: bytes, label) else { return nil }
        self.field = field
        self.label = ByteText.trim(bytes, label)
        var valueStart = colon + 1
        // `*Lead:* value`, `<strong>Lead:</strong>&nbsp;value`: the closing emphasis belongs to the label.
        while valueStart < span.upperBound {
            if bytes[valueStart] == 0x2A || bytes[valueStart] == 0x5F {
                valueStart += 1
            } else if let length = Markup.spaceLength(bytes, at: valueStart, end: span.upperBound)
                        ?? (bytes[valueStart] == 0x3C ? Markup.tagLength(bytes, at: valueStart, end: span.upperBound) : nil) {
                valueStart += length
            } else {
                break
            }
        }
        value = ByteText.trim(bytes, valueStart..<span.upperBound)
    }
}
