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
        add(terms)
    }

    /// Takes more terms.
    mutating func add(_ terms: [String]) {
        keys.reserveCapacity(keys.count + terms.count)
        for term in terms {
            // Read as bytes in place: a term's UTF-8 view read three times over cost some four hundred steps.
            let reading = term.utf8.withContiguousStorageIfAvailable(Self.reading) ?? Array(term.utf8).withUnsafeBufferPointer(Self.reading)
            switch reading {
            case .other: others.append(term)
            case .key(let key): keys.append(key)
            case .never: break
            }
        }
    }

    /// What a term's bytes make it.
    private enum Reading {
        /// ASCII letters, eight at most: their key.
        case key(UInt64)
        /// A character outside ASCII: compared upper-cased when asked.
        case other
        /// ASCII, but no abbreviation's letters upper-cased.
        case never
    }

    /// What a term's bytes make it (`Reading`).
    private static func reading(_ utf8: UnsafeBufferPointer<UInt8>) -> Reading {
        var key: UInt64 = 0
        var isLetters = true
        for byte in utf8 {
            if byte >= 0x80 { return .other }
            isLetters = isLetters && (byte | 0x20) &- 0x61 < 26
            key = key << 8 | UInt64(byte & 0xDF)
        }
        return isLetters && utf8.count <= 8 ? .key(key) : .never
    }

    /// Whether a word of ASCII letters, given as its key and upper-cased, is
    /// a term upper-cased: `terms.contains { $0.uppercased() == upper }`.
    func contains(_ key: UInt64, _ upper: @autoclosure () -> String) -> Bool {
        keys.contains(key) || (!others.isEmpty && others.contains { $0.uppercased() == upper() })
    }
}
