/// A pattern within the subset `BytePatternSyntax` reads, matched over the
/// bytes of ASCII text without Foundation, with exactly the matches
/// `NSRegularExpression` finds (ICU's backtracking order: the first
/// alternative that leads to a match, greedy, lazy and possessive repeats,
/// atomic look-arounds).
///
/// It answers only for ASCII text: case folding and `\b` next to other
/// letters are ICU's to decide, so a text with any byte from 0x80 gets no
/// answer (nil) and `Pattern` asks Foundation. It gives no answer either when
/// a search takes more steps than a linear pattern ever needs (a trust's
/// pattern that backtracks badly): Foundation then runs it under its time limit.
///
/// The pattern is compiled to a small program for a backtracking machine:
/// `consume` a byte of a set, `split` to try one way and remember the other,
/// `jump`, the zero-width tests, and sub-programs (ending in `succeed`) for
/// atomic groups and look-arounds, each run to its first success.
struct BytePattern: Sendable, Equatable {
    let program: [Step]
    /// What each `lookaround` step tests, by its index.
    let lookarounds: [Lookaround]
    /// The bytes a match starts with, or nil when a match may be empty.
    let firstBytes: ByteSet?
    /// Whether every match starts at the start of the text (`^…`).
    let isAnchored: Bool
    /// Whether every match starts with `\b` and then a word byte (`\b(?:one|two)…`):
    /// a match is tried only at the start of a word, and from the step after the `\b`.
    let startsAtWordStart: Bool
    /// For each ASCII byte, the bytes that may follow it where a match starts
    /// with it (`BytePatternNode.addLeadingPairs`; any byte, after a match
    /// of one byte), or nil when a match may be empty: a match is tried only
    /// where the first two bytes are such a pair, or at the last byte.
    let leadingPairs: [ByteSet]?

    /// One instruction of the program.
    enum Step: Sendable, Equatable {
        /// Consume one byte if it is in the set.
        case consume(ByteSet)
        /// Consume any byte, or `\r\n` both at once.
        case consumeCharacter
        /// Go on at `preferred`; if that fails, at `otherwise` from the same place.
        case split(preferred: Int, otherwise: Int)
        /// A `split` whose preferred way must first consume a byte of
        /// `first`: where the next byte is not one, go on at `otherwise`
        /// straight away (the preferred way would fail), remembering nothing.
        case guardedSplit(first: ByteSet, preferred: Int, otherwise: Int)
        case jump(Int)
        /// `\b` (true) or `\B` (false).
        case wordBoundary(Bool)
        case textStart
        case textEnd
        /// Run the sub-program at `body` to its first success, go on at `next` from where it ended.
        case atomic(body: Int, next: Int)
        /// Test `lookarounds[index]` here; go on at `next` if it holds.
        case lookaround(index: Int, next: Int)
        /// The end of the program or of a sub-program.
        case succeed
    }

    /// A look-around: its sub-program tested here (ahead) or ending here
    /// (behind, starting `minLength` to `maxLength` bytes back).
    struct Lookaround: Sendable, Equatable {
        var body: Int
        var behind: Bool
        var negated: Bool
        var minLength: Int
        var maxLength: Int
        /// The bytes the body's match starts and ends with (nil when it may
        /// be empty): a look-behind tries no start where they are not.
        var firstBytes: ByteSet?
        var lastBytes: ByteSet?
        /// For a look-ahead `(?=.*?X)`, what its lazy `.*?` takes (`body` is
        /// then X's program): X is searched for, from here on, in a loop of
        /// its own (see `Machine.search`), not by the machine taking one
        /// character at a time.
        var scan: Scan?
        /// The bytes X starts with (nil when it may be empty): no other place is tried.
        var scanFirstBytes: ByteSet?
    }

    /// What the lazy `.*?` of a look-ahead `(?=.*?X)` takes at each turn.
    enum Scan: Sendable, Equatable {
        /// A byte of the set (`.` without `(?s)`).
        case byte(ByteSet)
        /// Any character (`(?s).`): one byte, or `\r\n` both at once.
        case character
    }

    /// The compiled pattern, or nil when its source is outside the subset.
    init?(_ source: String, caseSensitive: Bool) {
        guard let node = BytePatternSyntax.parse(source, caseSensitive: caseSensitive) else { return nil }
        // About a step for each byte of the source: room made once, not grown step by step.
        self.init(node, expectedSteps: source.utf8.count + 1)
    }

