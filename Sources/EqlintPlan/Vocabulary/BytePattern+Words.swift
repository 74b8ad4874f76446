/// A compiled `BytePattern` written as numbers, and read back: how
/// `embed-rules` carries the programs of eqlint's own patterns into eqlint
/// (see `Pattern.compiledWords(of:)`), so that a run reads a program back (a
/// few thousand instructions) instead of compiling it from its source (a
/// hundred thousand or more for a `measures` pattern). The test suite checks
/// that each one read back is the pattern its source compiles to.
extension BytePattern {
    /// Words per step: its kind, two numbers and a byte set (two words).
    private static let wordsPerStep = 5

    /// The compiled pattern of a source as numbers (`words`), or nil when
    /// the source is outside the subset `BytePatternSyntax` reads.
    static func words(compiling source: String, caseSensitive: Bool) -> [UInt64]? {
        BytePattern(source, caseSensitive: caseSensitive)?.words
    }

    /// The pattern as numbers, in the order `init(words:)` reads them.
    var words: [UInt64] {
        var words: [UInt64] = [isAnchored ? 1 : 0, startsAtWordStart ? 1 : 0]
        func append(_ set: ByteSet?) {
            words += [set == nil ? 0 : 1, set?.low ?? 0, set?.high ?? 0]
        }
        func append(_ number: Int) { words.append(UInt64(bitPattern: Int64(number))) }
        append(firstBytes)
        append(leadingPairs?.count ?? -1)
        for pair in leadingPairs ?? [] { append(pair) }
        append(program.count)
        for step in program {
            let (kind, first, second, set): (Int, Int, Int, ByteSet?) = switch step {
            case .consume(let set): (0, 0, 0, set)
            case .consumeCharacter: (1, 0, 0, nil)
            case .split(let preferred, let otherwise): (2, preferred, otherwise, nil)
            case .guardedSplit(let first, let preferred, let otherwise): (3, preferred, otherwise, first)
            case .jump(let to): (4, to, 0, nil)
            case .wordBoundary(let at): (5, at ? 1 : 0, 0, nil)
            case .textStart: (6, 0, 0, nil)
            case .textEnd: (7, 0, 0, nil)
            case .atomic(let body, let next): (8, body, next, nil)
            case .lookaround(let index, let next): (9, index, next, nil)
            case .succeed: (10, 0, 0, nil)
            }
            append(kind)
            append(first)
            append(second)
            words += [set?.low ?? 0, set?.high ?? 0]
        }
        append(lookarounds.count)
        for lookaround in lookarounds {
            append(lookaround.body)
            words += [lookaround.behind ? 1 : 0, lookaround.negated ? 1 : 0]
            append(lookaround.minLength)
            append(lookaround.maxLength)
            append(lookaround.firstBytes)
            append(lookaround.lastBytes)
            switch lookaround.scan {
            case nil: words += [0, 0, 0]
            case .byte(let set): words += [1, set.low, set.high]
            case .character: words += [2, 0, 0]
            }
            append(lookaround.scanFirstBytes)
        }
        return words
    }

    /// The pattern `words` holds, or nil when they are not what `words` writes.
    init?(words: ArraySlice<UInt64>) {
        var reader = WordReader(words: words)
        isAnchored = reader.flag()
        startsAtWordStart = reader.flag()
        firstBytes = reader.optionalSet()
        let pairCount = reader.number()
        guard pairCount * 3 <= reader.remaining else { return nil }
        leadingPairs = pairCount < 0 ? nil : (0..<pairCount).map { _ in reader.optionalSet() ?? .empty }
        let stepCount = reader.number()
        guard stepCount >= 0, reader.remaining >= stepCount * Self.wordsPerStep else { return nil }
        var program: [Step] = []
        program.reserveCapacity(stepCount)
        for _ in 0..<stepCount {
            let kind = reader.number(), first = reader.number(), second = reader.number(), set = reader.set()
            switch kind {
            case 0: program.append(.consume(set))
            case 1: program.append(.consumeCharacter)
            case 2: program.append(.split(preferred: first, otherwise: second))
            case 3: program.append(.guardedSplit(first: set, preferred: first, otherwise: second))
            case 4: program.append(.jump(first))
            case 5: program.append(.wordBoundary(first == 1))
            case 6: program.append(.textStart)
            case 7: program.append(.textEnd)
            case 8: program.append(.atomic(body: first, next: second))
            case 9: program.append(.lookaround(index: first, next: second))
            case 10: program.append(.succeed)
            default: return nil
            }
        }
        self.program = program
        let lookaroundCount = reader.number()
        guard lookaroundCount >= 0, lookaroundCount <= reader.remaining else { return nil }
        var lookarounds: [Lookaround] = []
        for _ in 0..<lookaroundCount {
            let body = reader.number(), behind = reader.flag(), negated = reader.flag()
            let minLength = reader.number(), maxLength = reader.number()
            let first = reader.optionalSet(), last = reader.optionalSet()
            let scanKind = reader.number(), scanSet = reader.set()
            let scan: Scan? = switch scanKind {
            case 1: .byte(scanSet)
            case 2: .character
            default: nil
            }
            lookarounds.append(Lookaround(body: body, behind: behind, negated: negated, minLength: minLength, maxLength: maxLength,
                                          firstBytes: first, lastBytes: last, scan: scan, scanFirstBytes: reader.optionalSet()))
        }
        self.lookarounds = lookarounds
        guard reader.isAtEnd else { return nil }
    }
}

/// Reads `BytePattern.words` in order; past the end, every word reads as 0
/// (and `isAtEnd` is false from then on).
private struct WordReader {
    let words: ArraySlice<UInt64>
    private var at: Int

    init(words: ArraySlice<UInt64>) {
        self.words = words
        at = words.startIndex
    }

    var remaining: Int { max(words.endIndex - at, 0) }
    var isAtEnd: Bool { at == words.endIndex }

    mutating func word() -> UInt64 {
        defer { at += 1 }
        return at < words.endIndex ? words[at] : 0
    }

    mutating func number() -> Int { Int(Int64(bitPattern: word())) }
    mutating func flag() -> Bool { word() == 1 }
    mutating func set() -> ByteSet { ByteSet(low: word(), high: word()) }

    /// A flag, then a set: nil when the flag is 0.
    mutating func optionalSet() -> ByteSet? {
        let present = flag()
        let set = set()
        return present ? set : nil
    }
}
