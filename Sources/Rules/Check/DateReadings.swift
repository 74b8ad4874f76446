import EqlintText

/// The dates read in one plan's texts, each text read once: the rules about
/// a timescale (`has-end-date`, `dates-in-order`, `dates-readable`,
/// `within-period`, `recorded-when-due`) all read the same entries.
final class DateReadings {
    private var known = TextMemo<DateReading>()

    /// What `DateReader.read` finds in the text.
    func reading(of text: String) -> DateReading {
        // A text with no digit names no date (see `DateReader.read`): it is not looked up.
        guard ByteText.containsDigit(text) else { return .none }
        let lookup = known.lookUp(text)
        if let reading = lookup.answer { return reading }
        let reading = DateReader.read(text)
        known.keep(reading, for: text, lookup)
        return reading
    }

    /// The days the text's dates cover, as `DateReader.span(in:)` gives them.
    func span(in text: String) -> DateSpan? {
        if case .date(let span) = reading(of: text) { return span }
        return nil
    }
}