    init(_ node: BytePatternNode, expectedSteps: Int = 0) {
        var compiler = Compiler()
        compiler.program.reserveCapacity(expectedSteps)
        compiler.emit(node)
        compiler.program.append(.succeed)
        compiler.guardSplits()
        program = compiler.program
        lookarounds = compiler.lookarounds
        let first = node.firstBytes
        firstBytes = first.canBeEmpty ? nil : first.set
        switch node {
        case .textStart: isAnchored = true
        case .sequence(let items): isAnchored = items.first == .textStart
        default: isAnchored = false
        }
        let leading: BytePatternNode? = if case .sequence(let items) = node { items.first } else { node }
        startsAtWordStart = leading == .wordBoundary(true) && firstBytes?.isSubset(of: .word) == true
        if firstBytes != nil {
            var pairs = [ByteSet](repeating: .empty, count: 128)
            node.addLeadingPairs(followedBy: .all, to: &pairs)
            leadingPairs = pairs
        } else {
            leadingPairs = nil
        }
    }

    /// Whether every byte is ASCII, the only text the pattern answers for.
    /// Whether an ASCII byte is in `\w` (`ByteSet.word`: digits, letters,
    /// `_`), by comparisons the compiler keeps in registers: `\b` is asked
    /// at most places a match is tried from.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Eight bytes at a time, then the rest.
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The matches in `text` as `NSRegularExpression.enumerateMatches` finds
    /// them (empty ones too), as byte ranges; only the first with `firstOnly`.
    /// Nil when the text is not ASCII or the search takes too many steps.
    func matches(in text: UnsafeBufferPointer<UInt8>, firstOnly: Bool = false) -> [Range<Int>]? {
        withMachine(on: text) { machine in
            var found: [Range<Int>] = []
            var from = 0
            while from <= text.count {
                switch nextMatch(in: text, from: from, machine: &machine) {
                case .match(let matched):
                    found.append(matched)
                    if firstOnly { return found }
                    // After an empty match the next search starts one further on, as ICU's does.
                    from = matched.isEmpty ? matched.upperBound + 1 : matched.upperBound
                case .noMatch: return found
                case .outOfSteps: return nil
                }
            }
            return found
        }
    }

    /// Whether the pattern matches somewhere in `text` (`matches` with
    /// `firstOnly`, making no array). Nil when the text is not ASCII or the
    /// search takes too many steps.
    func hasMatch(in text: UnsafeBufferPointer<UInt8>) -> Bool? {
        withMachine(on: text) { machine in
            switch nextMatch(in: text, from: 0, machine: &machine) {
            case .match: true
            case .noMatch: false
            case .outOfSteps: nil
            }
        }
    }

    /// `body` given a machine for `text`, or nil when the text is not ASCII.
    private func withMachine<Result>(on text: UnsafeBufferPointer<UInt8>, _ body: (inout Machine) -> Result?) -> Result? {
        guard Self.isASCII(text) else { return nil }
        return program.withUnsafeBufferPointer { program in
            lookarounds.withUnsafeBufferPointer { lookarounds in
                // Room for the first places to go back to on the call's own stack: most searches need no more.
                withUnsafeTemporaryAllocation(of: BacktrackStack.Place.self, capacity: 32) { room in
                    var machine = Machine(program: program, lookarounds: lookarounds, text: text, stack: BacktrackStack(room))
                    defer { machine.stack.free() }
                    return body(&machine)
                }
            }
        }
    }

    /// What a search from one place finds.
    private enum Found {
        case match(Range<Int>)
        case noMatch
        case outOfSteps
    }

