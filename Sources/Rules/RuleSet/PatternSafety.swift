/// Finds the shape of regular expression that can take exponential time on
/// a backtracking engine: an unbounded quantifier (`+`, `*`, `{n,}`) on a
/// group that itself holds one, as in `(a+)+` or `(\w+\s?)*`. Foundation's
/// regular expressions have no time limit, so such a pattern in a rule file
/// is refused when the rules load.
enum PatternSafety {
    /// The offending group's text, or nil when the pattern is safe.
    static func nestedQuantifier(in pattern: String) -> String? {
        let characters = Array(pattern)
        // For each open group: where it starts, and whether it holds an unbounded quantifier.
        var groups: [(start: Int, quantified: Bool)] = []
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if inClass { if character == "]" { inClass = false }; index += 1; continue }
            switch character {
            case "[": inClass = true
            case "(": groups.append((index, false))
            case ")":
                guard let group = groups.popLast() else { break }
                // An atomic group (?>...) gives nothing back once matched.
                let atomic = group.start + 2 < characters.count && characters[group.start + 1] == "?" && characters[group.start + 2] == ">"
                let holdsRepeat = group.quantified && !atomic
                let (unbounded, length) = quantifier(characters, at: index + 1)
                if unbounded, holdsRepeat {
                    return String(characters[group.start...min(index + length, characters.count - 1)])
                }
                // What a group holds, its enclosing group holds too.
                if holdsRepeat || unbounded, !groups.isEmpty { groups[groups.count - 1].quantified = true }
                index += length
            default:
                let (unbounded, length) = quantifier(characters, at: index)
                if unbounded, !groups.isEmpty { groups[groups.count - 1].quantified = true }
                index += max(length - 1, 0)
            }
            index += 1
        }
        return nil
    }

    /// Whether an unbounded, backtracking quantifier starts at `index`, and its length.
    /// A possessive one (`++`, `*+`) gives nothing back, so it is safe.
    private static func quantifier(_ characters: [Character], at index: Int) -> (unbounded: Bool, length: Int) {
        guard index < characters.count else { return (false, 0) }
        var length = 0
        var unbounded = false
        switch characters[index] {
        case "+", "*":
            unbounded = true
            length = 1
        case "{":
            guard let close = characters[index...].firstIndex(of: "}") else { return (false, 0) }
            unbounded = characters[index..<close].last == ","
            length = close - index + 1
        default:
            return (false, 0)
        }
        if index + length < characters.count, characters[index + length] == "+" { return (false, length + 1) }
        return (unbounded, length)
    }
}
