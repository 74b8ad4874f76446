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
        // ASCII text (most) is read by bytes; the same steps, character by character, for the rest.
        var copy = text
        if let read = copy.withUTF8({ Self.readASCII($0) }) {
            guard let read else { return nil }
            self = read
            return
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

    private init(kind: Kind, number: String?, title: String, hasSeparator: Bool) {
        self.kind = kind
        self.number = number
        self.title = title
        self.hasSeparator = hasSeparator
    }

    /// The marker in an ASCII text, read by bytes as `init?(_:)` reads
    /// characters (in ASCII a letter or digit is one byte, and the
    /// separators are `:`, `-`, `.` and `)`); nil when the text is not
    /// ASCII, `.some(nil)` when it marks no objective.
    private static func readASCII(_ text: UnsafeBufferPointer<UInt8>) -> ObjectiveMarker?? {
        var nonASCII: UInt8 = 0
        for byte in text { nonASCII |= byte }
        guard nonASCII < 0x80 else { return nil }
        func isAlphanumeric(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x3A || byte == 0x2D || byte == 0x2E || byte == 0x29 }
        func skipSpaces(_ index: inout Int) { while index < text.count, text[index] == 0x20 { index += 1 } }
        func dropWord(_ word: StaticString, _ index: inout Int) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= text.count else { return false }
            for offset in 0..<count {
                let byte = text[index + offset]
                guard byte | (byte &- 0x41 < 26 ? 0x20 : 0) == word.utf8Start[offset] else { return false }
            }
            if index + count < text.count, (text[index + count] | 0x20) &- 0x61 < 26 { return false }  // "Objectives"
            index += count
            skipSpaces(&index)
            return true
        }
        var index = 0
        skipSpaces(&index)
        var kind = Kind.numbered
        if dropWord("link to", &index) {
            kind = .link
        } else {
            _ = dropWord("equality", &index)
        }
        guard dropWord("objective", &index) else { return .some(nil) }
        var tokenEnd = index
        while tokenEnd < text.count, isAlphanumeric(text[tokenEnd]) { tokenEnd += 1 }
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[index..<tokenEnd]), as: UTF8.self).lowercased()
        let number: String?
        if tokenEnd > index, text[index] &- 0x30 < 10, tokenEnd - index <= 4 {
            number = token
            index = tokenEnd
        } else if let position = numberWords.firstIndex(of: token) {
            number = String(position + 1)
            index = tokenEnd
        } else {
            number = nil
            if kind == .link { return .some(nil) }
            kind = .unnumbered
        }
        skipSpaces(&index)
        let hasSeparator = index < text.count && isSeparator(text[index])
        while index < text.count, text[index] == 0x20 || isSeparator(text[index]) { index += 1 }
        let title = String(decoding: UnsafeBufferPointer(rebasing: text[index...]), as: UTF8.self)
        return .some(ObjectiveMarker(kind: kind, number: number, title: title, hasSeparator: hasSeparator))
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