    /// The first match starting at `from` or after.
    private func nextMatch(in text: UnsafeBufferPointer<UInt8>, from: Int, machine: inout Machine) -> Found {
        // At a word's start the leading `\b` holds (the text is ASCII): the run starts after it.
        let entry = startsAtWordStart ? 1 : 0
        var start = from
        while start <= text.count {
            if isAnchored, start > 0 { break }
            if let firstBytes {
                // Skip to a byte a match can start with (at a word's start, when it starts with `\b`).
                if startsAtWordStart {
                    // Whether the byte before `start` is a word byte, carried along rather than read again:
                    // the first bytes are all word bytes, so only a place after a non-word byte can start a match.
                    var afterWordByte = start > 0 && Self.isWordByte(text[start - 1])
                    while start < text.count {
                        let byte = text[start]
                        if !afterWordByte, firstBytes.contains(byte) { break }
                        afterWordByte = Self.isWordByte(byte)
                        start += 1
                    }
                } else {
                    while start < text.count, !firstBytes.contains(text[start]) { start += 1 }
                }
                if start == text.count { break }
            }
            if let leadingPairs, start + 1 < text.count, !leadingPairs[Int(text[start])].contains(text[start + 1]) {
                start += 1
                continue
            }
            let end = machine.run(entry, at: start, limit: text.count, requiredEnd: -1)
            if end == Machine.outOfSteps { return .outOfSteps }
            if end >= 0 { return .match(start..<end) }
            start += 1
        }
        return .noMatch
    }

    /// Turns a tree into program steps.
    private struct Compiler {
        var program: [Step] = []
        var lookarounds: [Lookaround] = []
        /// Where the lazy repeats' splits are, for `guardSplits`.
        private var lazySplits: [Int] = []

        mutating func emit(_ node: BytePatternNode) {
            switch node {
            case .set(let set):
                program.append(.consume(set))
            case .anyCharacter:
                program.append(.consumeCharacter)
            case .sequence(let items):
                for item in items { emit(item) }
            case .alternation(let branches):
                // split(a, next); a; jump end; next: split(b, next2); b; jump end; …; last
                var jumpsToEnd: [Int] = []
                for (offset, branch) in branches.enumerated() {
                    if offset == branches.count - 1 {
                        emit(branch)
                    } else {
                        let split = program.count
                        program.append(.split(preferred: split + 1, otherwise: -1))
                        emit(branch)
                        jumpsToEnd.append(program.count)
                        program.append(.jump(-1))
                        program[split] = Self.split(preferred: split + 1, startingWith: branch, otherwise: program.count)
                    }
                }
                for jump in jumpsToEnd { program[jump] = .jump(program.count) }
            case .repetition(let item, let min, let max, .possessive):
                emitSubprogram(.repetition(item, min: min, max: max, mode: .greedy)) { .atomic(body: $1, next: $2) }
            case .repetition(let item, let min, let max, let mode):
                for _ in 0..<min { emit(item) }
                let lazy = mode == .lazy
                if let max {
                    // Nested optional copies, as a counted loop tries them:
                    // split(c1, end); c1: item; split(c2, end); c2: item; …; end
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        program.append(.jump(-1))
                        emit(item)
                    }
                    let end = program.count
                    for split in splits {
                        program[split] = lazy ? .split(preferred: end, otherwise: split + 1)
                            : Self.split(preferred: split + 1, startingWith: item, otherwise: end)
                    }
                    if lazy { lazySplits += splits }
                } else {
                    // loop: split(body, end); body: item; jump loop; end
                    let loop = program.count
                    program.append(.jump(-1))
                    emit(item)
                    program.append(.jump(loop))
                    let end = program.count
                    program[loop] = lazy ? .split(preferred: end, otherwise: loop + 1)
                        : Self.split(preferred: loop + 1, startingWith: item, otherwise: end)
                    if lazy { lazySplits.append(loop) }
                }
            case .atomic(let item):
                emitSubprogram(item) { .atomic(body: $1, next: $2) }
            case .lookaround(let item, let behind, let negated):
                let first = item.firstBytes
                let last = item.lastBytes
                let index = lookarounds.count
                var look = Lookaround(body: -1, behind: behind, negated: negated, minLength: item.minLength,
                                      maxLength: item.maxLength ?? 0, firstBytes: first.canBeEmpty ? nil : first.set,
                                      lastBytes: last.canBeEmpty ? nil : last.set)
                var body = item
                if !behind, let (scan, rest) = Self.scan(item) {
                    // `(?=.*?X)`: the sub-program is X's, searched for by the machine's `search`.
                    let restFirst = rest.firstBytes
                    look.scan = scan
                    look.scanFirstBytes = restFirst.canBeEmpty ? nil : restFirst.set
                    body = rest
                }
                lookarounds.append(look)
                emitSubprogram(body) { compiler, body, next in
                    compiler.lookarounds[index].body = body
                    return .lookaround(index: index, next: next)
                }
            case .wordBoundary(let wanted):
                program.append(.wordBoundary(wanted))
            case .textStart:
                program.append(.textStart)
            case .textEnd:
                program.append(.textEnd)
            }
        }

