/// A regular expression read into a tree, when it is within the subset
/// `BytePattern` matches without Foundation; `BytePatternSyntax.parse`
/// reads a source and gives nil for anything outside the subset, which then
/// runs on `NSRegularExpression` as before.
///
/// The subset is what eqlint's own patterns use, read exactly as ICU reads it:
///
/// - flags at the very start only: `(?x)`, `(?s)`, `(?i)`, `(?-i)` and their
///   combinations;
/// - ASCII literals (letters without case unless the pattern is case-sensitive)
///   and escaped ASCII punctuation (`\.`, `\+`, `\(`), `\n`, `\t`, `\r`;
/// - `.` (in `(?s)`, `\r\n` is one character to it, as to ICU), `\d`, `\D`, `\s`, `\S`, `\w`, `\W`, and sets such as `[\w'-]`,
///   `[^\s,.;:]`, `[a-z]`: ASCII members and ranges, class escapes, and single
///   characters of General Punctuation (U+2000 to U+206F: dashes, quotes),
///   which no ASCII character matches even without case;
/// - groups `(…)`, `(?:…)`, atomic groups `(?>…)`, look-ahead `(?=…)`,
///   `(?!…)` and look-behind `(?<=…)`, `(?<!…)` of bounded length;
/// - alternation, `\b`, `\B`, `^` and `$` (neither `$` nor `(?s).` in a look-behind);
/// - `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}` (up to 100), greedy, lazy (`?`)
///   or possessive (`+`), on an item that cannot match empty text (`?` on any).
///
/// Outside it, so left to Foundation: comments (`#` in `(?x)`), white space in
/// a set under `(?x)`, nested sets and set operations, properties (`\p{…}`),
/// back references, named groups, `\Q…\E`, `\A`, `\z`, flags after the start,
/// any other non-ASCII character, and anything this reader is unsure of.
///
/// Only the cases holding one node are boxed (`indirect`): a set, the node
/// of each literal byte, is held in its sequence's array itself, not
/// allocated on its own (a long list of words is thousands of them).
enum BytePatternNode: Sendable, Equatable {
    /// One byte from the set.
    case set(ByteSet)
    /// `.` in `(?s)`: any character, and `\r\n` as one, as ICU has it.
    case anyCharacter
    /// Each in turn.
    case sequence([BytePatternNode])
    /// The first branch that leads to a match, in order.
    case alternation([BytePatternNode])
    /// The item `min` to `max` times (nil: no limit).
    indirect case repetition(BytePatternNode, min: Int, max: Int?, mode: RepetitionMode)
    /// `(?>…)`: the first way the item matches, never tried another way.
    indirect case atomic(BytePatternNode)
    /// A look-around: zero width, atomic, as in ICU.
    indirect case lookaround(BytePatternNode, behind: Bool, negated: Bool)
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    /// `^` without multi-line mode: the start of the text.
    case textStart
    /// `$` without multi-line mode: the end of the text, or before a line
    /// terminator that ends it.
    case textEnd

    enum RepetitionMode: Sendable, Equatable {
        case greedy, lazy, possessive
    }

    /// The fewest bytes a match consumes.
    var minLength: Int {
        switch self {
        case .set, .anyCharacter: 1
        case .sequence(let items): items.reduce(0) { $0 + $1.minLength }
        case .alternation(let branches): branches.map(\.minLength).min() ?? 0
        case .repetition(let item, let min, _, _): item.minLength * min
        case .atomic(let item): item.minLength
        case .lookaround, .wordBoundary, .textStart, .textEnd: 0
        }
    }

    /// The most bytes a match consumes, or nil when there is no limit.
    var maxLength: Int? {
        switch self {
        case .set: return 1
        case .anyCharacter: return 2
        case .sequence(let items):
            var total = 0
            for item in items {
                guard let length = item.maxLength else { return nil }
                total += length
            }
            return total
        case .alternation(let branches):
            var longest = 0
            for branch in branches {
                guard let length = branch.maxLength else { return nil }
                longest = Swift.max(longest, length)
            }
            return longest
        case .repetition(let item, _, let max, _):
            guard let max, let length = item.maxLength else { return item.maxLength == 0 ? 0 : nil }
            return length * max
        case .atomic(let item): return item.maxLength
        case .lookaround, .wordBoundary, .textStart, .textEnd: return 0
        }
    }

