/// The prefilters of several patterns (`PatternPrefilter`) run in one pass
/// over a text: which of the patterns it lets through, with the same answer
/// each pattern's own prefilter gives, where asking each one would scan the
/// text once per pattern (a vocabulary list's twenty patterns, twenty scans).
///
/// It is an Aho–Corasick automaton over every run the prefilters look for (a
/// digit is a run of one byte), ASCII letters compared without case: one
/// table look-up a byte, and at the states where runs end, the patterns they
/// let through. A character that could fold to ASCII letters lets every
/// pattern through, as it does each prefilter; a pattern with no prefilter
/// is always let through.
package struct PatternPrefilterSet: Sendable {
    /// How many patterns, in the order given.
    let count: Int
    /// How many 64-bit words a set of patterns takes.
    private let words: Int
    /// The patterns with no prefilter, as bits: let through whatever the text.
    private let unfiltered: [UInt64]
    /// Every pattern, as bits.
    private let everyPattern: [UInt64]
    /// The class of each byte: 0 for a byte in no run, else the same class
    /// for an ASCII letter in either case.
    private let classes: [UInt8]
    private let classCount: Int
    /// The automaton, a row for each state (`classCount + 1` long, the
    /// root's first). At `row + class`: the row of the state after reading a byte
    /// of `class`, as `~row` when runs end at that state. At `row +
    /// classCount`: where the state's patterns are in `outputs` (`words`
    /// words), or -1 when no run ends there. Rows, not state numbers, so
    /// that the scan goes from move to move with no multiplication, the
    /// step each byte waits for.
    private let moves: [Int32]
    private let outputs: [UInt64]

    /// The set for these patterns' prefilters, in their order.
    package init(_ patterns: [Pattern]) {
        self.init(requirements: patterns.map(\.prefilterRequirement))
    }

    /// The set for these requirements (nil: no prefilter), in their order.
    init(requirements: [PatternPrefilter.Requirement?]) {
        count = requirements.count
        let words = max(1, (requirements.count + 63) / 64)
        self.words = words
        var unfiltered = [UInt64](repeating: 0, count: words)
        var every = [UInt64](repeating: 0, count: words)
        // The runs, by pattern; a digit is any of the ten one-byte runs.
        var runs: [(run: [UInt8], pattern: Int)] = []
        for (pattern, requirement) in requirements.enumerated() {
            every[pattern / 64] |= 1 << UInt64(pattern % 64)
            switch requirement {
            case nil: unfiltered[pattern / 64] |= 1 << UInt64(pattern % 64)
            case .digit?: runs += (UInt8(0x30)...0x39).map { ([$0], pattern) }
            case .oneOf(let some)?: runs += some.map { ($0, pattern) }
            }
        }
        self.unfiltered = unfiltered
        everyPattern = every

        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for (run, _) in runs {
            for byte in run where classes[Int(byte)] == 0 {
                // A set of patterns needing more than 255 distinct bytes cannot be: runs are ASCII.
                classes[Int(byte)] = UInt8(classCount)
                if byte &- 0x61 < 26 { classes[Int(byte - 0x20)] = UInt8(classCount) }
                classCount += 1
            }
        }
        self.classes = classes
        self.classCount = classCount

        // The trie of the runs, each state's children in a list of their
        // own (its first child, then each child's next sibling; -1 ends a
        // list), with the patterns whose runs end at each state (`words`
        // words a state). States are numbered as they are made; the root is 0.
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var classOf: [UInt8] = [0]
        var ending = [UInt64](repeating: 0, count: words)
        for (run, pattern) in runs {
            var state = 0
            for byte in run {
                let byteClass = classes[Int(byte)]
                var child = firstChild[state]
                while child >= 0, classOf[Int(child)] != byteClass { child = nextSibling[Int(child)] }
                if child < 0 {
                    child = Int32(classOf.count)
                    classOf.append(byteClass)
                    firstChild.append(-1)
                    nextSibling.append(firstChild[state])
                    firstChild[state] = child
                    ending += repeatElement(0, count: words)
                }
                state = Int(child)
            }
            ending[state * words + pattern / 64] |= 1 << UInt64(pattern % 64)
        }
        let stateCount = classOf.count
        // The table of moves (the state after `state` reads a byte of
        // `class`, at `state * classCount + class`), made breadth first: a
        // state's row is its failure state's (the longest proper suffix of
        // its run that the trie holds, made already, being shorter), but
        // for its own children; it takes that state's patterns too. The
        // root's row is its children, and the root (0) for every other class.
        var moves = [Int32](repeating: 0, count: stateCount * classCount)
        var failure = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        var child = Int(firstChild[0])
        while child >= 0 {
            moves[Int(classOf[child])] = Int32(child)
            queue.append(child)
            child = Int(nextSibling[child])
        }
        moves.withUnsafeMutableBufferPointer { moves in
            ending.withUnsafeMutableBufferPointer { ending in
                var head = 0
                while head < queue.count {
                    let state = queue[head]
                    head += 1
                    let fallback = failure[state]
                    for word in 0..<words { ending[state * words + word] |= ending[fallback * words + word] }
                    let row = state * classCount
                    (moves.baseAddress! + row).update(from: moves.baseAddress! + fallback * classCount, count: classCount)
                    var child = Int(firstChild[state])
                    while child >= 0 {
                        let move = row + Int(classOf[child])
                        failure[child] = Int(moves[move])
                        moves[move] = Int32(child)
                        queue.append(child)
                        child = Int(nextSibling[child])
                    }
                }
            }
        }
        var outputAt = [Int32](repeating: -1, count: stateCount)
        var outputs: [UInt64] = []
        for state in 0..<stateCount {
            let bits = ending[state * words..<(state + 1) * words]
            guard bits.contains(where: { $0 != 0 }) else { continue }
            outputAt[state] = Int32(outputs.count)
            outputs += bits
        }
        // The rows the scan reads: each state's moves, as rows, then its patterns' place.
        let rowLength = classCount + 1
        var rows: [Int32] = []
        rows.reserveCapacity(stateCount * rowLength)
        for state in 0..<stateCount {
            for next in moves[state * classCount..<(state + 1) * classCount] {
                let row = next * Int32(rowLength)
                rows.append(outputAt[Int(next)] >= 0 ? ~row : row)
            }
            rows.append(outputAt[state])
        }
        self.moves = rows
        self.outputs = outputs
    }

    /// Which patterns the text may match: those whose prefilter lets it through.
    package func candidates(in text: String) -> Candidates {
        var text = text
        return text.withUTF8 { candidates(in: $0) }
    }

    /// `candidates` of the text whose UTF-8 `bytes` holds.
    package func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> Candidates {
        if unfiltered == everyPattern { return Candidates(words: unfiltered) }
        // The patterns found so far, in room on the call's own stack: a copy
        // of `unfiltered` changed in place would be a new array each call.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { found in
            _ = found.initialize(from: unfiltered)
            let allFound = scan(bytes, into: found)
            return allFound ? Candidates(words: everyPattern) : Candidates(words: UnsafeBufferPointer(found))
        }
    }

    /// Adds to `found` the patterns whose runs are in `bytes`; true as soon
    /// as every pattern is found, or a character that could fold to ASCII
    /// letters lets every pattern through.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into found: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let words = words
        let classCount = classCount
        return classes.withUnsafeBufferPointer { classes in
            moves.withUnsafeBufferPointer { moves in
                outputs.withUnsafeBufferPointer { outputs in
                    everyPattern.withUnsafeBufferPointer { every in
                        var row = 0
                        var index = 0
                        while index < bytes.count {
                            let byte = bytes[index]
                            if byte >= 0xC0, byte != 0xC2, !PatternPrefilter.cannotFoldToASCII(bytes, at: index) { return true }
                            row = Int(moves[row &+ Int(classes[Int(byte)])])
                            if row < 0 {
                                row = ~row
                                let output = Int(moves[row &+ classCount])
                                var changed = false
                                for word in 0..<words {
                                    let more = found[word] | outputs[output + word]
                                    if more != found[word] {
                                        found[word] = more
                                        changed = true
                                    }
                                }
                                if changed, found.elementsEqual(every) { return true }
                            }
                            index += 1
                        }
                        return false
                    }
                }
            }
        }
    }

    /// The patterns a text may match, by their place in the set.
    package struct Candidates: Sendable {
        /// The first 64 patterns, as bits: a set of no more (a vocabulary
        /// list's twenty) needs no array.
        private let first: UInt64
        /// The patterns after the first 64, 64 a word.
        private let rest: [UInt64]

        init<Words: Collection<UInt64>>(words: Words) {
            first = words.first ?? 0
            rest = words.count > 1 ? Array(words.dropFirst()) : []
        }

        /// Whether the pattern at `index` may match: false when its prefilter rules the text out.
        package func mayMatch(_ index: Int) -> Bool {
            let word = index < 64 ? first : rest[index / 64 - 1]
            return word & (1 << UInt64(index % 64)) != 0
        }
    }
}