        /// Guards each lazy repeat's split whose preferred way, the pattern
        /// after the repeat, must consume a byte before it can succeed (the
        /// rest of `[^.;\n]{0,80}?\bby` must start with `b`): where the next
        /// byte cannot be one, the machine goes on at `otherwise` straight away.
        mutating func guardSplits() {
            guard !lazySplits.isEmpty else { return }
            // `searchedFrom[step]`: the split whose search last reached the step.
            var searchedFrom = [Int](repeating: -1, count: program.count)
            var pending: [Int] = []
            // The splits of `x{0,80}?` all go on at the same place: its bytes are worked out once.
            var last: (preferred: Int, first: ByteSet?) = (-1, nil)
            for index in lazySplits {
                guard case .split(let preferred, let otherwise) = program[index] else { continue }
                if preferred != last.preferred {
                    last = (preferred, firstBytes(from: preferred, search: index, searchedFrom: &searchedFrom, pending: &pending))
                }
                guard let first = last.first else { continue }
                program[index] = .guardedSplit(first: first, preferred: preferred, otherwise: otherwise)
            }
        }

        /// The bytes every way through the program from `start` consumes
        /// first (some more perhaps), or nil when a way may succeed without
        /// consuming one, or this cannot tell (an atomic group). Zero-width
        /// steps are passed through; a step reached again adds nothing (a
        /// repeated item cannot match empty text, so it was reached after a byte).
        private func firstBytes(from start: Int, search: Int, searchedFrom: inout [Int], pending: inout [Int]) -> ByteSet? {
            var set = ByteSet.empty
            pending.removeAll(keepingCapacity: true)
            pending.append(start)
            while let step = pending.popLast() {
                guard searchedFrom[step] != search else { continue }
                searchedFrom[step] = search
                switch program[step] {
                case .consume(let bytes): set = set.union(bytes)
                case .consumeCharacter: set = .all
                case .split(let preferred, let otherwise), .guardedSplit(_, let preferred, let otherwise):
                    pending.append(preferred)
                    pending.append(otherwise)
                case .jump(let target): pending.append(target)
                case .wordBoundary, .textStart: pending.append(step + 1)
                case .lookaround(_, let next): pending.append(next)
                case .textEnd, .atomic, .succeed: return nil
                }
            }
            return set
        }

        /// A split to `preferred`, where `item` starts, else to `otherwise`:
        /// guarded by the bytes the item starts with when it cannot be empty.
        private static func split(preferred: Int, startingWith item: BytePatternNode, otherwise: Int) -> Step {
            let first = item.firstBytes
            return first.canBeEmpty ? .split(preferred: preferred, otherwise: otherwise)
                : .guardedSplit(first: first.set, preferred: preferred, otherwise: otherwise)
        }

        /// What the leading lazy `.*?` of `.*?X` takes, and X; nil for any other item.
        private static func scan(_ item: BytePatternNode) -> (Scan, BytePatternNode)? {
            guard case .sequence(let items) = item, let leading = items.first,
                  case .repetition(let repeated, min: 0, max: nil, mode: .lazy) = leading else { return nil }
            let rest = BytePatternNode.sequence(Array(items.dropFirst()))
            switch repeated {
            case .set(let set): return (.byte(set), rest)
            case .anyCharacter: return (.character, rest)
            default: return nil
            }
        }