    /// The bytes a match can start with, and whether it can match empty text
    /// (then it may start anywhere).
    var firstBytes: (set: ByteSet, canBeEmpty: Bool) {
        switch self {
        case .set(let set): return (set, false)
        case .anyCharacter: return (.all, false)
        case .sequence(let items): return Self.firstBytes(ofSequence: items[...])
        case .alternation(let branches):
            var set = ByteSet.empty
            var canBeEmpty = false
            for branch in branches {
                let first = branch.firstBytes
                set = set.union(first.set)
                canBeEmpty = canBeEmpty || first.canBeEmpty
            }
            return (set, canBeEmpty)
        case .repetition(let item, let min, _, _):
            let first = item.firstBytes
            return (first.set, first.canBeEmpty || min == 0)
        case .atomic(let item): return item.firstBytes
        case .lookaround, .wordBoundary, .textStart, .textEnd: return (.empty, true)
        }
    }

    /// The bytes a match of the items one after another can start with, and whether it can be empty.
    static func firstBytes(ofSequence items: ArraySlice<BytePatternNode>) -> (set: ByteSet, canBeEmpty: Bool) {
        var set = ByteSet.empty
        for item in items {
            let first = item.firstBytes
            set = set.union(first.set)
            if !first.canBeEmpty { return (set, false) }
        }
        return (set, true)
    }

    /// The bytes a match can end with, and whether it can match empty text.
    var lastBytes: (set: ByteSet, canBeEmpty: Bool) {
        switch self {
        case .sequence(let items):
            var set = ByteSet.empty
            for item in items.reversed() {
                let last = item.lastBytes
                set = set.union(last.set)
                if !last.canBeEmpty { return (set, false) }
            }
            return (set, true)
        case .alternation(let branches):
            var set = ByteSet.empty
            var canBeEmpty = false
            for branch in branches {
                let last = branch.lastBytes
                set = set.union(last.set)
                canBeEmpty = canBeEmpty || last.canBeEmpty
            }
            return (set, canBeEmpty)
        case .repetition(let item, let min, _, _):
            let last = item.lastBytes
            return (last.set, last.canBeEmpty || min == 0)
        case .atomic(let item): return item.lastBytes
        case .set, .anyCharacter, .lookaround, .wordBoundary, .textStart, .textEnd: return firstBytes
        }
    }

    /// Adds to `table` (128 sets, one for each ASCII byte) the pairs of bytes a
    /// match that consumes a byte can start with, when the bytes after the
    /// match start with one of `follow`: each first byte's set gets the bytes
    /// that may come second. Never leaves a pair out; may add some that no
    /// match starts with (look-arounds, `\b` and atomic groups are taken to allow anything).
    func addLeadingPairs(followedBy follow: ByteSet, to table: inout [ByteSet]) {
        switch self {
        case .set(let set):
            set.forEach { table[Int($0)] = table[Int($0)].union(follow) }
        case .anyCharacter:
            // `\r\n` is one character: its second byte need not be in `follow`.
            for byte in table.indices { table[byte] = .all }
        case .sequence(let items):
            // An item that can be empty may leave the first byte to the next; the items after the first that
            // cannot be empty start no match (and are not looked at).
            for index in items.indices {
                // What may follow the item: the first bytes of the items after it, and `follow` if they can all be empty.
                let rest = Self.firstBytes(ofSequence: items[(index + 1)...])
                items[index].addLeadingPairs(followedBy: rest.canBeEmpty ? rest.set.union(follow) : rest.set, to: &table)
                if !items[index].firstBytes.canBeEmpty { break }
            }
        case .alternation(let branches):
            for branch in branches { branch.addLeadingPairs(followedBy: follow, to: &table) }
        case .repetition(let item, _, _, _):
            // Each time the item is taken, it may be taken again.
            item.addLeadingPairs(followedBy: item.firstBytes.set.union(follow), to: &table)
        case .atomic(let item): item.addLeadingPairs(followedBy: follow, to: &table)
        case .lookaround, .wordBoundary, .textStart, .textEnd: break
        }
    }
}

