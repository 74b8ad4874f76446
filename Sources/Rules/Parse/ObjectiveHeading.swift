/// Recognises an objective's heading text: it starts with the word
/// *Objective* (`Objective 1: Improve attendance`, `Objective three – ...`,
/// `Objective 2`), then an optional number and an optional `:`/`-`/`–`.
struct ObjectiveHeading: Equatable {
    var number: String?
    var title: String

    private static let numberWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ]

    private static let separators: Set<Character> = [":", "-", "\u{2013}", "\u{2014}", ".", ")"]

    init?(_ text: String) {
        guard text.count >= 9, text.prefix(9).lowercased() == "objective" else { return nil }
        var rest = text.dropFirst(9)
        if let next = rest.first, next.isLetter { return nil }  // "Objectives", "Objectively"
        rest = rest.drop { $0 == " " }
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
        }
        rest = rest.drop { $0 == " " || Self.separators.contains($0) }
        title = String(rest)
    }
}