        /// The step made by `make(body, next)`, followed by the item's
        /// program ending in `succeed`.
        private mutating func emitSubprogram(_ item: BytePatternNode, _ make: (inout Self, Int, Int) -> Step) {
            let step = program.count
            program.append(.succeed)
            emit(item)
            program.append(.succeed)
            program[step] = make(&self, step + 1, program.count)
        }
    }

    /// The places a run of the machine goes back to, last first: pushed
    /// and popped in memory of its own, without an array's checks for
    /// sharing and room at each step. It starts in room the caller lends
    /// and moves to memory it allocates (and `free` frees) when that is full.
    private struct BacktrackStack {
        /// A step, and the position to try it from.
        typealias Place = (step: Int, position: Int)

        private var places: UnsafeMutablePointer<Place>
        private var capacity: Int
        private(set) var count = 0
        /// Whether `places` was allocated here, not lent.
        private var isAllocated = false

        init(_ room: UnsafeMutableBufferPointer<Place>) {
            places = room.baseAddress!
            capacity = room.count
        }

        @inline(__always)
        mutating func push(_ step: Int, _ position: Int) {
            if count == capacity { grow() }
            places[count] = (step, position)
            count += 1
        }

        @inline(__always)
        mutating func pop() -> Place {
            count -= 1
            return places[count]
        }

        /// Drops the places pushed after the first `count`.
        mutating func cut(to count: Int) {
            self.count = count
        }

        private mutating func grow() {
            let more = UnsafeMutablePointer<Place>.allocate(capacity: capacity * 2)
            more.update(from: places, count: count)
            free()
            places = more
            capacity *= 2
            isAllocated = true
        }

        /// Frees the memory allocated here, if any.
        func free() {
            if isAllocated { places.deallocate() }
        }
    }

    /// Runs the program over one text: a backtracking machine whose stack of
    /// places to go back to is kept between runs (a search allocates only
    /// when it needs more room than its caller lends).
    private struct Machine {
        static let failed = -1
        static let outOfSteps = -2

        let program: UnsafeBufferPointer<Step>
        let lookarounds: UnsafeBufferPointer<Lookaround>
        let text: UnsafeBufferPointer<UInt8>
        /// The places to go back to.
        var stack: BacktrackStack
        /// Steps left before the search gives up: far more than eqlint's own
        /// patterns take (a few hundred a byte at most).
        var stepsLeft: Int

        init(program: UnsafeBufferPointer<Step>, lookarounds: UnsafeBufferPointer<Lookaround>, text: UnsafeBufferPointer<UInt8>,
             stack: BacktrackStack) {
            self.program = program
            self.lookarounds = lookarounds
            self.text = text
            self.stack = stack
            stepsLeft = 100_000 + 2_000 * text.count
        }

        /// Runs the (sub-)program starting at step `start` from `position`,
        /// consuming no byte at or after `limit`; with `requiredEnd` of 0 or
        /// more, only a match ending there counts. Returns where the first
        /// match ends, `failed`, or `outOfSteps`.
        mutating func run(_ start: Int, at position: Int, limit: Int, requiredEnd: Int) -> Int {
            let base = stack.count
            var step = start
            var position = position
            // Counted here, in a register; `nested` hands the count to a sub-program's run and back.
            var stepsLeft = stepsLeft
            defer { self.stepsLeft = stepsLeft }
            while true {
                stepsLeft -= 1
                if stepsLeft < 0 {
                    stack.cut(to: base)
                    return Self.outOfSteps
                }
                var ok = true
                switch program[step] {
                case .consume(let set):
                    if position < limit, set.contains(text[position]) {
                        position += 1
                        step += 1
                    } else {
                        ok = false
                    }
                case .consumeCharacter:
                    if position < limit {
                        position += text[position] == 0x0D && position + 1 < limit && text[position + 1] == 0x0A ? 2 : 1
                        step += 1
                    } else {
                        ok = false
                    }
                case .split(let preferred, let otherwise):
                    stack.push(otherwise, position)
                    step = preferred
                case .guardedSplit(let first, let preferred, let otherwise):
                    step = otherwise
                    if position < limit {
                        let byte = text[position]
                        if first.contains(byte) {
                            stack.push(otherwise, position)
                            step = preferred
                        } else {
                            // The next branches of an alternation that cannot start with the byte either are
                            // passed over here, each still counted as a step, not each by a turn of the loop.
                            while case .guardedSplit(let next, _, let after) = program[step], !next.contains(byte) {
                                stepsLeft -= 1
                                step = after
                            }
                        }
                    }
                case .jump(let target):
                    step = target
                case .wordBoundary(let wanted):
                    if isWordBoundary(at: position) == wanted { step += 1 } else { ok = false }
                case .textStart:
                    if position == 0 { step += 1 } else { ok = false }
                case .textEnd:
                    if isTextEnd(at: position) { step += 1 } else { ok = false }
                case .atomic(let body, let next):
                    let end = nested(body, at: position, limit: limit, requiredEnd: -1, stepsLeft: &stepsLeft)
                    if end == Self.outOfSteps { return abandon(base) }
                    if end >= 0 {
                        position = end
                        step = next
                    } else {
                        ok = false
                    }
                case .lookaround(let index, let next):
                    let look = lookarounds[index]
                    var found = false
                    if look.behind {
                        // Every start from which the body can end exactly here
                        // (none if the byte before cannot end it).
                        var from = position - look.minLength
                        if let last = look.lastBytes, position == 0 || !last.contains(text[position - 1]) { from = -1 }
                        while !found, from >= 0, from >= position - look.maxLength {
                            if let first = look.firstBytes, from < position, !first.contains(text[from]) {
                                from -= 1
                                continue
                            }
                            let end = nested(look.body, at: from, limit: position, requiredEnd: position, stepsLeft: &stepsLeft)
                            if end == Self.outOfSteps { return abandon(base) }
                            found = end >= 0
                            from -= 1
                        }
                    } else {
                        if let first = look.firstBytes, position == text.count || !first.contains(text[position]) {
                            found = false
                        } else if look.scan != nil {
                            let end = search(look, from: position, stepsLeft: &stepsLeft)
                            if end == Self.outOfSteps { return abandon(base) }
                            found = end >= 0
                        } else {
                            let end = nested(look.body, at: position, limit: text.count, requiredEnd: -1, stepsLeft: &stepsLeft)
                            if end == Self.outOfSteps { return abandon(base) }
                            found = end >= 0
                        }
                    }
                    if found != look.negated { step = next } else { ok = false }
                case .succeed:
                    if requiredEnd < 0 || position == requiredEnd {
                        stack.cut(to: base)
                        return position
                    }
                    ok = false
                }
                if !ok {
                    guard stack.count > base else { return Self.failed }
                    (step, position) = stack.pop()
                }
            }
        }

        /// `run` of a sub-program from within a run, its steps counted against the run's `stepsLeft`.
        @inline(__always)
        private mutating func nested(_ start: Int, at position: Int, limit: Int, requiredEnd: Int, stepsLeft: inout Int) -> Int {
            self.stepsLeft = stepsLeft
            let end = run(start, at: position, limit: limit, requiredEnd: requiredEnd)
            stepsLeft = self.stepsLeft
            return end
        }

        /// The body of a look-ahead `(?=.*?X)` from `position`: X tried at
        /// each place the lazy `.*?` reaches, first to last, where X can
        /// start, until it matches. Returns where X's match ends, `failed`,
        /// or `outOfSteps`. Each place is counted as the steps the repeat takes
        /// there (its split, the byte and the jump back) and X's own, or one
        /// for X where it cannot start: never more than the machine would
        /// count, so where it answered this answers too.
        private mutating func search(_ look: Lookaround, from position: Int, stepsLeft: inout Int) -> Int {
            var from = position
            while true {
                if let first = look.scanFirstBytes, from == text.count || !first.contains(text[from]) {
                    stepsLeft -= 1
                } else {
                    let end = nested(look.body, at: from, limit: text.count, requiredEnd: -1, stepsLeft: &stepsLeft)
                    if end != Self.failed { return end }
                }
                // The repeat's split and its byte, then the jump back.
                stepsLeft -= 2
                if stepsLeft < 0 { return Self.outOfSteps }
                guard from < text.count else { return Self.failed }
                switch look.scan {
                case .character?:
                    from += text[from] == 0x0D && from + 1 < text.count && text[from + 1] == 0x0A ? 2 : 1
                case .byte(let set)?:
                    guard set.contains(text[from]) else { return Self.failed }
                    from += 1
                case nil:
                    return Self.failed
                }
                stepsLeft -= 1
            }
        }

        private mutating func abandon(_ base: Int) -> Int {
            stack.cut(to: base)
            return Self.outOfSteps
        }

        /// ICU's `\b` on ASCII text: a word byte on one side only (outside the text counts as none).
        private func isWordBoundary(at position: Int) -> Bool {
            let before = position > 0 && BytePattern.isWordByte(text[position - 1])
            let after = position < text.count && BytePattern.isWordByte(text[position])
            return before != after
        }

        /// ICU's `$` without multi-line mode: the end, or before a line
        /// terminator that ends the text (`\r\n` as one, never between them).
        private func isTextEnd(at position: Int) -> Bool {
            let count = text.count
            if position == count { return true }
            if position == count - 1, ByteSet.lineTerminators.contains(text[position]) {
                return !(text[position] == 0x0A && position > 0 && text[position - 1] == 0x0D)
            }
            return position == count - 2 && text[position] == 0x0D && text[position + 1] == 0x0A
        }
    }
}
