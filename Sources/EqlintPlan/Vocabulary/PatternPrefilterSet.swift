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
    /// The automaton's moves: the state after `state` reads a byte of `class`, at `state * classCount + class`.
    private let moves: [Int32]
    /// For each state, where its patterns are in `outputs` (`words` words), or -1 when no run ends there.
    private let outputAt: [Int32]
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

        // The trie of the runs, in the table of moves (0: no child yet, as no
        // move of the trie leads back to the root), with the patterns whose
        // runs end at each state (`words` words a state); then, breadth
        // first, each state's failure state, from which it takes its missing
        // moves and the patterns of the runs ending there too.
        // At most one state for each byte of the runs, and the root.
        let most = runs.reduce(1) { $0 + $1.run.count }
        var moves = [Int32](repeating: 0, count: most * classCount)
        var ending = [UInt64](repeating: 0, count: most * words)
        var stateCount = 1
        for (run, pattern) in runs {
            var state = 0
            for byte in run {
                let move = state * classCount + Int(classes[Int(byte)])
                if moves[move] == 0 {
                    moves[move] = Int32(stateCount)
                    stateCount += 1
                }
                state = Int(moves[move])
            }
            ending[state * words + pattern / 64] |= 1 << UInt64(pattern % 64)
        }
        moves.removeLast((most - stateCount) * classCount)
        var failure = [Int](repeating: 0, count: stateCount)
        var queue = (0..<classCount).compactMap { moves[$0] == 0 ? nil : Int(moves[$0]) }
        queue.reserveCapacity(stateCount)
        var children: [(byteClass: Int, state: Int32)] = []
        moves.withUnsafeMutableBufferPointer { moves in
            ending.withUnsafeMutableBufferPointer { ending in
                var head = 0
                while head < queue.count {
                    let state = queue[head]
                    head += 1
                    let fallback = failure[state]
                    for word in 0..<words { ending[state * words + word] |= ending[fallback * words + word] }
                    // The state's row is its fallback's, but for its own children.
                    let row = state * classCount
                    children.removeAll(keepingCapacity: true)
                    for byteClass in 0..<classCount where moves[row + byteClass] != 0 {
                        children.append((byteClass, moves[row + byteClass]))
                    }
                    (moves.baseAddress! + row).update(from: moves.baseAddress! + fallback * classCount, count: classCount)
                    for (byteClass, child) in children {
                        failure[Int(child)] = Int(moves[row + byteClass])
                        moves[row + byteClass] = child
                        queue.append(Int(child))
                    }
                }
            }
        }
        self.moves = moves
        var outputAt = [Int32](repeating: -1, count: stateCount)
        var outputs: [UInt64] = []
        for state in 0..<stateCount {
            let bits = ending[state * words..<(state + 1) * words]
            guard bits.contains(where: { $0 != 0 }) else { continue }
            outputAt[state] = Int32(outputs.count)
            outputs += bits
        }
        self.outputAt = outputAt
        self.outputs = outputs
    }

    /// Which patterns the text may match: those whose prefilter lets it through.
    package func candidates(in text: String) -> Candidates {
        var text = text
        return text.withUTF8 { candidates(in: $0) }
    }

    func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> Candidates {
        var found = unfiltered
        if found == everyPattern { return Candidates(bits: found) }
        let words = words
        let classCount = classCount
        let allFound: Bool = classes.withUnsafeBufferPointer { classes in
            moves.withUnsafeBufferPointer { moves in
                outputAt.withUnsafeBufferPointer { outputAt in
                    outputs.withUnsafeBufferPointer { outputs in
                        var state = 0
                        var index = 0
                        while index < bytes.count {
                            let byte = bytes[index]
                            if byte >= 0xC0, byte != 0xC2, !PatternPrefilter.cannotFoldToASCII(bytes, at: index) { return true }
                            state = Int(moves[state &* classCount &+ Int(classes[Int(byte)])])
                            let output = outputAt[state]
                            if output >= 0 {
                                var changed = false
                                for word in 0..<words {
                                    let more = found[word] | outputs[Int(output) + word]
                                    if more != found[word] {
                                        found[word] = more
                                        changed = true
                                    }
                                }
                                if changed, found == everyPattern { return true }
                            }
                            index += 1
                        }
                        return false
                    }
                }
            }
        }
        return Candidates(bits: allFound ? everyPattern : found)
    }

    /// The patterns a text may match, by their place in the set.
    package struct Candidates: Sendable {
        let bits: [UInt64]

        /// Whether the pattern at `index` may match: false when its prefilter rules the text out.
        package func mayMatch(_ index: Int) -> Bool {
            bits[index / 64] & (1 << UInt64(index % 64)) != 0
        }
    }
}