/// Reads a pattern's source into a `BytePatternNode`, or finds it outside the subset.
struct BytePatternSyntax {
    /// Why a source is outside the subset (the reason is not kept: any is enough).
    struct Unsupported: Error {}

    private let bytes: [UInt8]
    private var index = 0
    /// `(?x)`: white space between items is ignored.
    private var extended = false
    /// `(?s)`: `.` matches line terminators too.
    private var dotMatchesAll = false
    private var caseInsensitive: Bool
    /// How many look-behinds enclose the item being read.
    private var lookBehindDepth = 0

    private init(_ source: String, caseSensitive: Bool) {
        bytes = Array(source.utf8)
        caseInsensitive = !caseSensitive
    }

    /// The tree of a pattern, or nil when it is outside the subset.
    static func parse(_ source: String, caseSensitive: Bool) -> BytePatternNode? {
        var syntax = BytePatternSyntax(source, caseSensitive: caseSensitive)
        do throws(Unsupported) {
            try syntax.readLeadingFlags()
            let node = try syntax.alternation()
            guard syntax.index == syntax.bytes.count else { return nil }
            return node
        } catch {
            return nil
        }
    }

    // MARK: - Structure

    /// `(?x)`, `(?s-i)` and the like at the start of the pattern.
    private mutating func readLeadingFlags() throws(Unsupported) {
        while index + 2 < bytes.count, bytes[index] == 0x28, bytes[index + 1] == 0x3F {
            var end = index + 2
            while end < bytes.count, Self.isFlagByte(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == 0x29 else {
                // Not a flags group (`(?:`, `(?=`): read as an item; `(?i:` and others fail there.
                if end > index + 2 { throw Unsupported() }
                return
            }
            guard end > index + 2 else { throw Unsupported() }
            var turningOff = false
            for byte in bytes[index + 2..<end] {
                switch byte {
                case 0x2D:
                    guard !turningOff else { throw Unsupported() }
                    turningOff = true
                case UInt8(ascii: "x"): extended = !turningOff
                case UInt8(ascii: "s"): dotMatchesAll = !turningOff
                case UInt8(ascii: "i"): caseInsensitive = !turningOff
                default: throw Unsupported()
                }
            }
            index = end + 1
            try skipSpace()
        }
    }

    private static func isFlagByte(_ byte: UInt8) -> Bool {
        byte == 0x2D || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// Branches separated by `|`, up to a `)` or the end.
    private mutating func alternation() throws(Unsupported) -> BytePatternNode {
        var branches = [try sequence()]
        while index < bytes.count, bytes[index] == 0x7C {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    /// Items, each with its quantifier, up to a `|`, a `)` or the end.
    private mutating func sequence() throws(Unsupported) -> BytePatternNode {
        var items: [BytePatternNode] = []
        // Room for a word or so at once: most sequences are a few literal bytes.
        items.reserveCapacity(8)
        while true {
            try skipSpace()
            guard index < bytes.count, bytes[index] != 0x7C, bytes[index] != 0x29 else { break }
            let item = try atom()
            items.append(try quantified(item))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// In `(?x)`, steps over white space (ICU's pattern white space, in ASCII
    /// tab to carriage return and space); a comment is outside the subset.
    private mutating func skipSpace() throws(Unsupported) {
        guard extended else { return }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                index += 1
            } else if byte == 0x23 {
                throw Unsupported()
            } else {
                return
            }
        }
    }

    /// The quantifier after an item, if any.
    private mutating func quantified(_ item: BytePatternNode) throws(Unsupported) -> BytePatternNode {
        try skipSpace()
        guard index < bytes.count else { return item }
        var min = 0
        var max: Int?
        let isOptional = bytes[index] == 0x3F
        switch bytes[index] {
        case 0x3F: max = 1
        case 0x2A: break
        case 0x2B: min = 1
        case 0x7B:
            (min, max) = try interval()
            index -= 1
        default: return item
        }
        index += 1
        switch item {
        case .lookaround, .wordBoundary, .textStart, .textEnd: throw Unsupported()
        default: break
        }
        // A repeated item that can match empty text: ICU's loops stop on it in
        // their own way; only `?` (no loop) is taken.
        if item.minLength == 0, !isOptional { throw Unsupported() }
        try skipSpace()
        var mode = BytePatternNode.RepetitionMode.greedy
        if index < bytes.count, bytes[index] == 0x3F {
            mode = .lazy
            index += 1
        } else if index < bytes.count, bytes[index] == 0x2B {
            mode = .possessive
            index += 1
        }
        try skipSpace()
        if index < bytes.count, bytes[index] == 0x3F || bytes[index] == 0x2A || bytes[index] == 0x2B || bytes[index] == 0x7B {
            throw Unsupported()
        }
        return .repetition(item, min: min, max: max, mode: mode)
    }

    /// `{m}`, `{m,}` or `{m,n}` from the `{`, leaving `index` after the `}`.
    private mutating func interval() throws(Unsupported) -> (Int, Int?) {
        index += 1
        let min = try number()
        guard index < bytes.count else { throw Unsupported() }
        if bytes[index] == 0x7D {
            index += 1
            return (min, min)
        }
        guard bytes[index] == 0x2C else { throw Unsupported() }
        index += 1
        guard index < bytes.count else { throw Unsupported() }
        if bytes[index] == 0x7D {
            index += 1
            return (min, nil)
        }
        let max = try number()
        guard index < bytes.count, bytes[index] == 0x7D, max >= min else { throw Unsupported() }
        index += 1
        return (min, max)
    }

    /// A count of at most 100 (a repeat is unrolled, so kept small).
    private mutating func number() throws(Unsupported) -> Int {
        var value = 0
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value = value * 10 + Int(bytes[index] - 0x30)
            guard value <= 100 else { throw Unsupported() }
            index += 1
        }
        guard index > start else { throw Unsupported() }
        return value
    }

    // MARK: - Items

    private mutating func atom() throws(Unsupported) -> BytePatternNode {
        let byte = bytes[index]
        switch byte {
        case 0x28: return try group()
        case 0x5B: return .set(try bracketSet())
        case 0x5C: return try escape()
        case 0x2E:
            index += 1
            guard dotMatchesAll else { return .set(ByteSet.lineTerminators.inverted) }
            // How ICU counts `\r\n` in a look-behind's length is not copied.
            guard lookBehindDepth == 0 else { throw Unsupported() }
            return .anyCharacter
        case 0x5E:
            index += 1
            return .textStart
        case 0x24:
            guard lookBehindDepth == 0 else { throw Unsupported() }
            index += 1
            return .textEnd
        case 0x3F, 0x2A, 0x2B, 0x7B, 0x7D, 0x5D:
            throw Unsupported()
        case 0x20...0x7E:
            index += 1
            return .set(literal(byte))
        default:
            throw Unsupported()
        }
    }

    /// One ASCII character, in both cases when matching without case.
    private func literal(_ byte: UInt8) -> ByteSet {
        let set = ByteSet(byte)
        return caseInsensitive ? set.caseClosed : set
    }

    /// A group, from its `(` to its `)`.
    private mutating func group() throws(Unsupported) -> BytePatternNode {
        index += 1
        enum Kind { case plain, atomic, ahead(negated: Bool), behind(negated: Bool) }
        var kind = Kind.plain
        if index < bytes.count, bytes[index] == 0x3F {
            let rest = bytes[index + 1..<bytes.count]
            if rest.starts(with: [0x3A]) {
                index += 2
            } else if rest.starts(with: [0x3E]) {
                kind = .atomic
                index += 2
            } else if rest.starts(with: [0x3D]) || rest.starts(with: [0x21]) {
                kind = .ahead(negated: rest.first == 0x21)
                index += 2
            } else if rest.starts(with: [0x3C, 0x3D]) || rest.starts(with: [0x3C, 0x21]) {
                kind = .behind(negated: rest.dropFirst().first == 0x21)
                index += 3
            } else {
                throw Unsupported()
            }
        }
        if case .behind = kind { lookBehindDepth += 1 }
        let body = try alternation()
        if case .behind = kind { lookBehindDepth -= 1 }
        guard index < bytes.count, bytes[index] == 0x29 else { throw Unsupported() }
        index += 1
        switch kind {
        case .plain: return body
        case .atomic: return .atomic(body)
        case .ahead(let negated): return .lookaround(body, behind: false, negated: negated)
        case .behind(let negated):
            // ICU needs a bounded length behind; so does the matcher.
            guard body.maxLength != nil else { throw Unsupported() }
            return .lookaround(body, behind: true, negated: negated)
        }
    }

    /// An escape outside a set.
    private mutating func escape() throws(Unsupported) -> BytePatternNode {
        guard index + 1 < bytes.count else { throw Unsupported() }
        let byte = bytes[index + 1]
        index += 2
        switch byte {
        case UInt8(ascii: "b"): return .wordBoundary(true)
        case UInt8(ascii: "B"): return .wordBoundary(false)
        default:
            if let set = Self.classEscape(byte) { return .set(set) }
            return .set(literal(try Self.escapedCharacter(byte)))
        }
    }

    /// `\d`, `\s`, `\w` and their complements.
    private static func classEscape(_ byte: UInt8) -> ByteSet? {
        switch byte {
        case UInt8(ascii: "d"): .digits
        case UInt8(ascii: "D"): ByteSet.digits.inverted
        case UInt8(ascii: "s"): .space
        case UInt8(ascii: "S"): ByteSet.space.inverted
        case UInt8(ascii: "w"): .word
        case UInt8(ascii: "W"): ByteSet.word.inverted
        default: nil
        }
    }

    /// The character an escape stands for: `\n`, `\t`, `\r`, or ASCII
    /// punctuation or a space standing for itself.
    private static func escapedCharacter(_ byte: UInt8) throws(Unsupported) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case 0x20...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return byte
        default: throw Unsupported()
        }
    }

    /// A set, `[…]`, from its `[` to its `]`: the members are closed over
    /// case first and then complemented for `[^…]`, as ICU does.
    private mutating func bracketSet() throws(Unsupported) -> ByteSet {
        index += 1
        var negated = false
        if index < bytes.count, bytes[index] == 0x5E {
            negated = true
            index += 1
        }
        var members = ByteSet.empty
        var isFirst = true
        while true {
            guard index < bytes.count else { throw Unsupported() }
            let byte = bytes[index]
            let followedByRange = index + 2 < bytes.count && bytes[index + 1] == 0x2D && bytes[index + 2] != 0x5D
            switch byte {
            case 0x5D:
                guard !isFirst else { throw Unsupported() }
                index += 1
                if caseInsensitive { members = members.caseClosed }
                return negated ? members.inverted : members
            case 0x2D:
                // A literal `-` only first or last; anything else may be an operator.
                guard isFirst || (index + 1 < bytes.count && bytes[index + 1] == 0x5D) else { throw Unsupported() }
                members.insert(byte)
                index += 1
            case 0x5C:
                guard index + 1 < bytes.count, !followedByRange else { throw Unsupported() }
                let escaped = bytes[index + 1]
                if let set = Self.classEscape(escaped) {
                    members = members.union(set)
                } else {
                    members.insert(try Self.escapedCharacter(escaped))
                }
                index += 2
            case 0x80...:
                // One character of General Punctuation (E2 80 80 to E2 81 AF):
                // no ASCII character matches it, with or without case.
                guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81,
                      bytes[index + 2] & 0xC0 == 0x80, !(bytes[index + 1] == 0x81 && bytes[index + 2] > 0xAF) else { throw Unsupported() }
                index += 3
                guard index >= bytes.count || bytes[index] != 0x2D || (index + 1 < bytes.count && bytes[index + 1] == 0x5D) else {
                    throw Unsupported()
                }
            default:
                guard Self.isPlainSetMember(byte), !(extended && byte == 0x20) else { throw Unsupported() }
                if followedByRange {
                    let last = bytes[index + 2]
                    guard Self.isPlainSetMember(last), last >= byte, !(extended && last == 0x20) else { throw Unsupported() }
                    members = members.union(ByteSet(range: byte...last))
                    index += 3
                } else {
                    members.insert(byte)
                    index += 1
                }
            }
            isFirst = false
        }
    }

    /// A byte that stands for itself in a set: a letter, a digit, a space or
    /// punctuation with no meaning in ICU's set syntax.
    private static func isPlainSetMember(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20: true
        case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "."),
             UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
             UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"),
             UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"): true
        default: false
        }
    }
}
