#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quick test of a text's bytes that rules out a pattern before the
/// regular expression runs: most patterns start with a word or one of a few
/// words (`\b(?:ensure|promote|…)`), or with a number, and most texts hold
/// none of them. Running Foundation's regular expression costs a few
/// microseconds a call even when nothing matches; this costs a fraction of one.
///
/// The test never rules out a text the pattern matches. It is read from the
/// pattern's source conservatively: zero-width items at the start (`\b`, `^`,
/// look-arounds, flags) are stepped over, then the first thing the match must
/// consume is taken if it is a run of literal letters (or a group whose every
/// branch starts with one) or a digit; anything else gives no prefilter and
/// the pattern always runs. Letters are compared without case, and a text
/// with a character that could fold to ASCII letters (`ß`, `ﬁ`, the Kelvin
/// sign; anything outside ASCII but Latin-1 and general punctuation) is never
/// ruled out, since the pattern may match it case-insensitively.
struct PatternPrefilter: Sendable {
    /// What any match needs somewhere in the text.
    enum Requirement: Sendable, Equatable {
        /// An ASCII digit.
        case digit
        /// One of these runs of bytes, ASCII lower-cased (each at least two bytes long).
        case oneOf([[UInt8]])
    }

    let requirement: Requirement
    /// For `.oneOf`: each run with the place in it of its least common byte
    /// (its anchor), by that byte. The scan stops at anchors, not at first
    /// bytes: `age` is looked for at its `g`, so the many `a`s of a text pass.
    private let runsByAnchor: [[(run: [UInt8], anchor: Int)]]
    /// What the scan does at each byte value, so that most bytes of a text
    /// are passed over after one look-up: `pass`, `candidate` (a digit, or a
    /// run's anchor, in either case) or `nonASCII` (a lead byte of
    /// a character that may fold to ASCII letters).
    private let byteKinds: [UInt8]
    private static let pass: UInt8 = 0, candidate: UInt8 = 1, nonASCII: UInt8 = 2
    /// Each candidate byte repeated over eight bytes, when there are at most
    /// four (`(` or `[`, or a letter in both cases): eight bytes at a time
    /// are then passed over when none is a candidate or outside ASCII.
    private let candidateWords: [UInt64]
    /// The one anchor of every run when it is an ASCII byte with no other
    /// case and that no character folds to (`(` of `\\((name|date)\\)`, `[`):
    /// the text is then searched with `memchr` for it (see `mayMatchAtAnchors`).
    private let soleAnchor: UInt8?

    /// What else every match needs, each tested on its own before
    /// `requirement`: a later item's runs that few bytes anchor (`%` or
    /// `per` of `…\bby\s++\d++\s*+(%|per\s?cent\b)`), so that a text without
    /// them is ruled out without the scan at letters. Only for a pattern
    /// whose own requirement is scanned for a byte at a time (over four
    /// candidate bytes), and only those passed over eight bytes at a time
    /// (four at most): elsewhere they cost more than they save.
    var alsoRequired: [PatternPrefilter] = []

    /// The prefilter for a pattern, or nil when its source does not show one.
    init?(pattern source: String) {
        var analysis = Analysis(source)
        guard let requirement = analysis.requirement() else { return nil }
        self.init(requirement)
        guard soleAnchor == nil, candidateWords.isEmpty else { return }
        // The fewest candidate bytes first.
        alsoRequired = analysis.laterRequirements().filter { $0 != requirement }
            .map { ($0, Self.candidateCount($0)) }.filter { $0.1 <= 4 }
            .sorted { $0.1 < $1.1 }.map { PatternPrefilter($0.0) }
    }

