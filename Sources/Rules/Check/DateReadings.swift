import EqlintText

/// The dates read in one plan's texts, each text read once: the rules about
/// a timescale (`has-end-date`, `dates-in-order`, `dates-readable`,
/// `within-period`, `recorded-when-due`) all read the same entries.
final class DateReadings {
    private var known: [String: DateReading] = [:]
    /// How many dated texts a plan has, at most, as a rule (its timescales and the dates in its criteria).
    private static let usualCount = 16

    /// What `DateReader.read` finds in the text.
    func reading(of text: String) -> DateReading {
        // A text with no digit names no date (see `DateReader.read`): it is not hashed to be looked up.
        guard ByteText.containsDigit(text) else { return .none }
        if let reading = known[text] { return reading }
        let reading = DateReader.read(text)
        // Room made once, at the first reading kept, for all a plan's dated texts: not grown from one to two to four.
        if known.isEmpty { known.reserveCapacity(Self.usualCount) }
        known[text] = reading
        return reading
    }

    /// The days the text's dates cover, as `DateReader.span(in:)` gives them.
    func span(in text: String) -> DateSpan? {
        if case .date(let span) = reading(of: text) { return span }
        return nil
    }
}
