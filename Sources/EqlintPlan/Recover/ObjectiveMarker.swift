/// Recognises where a plan marks an objective, in a heading, a line or a
/// table cell: `Objective 1: Improve attendance`, `Equality objective 2:`,
/// `Objective three – ...`, `OBJECTIVE 1`, `Link to Objective 1 (see policy)`,
/// `Objective: Reduce bullying`. Markup is already gone from the text.
struct ObjectiveMarker: Equatable {
    /// How the objective is marked.
    enum Kind: Equatable {
        /// `Objective 1: ...`, `Equality objective 2 –`, `Objective three`.
        case numbered
        /// `Link to Objective 1 (see policy)`: a table row that starts objective 1.
        case link
        /// `Objective` or `Objective: ...` with no number.
        case unnumbered
    }

    var kind: Kind
    /// Its number as written (`1`, `2a`; `three` becomes `3`), if any.
    var number: String?
    /// The text after the marker: the objective's statement, when it is given there.
    var title: String
    /// Whether a `:`, `-`, `–`, `.` or `)` follows the word and number.
    var hasSeparator: Bool

    private static let numberWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]

    private static let separators: Set<Character> = [":", "-", "\u{2013}", "\u{2014}", ".", ")"]

    init?(_ text: String) {
        // `Objective`, `Equality objective`, `Link to Objective`: most lines start otherwise.
        guard let first = text.utf8.first(where: { $0 != 0x20 }).map({ $0 | 0x20 }), first == 0x6F || first == 0x65 || first == 0x6C else {
            return nil
        }
        var rest = Substring(text).drop { $0 == " " }
        var kind = Kind.numbered
        if Self.dropWord("link to", from: &rest) {
            kind = .link
        } else {
            _ = Self.dropWord("equality", from: &rest)
        }
        guard Self.dropWord("objective", from: &rest) else { return nil }
        // The number: digits with an optional letter (`2a`), or a word (`three`).
        let token = rest.prefix { $0.isLetter || $0.isNumber }
        if let first = token.first, first.isNumber, token.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter }), token.count <= 4 {
            number = String(token).lowercased()
            rest = rest.dropFirst(token.count)
        } else if let index = Self.numberWords.firstIndex(of: token.lowercased()) {
            number = String(index + 1)
            rest = rest.dropFirst(token.count)
        } else {
            number = nil
            if kind == .link { return nil }
            kind = .unnumbered
        }
        self.kind = kind
        rest = rest.drop { $0 == " " }
        hasSeparator = rest.first.map(Self.separators.contains) ?? false
        rest = rest.drop { $0 == " " || Self.separators.contains($0) }
        title = String(rest)
    }

    /// Drops a word (or words) from the front of the text, ignoring case,
    /// if it is there as a whole word; then the spaces after it.
    private static func dropWord(_ word: String, from text: inout Substring) -> Bool {
        // Compared byte by byte, ASCII case folded: a line may be long, and most do not start so.
        var bytes = text.utf8.makeIterator()
        for expected in word.utf8 {
            guard let byte = bytes.next(), byte | (byte &- 0x41 < 26 ? 0x20 : 0) == expected else { return false }
        }
        let after = text.dropFirst(word.count)
        if let next = after.first, next.isLetter { return false }  // "Objectives", "Objectively"
        text = after.drop { $0 == " " }
        return true
    }

    /// Whether a line of text (not a heading) starts an objective by itself:
    /// a number after the word, then a separator, the end, or a capital
    /// letter (`OBJECTIVE 1 Improve...`), so that "Objective 1 was met last
    /// year" stays a sentence.
    var startsObjectiveInLine: Bool {
        if kind == .link { return true }
        guard kind == .numbered else { return false }
        return hasSeparator || title.isEmpty || (title.first?.isUppercase ?? false)
    }
}
