/// Terms every reader is taken to know, made ready to compare with an
/// abbreviation (two to six ASCII letters) upper-cased: a term in ASCII
/// letters as its key (`AcronymCheck.upperCasedKey`), a term with any other
/// character upper-cased when asked (`ß` upper-cases to `SS`). A term in
/// ASCII with a byte other than a letter is never an abbreviation's
/// letters upper-cased (`uppercased()` leaves that byte as it is).
struct AlsoKnownTerms {
    /// The keys of the terms in ASCII letters, eight at most.
    private var keys: [UInt64] = []
    /// The terms with a character outside ASCII.
    private var others: [String] = []

    init(_ terms: [String]) {
        for term in terms {
            let utf8 = term.utf8
            if utf8.contains(where: { $0 >= 0x80 }) {
                others.append(term)
            } else if utf8.count <= 8, utf8.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) {
                keys.append(utf8.reduce(0) { $0 << 8 | UInt64($1 & 0xDF) })
            }
        }
    }

    /// Whether a word of ASCII letters, given as its key and upper-cased, is
    /// a term upper-cased: `terms.contains { $0.uppercased() == upper }`.
    func contains(_ key: UInt64, _ upper: @autoclosure () -> String) -> Bool {
        keys.contains(key) || (!others.isEmpty && others.contains { $0.uppercased() == upper() })
    }
}