extension PatternPrefilterSet: Equatable {
    /// Everything a set is, as `embed-rules` writes it into eqlint for the
    /// pattern lists of its own vocabulary (`embeddedPrefilterSets`), so
    /// that the set is not worked out from the patterns at each start.
    package struct Tables: Sendable, Equatable {
        package var count: Int
        package var words: Int
        package var unfiltered: [UInt64]
        package var everyPattern: [UInt64]
        package var classes: [UInt8]
        package var classCount: Int
        package var moves: [Int32]
        package var outputs: [UInt64]

        package init(count: Int, words: Int, unfiltered: [UInt64], everyPattern: [UInt64], classes: [UInt8], classCount: Int,
                     moves: [Int32], outputs: [UInt64]) {
            self.count = count
            self.words = words
            self.unfiltered = unfiltered
            self.everyPattern = everyPattern
            self.classes = classes
            self.classCount = classCount
            self.moves = moves
            self.outputs = outputs
        }
    }

    /// The set's tables.
    package var tables: Tables {
        Tables(count: count, words: words, unfiltered: unfiltered, everyPattern: everyPattern, classes: classes,
               classCount: classCount, moves: moves, outputs: outputs)
    }

    /// The set made from its tables (the same set as the one they were read from).
    package init(_ tables: Tables) {
        count = tables.count
        words = tables.words
        unfiltered = tables.unfiltered
        everyPattern = tables.everyPattern
        classes = tables.classes
        classCount = tables.classCount
        moves = tables.moves
        outputs = tables.outputs
    }
}