    /// The prefilter that looks for `requirement` alone.
    init(_ requirement: Requirement) {
        self.requirement = requirement
        var byAnchor = [[(run: [UInt8], anchor: Int)]](repeating: [], count: 128)
        var kinds = [UInt8](repeating: Self.pass, count: 256)
        var anchorBytes: Set<UInt8> = []
        switch requirement {
        case .digit:
            for digit in UInt8(0x30)...0x39 { kinds[Int(digit)] = Self.candidate }
        case .oneOf(let runs):
            for run in Self.shortestRuns(runs) {
                let anchor = Self.anchor(of: run)
                let byte = run[anchor]
                byAnchor[Int(byte)].append((run, anchor))
                anchorBytes.insert(byte)
                kinds[Int(byte)] = Self.candidate
                kinds[Int(byte &- 0x61 < 26 ? byte - 0x20 : byte)] = Self.candidate
            }
        }
        // A run's anchor is a letter or a space unless it is the run's rarest
        // byte, a digit or punctuation: those have no other case.
        if anchorBytes.count == 1, let only = anchorBytes.first, only < 0x80, only != 0x20, Self.lowercased(only) == only, only &- 0x61 >= 26 {
            soleAnchor = only
        } else {
            soleAnchor = nil
        }
        // Continuation bytes are judged with their lead byte, and C2 (the
        // rest of Latin-1's first half) never folds to ASCII.
        for lead in 0xC0...0xFF where lead != 0xC2 { kinds[lead] = Self.nonASCII }
        runsByAnchor = byAnchor
        byteKinds = kinds
        let candidates = (0..<128).filter { kinds[$0] == Self.candidate }
        candidateWords = candidates.count <= 4 ? candidates.map { UInt64($0) &* 0x0101_0101_0101_0101 } : []
    }

