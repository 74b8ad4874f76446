/// Normal forms for matching labels and phrases the way plan-format.md asks:
/// case-insensitively, ignoring punctuation, spacing and a trailing `(s)`.
public enum TextNormalizer {
    /// `Who's responsible?` → `whosresponsible`; `Target group(s)` → `targetgroup`.
    public static func labelKey(_ text: String) -> String {
        var lowered = text.lowercased()
        while let last = lowered.last, !last.isLetter, !last.isNumber, last != ")" { lowered.removeLast() }
        if lowered.hasSuffix("(s)") { lowered.removeLast(3) }
        var key = ""
        key.unicodeScalars.reserveCapacity(lowered.unicodeScalars.count)
        for scalar in lowered.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            key.unicodeScalars.append(scalar)
        }
        return key
    }

    /// Words in lower case, one space apart and one space at each end, so a
    /// phrase matches at word boundaries: `Foster good-relations!` → ` foster good relations `.
    public static func phraseText(_ text: String) -> String {
        var result = " "
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace { result.unicodeScalars.append(" "); pendingSpace = false }
                result.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingSpace = result.count > 1
            }
        }
        return result + " "
    }
}