    /// False when the pattern cannot match `text`; true when it may.
    func mayMatch(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayMatch(bytes: $0) }
    }

    /// `mayMatch` of the text whose UTF-8 `bytes` holds.
    func mayMatch(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for other in alsoRequired where !other.mayMatchOwn(bytes) { return false }
        return mayMatchOwn(bytes)
    }

    /// Whether the text may hold `requirement` (`alsoRequired` not asked).
    private func mayMatchOwn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let soleAnchor { return mayMatchAtAnchors(bytes, anchorByte: soleAnchor) }
        return mayMatchByScan(bytes: bytes)
    }

    /// How many later requirements are tested first (for tests).
    var alsoRequiredCount: Int { alsoRequired.count }

    /// `mayMatch` when every run is anchored at one byte no other character
    /// stands for case-insensitively (`soleAnchor`): each place of that byte,
    /// found with `memchr`, is tried, and nothing else is read. A text with
    /// no such byte cannot match. At a place where no run is spelt out in
    /// ASCII, the text may still match a run through characters that fold to
    /// ASCII letters (`ſ`, `ß`), but only within the bytes such a match would
    /// take: every character of a run stands for at most four bytes of text
    /// (a character matching several of a run's, `ß` for `ss`, takes no more
    /// bytes than they do). So this lets through every text `mayMatchByScan`
    /// does, but for one with a foldable character only far from any anchor
    /// (the pattern cannot match it either), and it costs a few instructions
    /// for each 32 bytes, not several for each 8.
    private func mayMatchAtAnchors(_ bytes: UnsafeBufferPointer<UInt8>, anchorByte: UInt8) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return runsByAnchor.withUnsafeBufferPointer { runsByAnchor in
            let runs = runsByAnchor[Int(anchorByte)]
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, Int32(anchorByte), bytes.count - start) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                for (run, anchor) in runs {
                    if anchor <= index, Self.starts(bytes, at: index - anchor, with: run) { return true }
                    let window = max(0, index - 4 * anchor)..<min(bytes.count, index + 4 * (run.count - anchor))
                    if Self.hasFoldableCharacter(bytes, in: window) { return true }
                }
                start = index + 1
            }
            return false
        }
    }

    /// Whether a character that may fold to ASCII letters starts in `bytes[range]`.
    private static func hasFoldableCharacter(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        for index in range where bytes[index] >= 0xC0 && !cannotFoldToASCII(bytes, at: index) {
            return true
        }
        return false
    }

    /// `mayMatch` by the scan of every byte, of `requirement` only: true at
    /// a run's anchor that starts it, or at any character that may fold to
    /// ASCII letters (for tests: `PatternPrefilterSet` gives this answer for
    /// every pattern).
    func mayMatchByScan(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        byteKinds.withUnsafeBufferPointer { kinds in
            var index = 0
            // Eight bytes at a time while eight are left: a clean block is
            // passed over, and in one that is not the scan goes straight to
            // its first candidate or non-ASCII byte (the bytes before it pass).
            let blockEnd = candidateWords.isEmpty ? 0 : bytes.count - 7
            while index < bytes.count {
                if index < blockEnd {
                    let stops = stopBytes(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    if stops == 0 {
                        index += 8
                        continue
                    }
                    index += stops.trailingZeroBitCount >> 3
                }
                let byte = bytes[index]
                switch kinds[Int(byte)] {
                case Self.pass:
                    break
                case Self.nonASCII:
                    if !Self.cannotFoldToASCII(bytes, at: index) { return true }
                default:
                    guard case .oneOf = requirement else { return true }  // a digit
                    for (run, anchor) in runsByAnchor[Int(Self.lowercased(byte))] where anchor <= index {
                        if Self.starts(bytes, at: index - anchor, with: run) { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// The high bit of each of eight bytes (little-endian) that is a
    /// candidate or outside ASCII, at least: the lowest bit set is always
    /// the first such byte (a bit above it may be set for a byte that is not).
    @inline(__always)
    private func stopBytes(_ block: UInt64) -> UInt64 {
        var stops = block & 0x8080_8080_8080_8080
        for candidate in candidateWords {
            // A byte equal to the candidate is a zero byte of the difference.
            let difference = block ^ candidate
            stops |= (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
        }
        return stops
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with run: [UInt8]) -> Bool {
        guard index + run.count <= bytes.count else { return false }
        for offset in run.indices where lowercased(bytes[index + offset]) != run[offset] {
            return false
        }
        return true
    }

    /// How many byte values the scan for a requirement stops at: its runs'
    /// anchors, a letter in both cases; or the ten digits.
    private static func candidateCount(_ requirement: Requirement) -> Int {
        guard case .oneOf(let runs) = requirement else { return 10 }
        let anchors = Set(shortestRuns(runs).map { $0[anchor(of: $0)] })
        return anchors.reduce(0) { $0 + ($1 &- 0x61 < 26 ? 2 : 1) }
    }

    /// The runs but those that hold another (`increases` holds `increase`):
    /// a text with one has the other, so looking for the shorter is enough,
    /// and fewer runs hang on each anchor (`increase`, `increases` and
    /// `increased` on one `c`).
    static func shortestRuns(_ runs: [[UInt8]]) -> [[UInt8]] {
        runs.filter { run in !runs.contains { $0.count < run.count && holds(run, $0) } }
    }

    /// Whether `part` is somewhere in `run`.
    private static func holds(_ run: [UInt8], _ part: [UInt8]) -> Bool {
        guard part.count <= run.count else { return false }
        for start in 0...(run.count - part.count) where run[start..<start + part.count].elementsEqual(part) { return true }
        return false
    }

    /// How rare each byte is in English text, for `anchor`: a space 0, the
    /// letters from the commonest (1) to the rarest (26), any other byte 27.
    private static let rarities: [UInt8] = {
        var rarities = [UInt8](repeating: 27, count: 256)
        rarities[0x20] = 0
        for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { rarities[Int(letter)] = UInt8(rank + 1) }
        return rarities
    }()

    /// The place in a run of its least common byte by `rarities` (the first
    /// of several): a rare letter, a digit or punctuation, never a space.
    static func anchor(of run: [UInt8]) -> Int {
        let rarities = Self.rarities
        var anchor = 0
        for offset in run.indices where rarities[Int(run[offset])] > rarities[Int(run[anchor])] { anchor = offset }
        return anchor
    }

    /// Whether the character starting at `index` (a byte at or above 0x80)
    /// is one whose case folding has no ASCII letter or digit in it: the rest
    /// of Latin-1 except `ß` (C3 9F), and General Punctuation (E2 80 xx, E2 81 xx:
    /// dashes, curly quotes). A continuation byte of such a character is safe too.
    static func cannotFoldToASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0xC0 { return true }  // a continuation byte, judged with its lead byte
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        switch byte {
        case 0xC2: return true
        case 0xC3: return next != 0x9F
        case 0xE2: return next == 0x80 || next == 0x81
        default: return false
        }
    }
}

/// Reads the start of a pattern's source for `PatternPrefilter`.
private struct Analysis {
    let bytes: [UInt8]
    /// Whether `(?x)` is on: white space between items is ignored.
    var extended = false
    /// Whether a run may be one punctuation byte, and hold punctuation
    /// written without a backslash (`%`): for `laterRequirements`.
    private var allowsPunctuation = false

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// What every match needs, or nil when the source does not show it plainly.
    mutating func requirement() -> PatternPrefilter.Requirement? {
        // Quoted text (\Q…\E), comments (`#`, `(?#…)`) and sets that start
        // with `]` are not worth following.
        if hasUnfollowedSyntax { return nil }
        return alternatives(0..<bytes.count)
    }

    /// What every match needs besides `requirement()`: the requirement of
    /// each item at the top level of the pattern that must match once at
    /// least (a run of literal bytes, a group, a digit), read as `sequence`
    /// reads a branch, with a single punctuation byte (`%`) a run too. Empty
    /// when the pattern has branches at its top level or reads white space
    /// as nothing (`(?x)`); the items after one it cannot read are left out.
    /// Call after `requirement()`.
    mutating func laterRequirements() -> [PatternPrefilter.Requirement] {
        guard !extended, !hasUnfollowedSyntax, !hasTopLevelBranches else { return [] }
        allowsPunctuation = true
        defer { allowsPunctuation = false }
        var found: [PatternPrefilter.Requirement] = []
        let limit = bytes.count
        var index = 0
        // Whether an item that takes text has been passed: the first gave
        // `requirement()` its answer, and a group's is not read again.
        var consumed = false
        while index < limit {
            var required: PatternPrefilter.Requirement?
            let itemEnd: Int
            switch bytes[index] {
            case 0x5E, 0x24:  // ^ $
                index += 1
                continue
            case 0x5C where index + 1 < limit && !Self.isEscapedLiteral(bytes[index + 1]):  // \
                switch bytes[index + 1] {
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "G"), UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    index += 2
                    continue
                case UInt8(ascii: "d"): required = .digit
                case UInt8(ascii: "D"), UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "w"), UInt8(ascii: "W"): break
                default: return found  // \p{…}, \x…, a back reference: not followed
                }
                consumed = true
                itemEnd = index + 2
            case 0x2E:  // .
                consumed = true
                itemEnd = index + 1
            case 0x5B:  // [
                guard let end = classEnd(from: index, limit: limit) else { return found }
                consumed = true
                itemEnd = end + 1
            case 0x28:  // (
                guard let end = groupEnd(from: index, limit: limit) else { return found }
                if let flags = flags(bytes[index + 1..<end]), flags.on.contains(UInt8(ascii: "x")) || flags.off.contains(UInt8(ascii: "x")) {
                    return found
                }
                // A look-around, flags or another kind of group is passed over.
                if let body = plainGroupBody(index..<end) {
                    if consumed { required = alternatives(body) }
                    consumed = true
                }
                itemEnd = end + 1
            default:
                let (run, end) = scanRun(from: index, limit: limit)
                guard !run.isEmpty else { return found }
                // A quantifier after a run is on its last character.
                if isOptional(after: end, limit: limit) || (end < limit && bytes[end] == 0x7B) {
                    if run.count > 1 { required = runRequirement(Array(run.dropLast())) }
                } else {
                    required = runRequirement(run)
                }
                guard let next = quantifierEnd(after: end, limit: limit) else { return found }
                consumed = true
                if let required { found.append(required) }
                index = next
                continue
            }
            if !isOptional(after: itemEnd, limit: limit), let required { found.append(required) }
            guard let next = quantifierEnd(after: itemEnd, limit: limit) else { return found }
            index = next
        }
        return found
    }

    /// Whether the pattern is `a|b` at its top level (or has a group or set that does not close).
    private var hasTopLevelBranches: Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x5C: index += 2
            case 0x5B:
                guard let end = classEnd(from: index, limit: bytes.count) else { return true }
                index = end + 1
            case 0x28:
                guard let end = groupEnd(from: index, limit: bytes.count) else { return true }
                index = end + 1
            case 0x7C: return true
            default: index += 1
            }
        }
        return false
    }

    /// Where the quantifier after an item ends (`?`, `*`, `+` or `{…}`,
    /// with a lazy `?` or possessive `+` after it), or `start` when none
    /// follows; nil for a `{` that does not close. Not for `(?x)`.
    private func quantifierEnd(after start: Int, limit: Int) -> Int? {
        guard start < limit else { return start }
        var index = start
        switch bytes[index] {
        case 0x3F, 0x2A, 0x2B: index += 1
        case 0x7B:
            while index < limit, bytes[index] != 0x7D { index += 1 }
            guard index < limit else { return nil }
            index += 1
        default: return start
        }
        if index < limit, bytes[index] == 0x3F || bytes[index] == 0x2B { index += 1 }
        return index
    }

    /// Whether the source has `\Q`, `#`, `[]` or `[^]` anywhere: one pass
    /// over its bytes, not a search for each.
    private var hasUnfollowedSyntax: Bool {
        bytes.withUnsafeBufferPointer { bytes in
            for index in bytes.indices {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                switch bytes[index] {
                case 0x23: return true  // #
                case 0x5C where next == 0x51: return true  // \Q
                case 0x5B where next == 0x5D: return true  // []
                case 0x5B where next == 0x5E && index + 2 < bytes.count && bytes[index + 2] == 0x5D: return true  // [^]
                default: continue
                }
            }
            return false
        }
    }

    /// The requirement of `a|b|c`: every branch must have one, of the same kind.
    private mutating func alternatives(_ range: Range<Int>) -> PatternPrefilter.Requirement? {
        var branches: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            switch bytes[index] {
            case 0x5C: index += 2
            case 0x5B:
                guard let end = classEnd(from: index, limit: range.upperBound) else { return nil }
                index = end + 1
            case 0x28:
                guard let end = groupEnd(from: index, limit: range.upperBound) else { return nil }
                index = end + 1
            case 0x7C:
                branches.append(start..<index)
                index += 1
                start = index
            default: index += 1
            }
        }
        guard index == range.upperBound else { return nil }
        branches.append(start..<range.upperBound)
        var runs: [[UInt8]] = []
        var digits = 0
        for branch in branches {
            switch sequence(branch) {
            case .digit?: digits += 1
            case .oneOf(let more)?: runs += more
            case nil: return nil
            }
        }
        if digits == branches.count { return .digit }
        return digits == 0 ? .oneOf(runs) : nil
    }

    /// The requirement of a sequence of items: that of the first item that
    /// consumes text, or else of the first look-ahead before it (`(?=\d)`,
    /// `(?=.*?\bbaseline\b)`: what it looks for must be in the text too).
    private mutating func sequence(_ range: Range<Int>) -> PatternPrefilter.Requirement? {
        var index = range.lowerBound
        var ahead: PatternPrefilter.Requirement?
        while index < range.upperBound {
            let byte = bytes[index]
            if extended, Self.isSpace(byte) {
                index += 1
                continue
            }
            switch byte {
            case 0x5E, 0x24:  // ^ $
                index += 1
            case 0x5C:  // \
                guard index + 1 < range.upperBound else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "G"), UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    index += 2
                case UInt8(ascii: "d"):
                    return isOptional(after: index + 2, limit: range.upperBound) ? nil : .digit
                case let escaped where Self.isEscapedLiteral(escaped):
                    return literalRun(from: index, limit: range.upperBound) ?? ahead
                default:
                    return ahead
                }
            case 0x2E:  // `.`: stepped over when it may match nothing (`.*?`)
                guard let end = optionalQuantifierEnd(after: index + 1, limit: range.upperBound) else { return ahead }
                index = end
            case 0x28:  // (
                guard let end = groupEnd(from: index, limit: range.upperBound) else { return nil }
                let inner = bytes[index + 1..<end]
                if inner.starts(with: [0x3F, 0x3D]) {  // (?=
                    if ahead == nil { ahead = alternatives(index + 3..<end) }
                    index = end + 1
                } else if inner.starts(with: [0x3F, 0x21]) || inner.starts(with: [0x3F, 0x3C, 0x3D]) || inner.starts(with: [0x3F, 0x3C, 0x21]) {
                    index = end + 1  // (?! (?<= (?<!
                } else if let flags = flags(inner) {
                    // White space is read differently from here to the end of
                    // the enclosing group: followed only from the very start.
                    if flags.on.contains(UInt8(ascii: "x")) || flags.off.contains(UInt8(ascii: "x")) {
                        guard index == 0 else { return nil }
                        extended = flags.on.contains(UInt8(ascii: "x"))
                    }
                    index = end + 1
                } else {
                    // A named group or another construct is not followed.
                    guard let body = plainGroupBody(index..<end) else { return ahead }
                    if isOptional(after: end + 1, limit: range.upperBound) { return ahead }
                    return alternatives(body) ?? ahead
                }
            default:
                return literalRun(from: index, limit: range.upperBound) ?? ahead
            }
        }
        return ahead
    }

    /// The run of literal letters, digits, spaces and escaped punctuation
    /// (`\(`) starting at `start`, less a last character made optional by a
    /// quantifier. A run followed by a group that must match is joined to the
    /// runs its branches start with: `\((?:name|date)` needs `(name` or `(date`.
    /// Nil if under two bytes.
    private mutating func literalRun(from start: Int, limit: Int) -> PatternPrefilter.Requirement? {
        var (run, index) = scanRun(from: start, limit: limit)
        if !run.isEmpty, isOptional(after: index, limit: limit) || (index < limit && bytes[index] == 0x7B) {
            run.removeLast()  // `?`, `*` or `{…}` after the last character
        } else if !run.isEmpty, index < limit, bytes[index] == 0x28, let end = groupEnd(from: index, limit: limit),
                  !isOptional(after: end + 1, limit: limit), let body = plainGroupBody(index..<end),
                  case .oneOf(let branches)? = alternatives(body) {
            return .oneOf(branches.map { run + $0 })
        }
        return runRequirement(run)
    }

    /// The literal bytes from `start` (ASCII lower-cased) and where they end:
    /// letters, digits, spaces and escaped punctuation, and with
    /// `allowsPunctuation` punctuation that stands for itself unescaped.
    private func scanRun(from start: Int, limit: Int) -> (run: [UInt8], end: Int) {
        var run: [UInt8] = []
        var index = start
        while index < limit {
            let byte = bytes[index]
            if extended, Self.isSpace(byte) {
                index += 1
            } else if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 {
                run.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            } else if byte == 0x5C, index + 1 < limit, Self.isEscapedLiteral(bytes[index + 1]) {
                run.append(bytes[index + 1])
                index += 2
            } else if allowsPunctuation, Self.isPlainPunctuation(byte) {
                run.append(byte)
                index += 1
            } else {
                break
            }
        }
        return (run, index)
    }

    /// A run as a requirement: two bytes at least, or with
    /// `allowsPunctuation` one punctuation byte (`%`); else nil.
    private func runRequirement(_ run: [UInt8]) -> PatternPrefilter.Requirement? {
        if run.count >= 2 { return .oneOf([run]) }
        if allowsPunctuation, let only = run.first, Self.isPlainPunctuation(only) || Self.isEscapedLiteral(only) { return .oneOf([run]) }
        return nil
    }

    /// ASCII punctuation that stands for itself in a pattern without a
    /// backslash (outside a set), and that no other character matches
    /// without case: `%`, `&`, `@`, `,`, `;`, `:` and the like.
    private static func isPlainPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// The inside of a group that is matched as it stands, `(…)`, `(?:…)` or
    /// `(?>…)`, given the range from its `(` to its `)`; nil for any other kind.
    private func plainGroupBody(_ group: Range<Int>) -> Range<Int>? {
        let inner = bytes[group.lowerBound + 1..<group.upperBound]
        if inner.first != 0x3F { return group.lowerBound + 1..<group.upperBound }
        if inner.starts(with: [0x3F, 0x3A]) || inner.starts(with: [0x3F, 0x3E]) { return group.lowerBound + 3..<group.upperBound }
        return nil
    }

    /// ASCII punctuation that stands for itself after a backslash.
    private static func isEscapedLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "$"),
             UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Where the quantifier after an item ends, when it lets the item match
    /// nothing: `*`, `?` or `{0…}`, with a lazy `?` or possessive `+` after it.
    private func optionalQuantifierEnd(after start: Int, limit: Int) -> Int? {
        guard isOptional(after: start, limit: limit) else { return nil }
        var index = start
        while extended, index < limit, Self.isSpace(bytes[index]) { index += 1 }
        if bytes[index] == 0x7B {
            while index < limit, bytes[index] != 0x7D { index += 1 }
            guard index < limit else { return nil }
        }
        index += 1
        while extended, index < limit, Self.isSpace(bytes[index]) { index += 1 }
        if index < limit, bytes[index] == 0x3F || bytes[index] == 0x2B { index += 1 }
        return index
    }

    /// Whether the item ending just before `index` may match nothing: followed
    /// by `?`, `*` or `{0` (in extended mode, after any white space).
    private func isOptional(after start: Int, limit: Int) -> Bool {
        var index = start
        while extended, index < limit, Self.isSpace(bytes[index]) { index += 1 }
        guard index < limit else { return false }
        switch bytes[index] {
        case 0x3F, 0x2A: return true
        case 0x7B: return index + 1 < limit && bytes[index + 1] == 0x30
        default: return false
        }
    }

    /// Inline flags such as `?x` or `?s-i` (the group's inside, without parentheses).
    private func flags(_ inner: ArraySlice<UInt8>) -> (on: [UInt8], off: [UInt8])? {
        guard inner.first == 0x3F, inner.count > 1 else { return nil }
        var on: [UInt8] = []
        var off: [UInt8] = []
        var turningOff = false
        for byte in inner.dropFirst() {
            if byte == 0x2D {
                turningOff = true
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
                if turningOff { off.append(byte) } else { on.append(byte) }
            } else {
                return nil
            }
        }
        return (on, off)
    }

    /// The index of the `)` closing the group opened at `start`, or nil.
    private func groupEnd(from start: Int, limit: Int) -> Int? {
        var depth = 0
        var index = start
        while index < limit {
            switch bytes[index] {
            case 0x5C: index += 1
            case 0x5B:
                guard let end = classEnd(from: index, limit: limit) else { return nil }
                index = end
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index of the `]` closing the set opened at `start` (sets nest in ICU), or nil.
    private func classEnd(from start: Int, limit: Int) -> Int? {
        var depth = 0
        var index = start
        while index < limit {
            switch bytes[index] {
            case 0x5C: index += 1
            case 0x5B: depth += 1
            case 0x5D:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
