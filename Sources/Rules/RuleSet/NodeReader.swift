import EqlintPlan
import EqlintText

/// Reads typed values out of a `JSON5Node`, turning every surprise (a wrong
/// type, an unknown key, a missing key) into a `RuleFileError` at the place
/// it is written.
package struct NodeReader {
    let path: String
    /// Whether the file is one of eqlint's own rule files, built into it.
    /// Their patterns are written to run in linear time, so they run without
    /// a time limit; what the test suite checks in every one of them (each
    /// pattern's safety, each rule's examples, that every key is one allowed
    /// where it is) is not checked again at each start (see `DefaultRuleFileTests`).
    let isEqlintsOwn: Bool

    package init(path: String, isEqlintsOwn: Bool = false) {
        self.path = path
        self.isEqlintsOwn = isEqlintsOwn
    }

    package func error(_ message: String, at location: SourceLocation) -> RuleFileError {
        RuleFileError(path: path, location: location, message: message)
    }

    /// The members of an object, by key, after checking every key is allowed
    /// (not in eqlint's own files, which the test suite checks: see `isEqlintsOwn`).
    /// Each reader takes what it reads (`what`, such as `'message'`) as
    /// words for its errors, made only when there is one.
    package func members(
        of node: JSON5Node, allowed: [String], required: [String] = [], in what: @autoclosure () -> String
    ) throws(RuleFileError) -> JSON5Members {
        guard case .object(let list) = node.value else {
            throw error("\(what()) must be an object ({ ... }), not \(node.kindName)", at: node.location)
        }
        if !isEqlintsOwn {
            for member in list {
                guard allowed.contains(where: { JSON5Members.isSameKey($0, member.key) }) else {
                    let hint = Spelling.closest(to: member.key, in: allowed).map { "; did you mean '\($0)'?" }
                        ?? "; allowed keys are \(allowed.map { "'\($0)'" }.joined(separator: ", "))"
                    throw error("unknown key '\(member.key)' in \(what())\(hint)", at: member.keyLocation)
                }
            }
        }
        let members = JSON5Members(list: list)
        for key in required where members[key] == nil {
            throw error("\(what()) is missing the key '\(key)'", at: node.location)
        }
        return members
    }

    /// A member that must be there; its absence is reported at the object.
    func require(_ key: String, in members: JSON5Members, of object: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> JSON5Node {
        guard let member = members[key] else { throw error("\(what()) is missing the key '\(key)'", at: object.location) }
        return member.value
    }

    func string(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> String {
        guard let text = node.string else {
            throw error("\(what()) must be a string in quotes, not \(node.kindName)", at: node.location)
        }
        return text
    }

    package func nonEmptyString(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> String {
        let text = try string(node, what())
        // Most start with a letter: no need to look at the text as characters.
        if let first = text.utf8.first, first > 0x20, first < 0x80 { return text }
        guard text.contains(where: { !$0.isWhitespace }) else { throw error("\(what()) must not be empty", at: node.location) }
        return text
    }

    package func bool(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> Bool {
        guard case .bool(let value) = node.value else {
            throw error("\(what()) must be true or false, not \(node.kindName)", at: node.location)
        }
        return value
    }

    func positiveInteger(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> Int {
        guard case .number(let value) = node.value, value.isFinite, value == value.rounded(), value >= 1, value <= 1000 else {
            throw error("\(what()) must be a whole number from 1 to 1000", at: node.location)
        }
        return Int(value)
    }

    package func list(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> [JSON5Node] {
        guard case .array(let items) = node.value else {
            throw error("\(what()) must be a list ([ ... ]), not \(node.kindName)", at: node.location)
        }
        return items
    }

    /// A list of names (non-empty strings), such as vocabulary groups or fields.
    func names(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> Set<String> {
        var names: Set<String> = []
        for item in try list(node, what()) { names.insert(try nonEmptyString(item, "each name in \(what())")) }
        return names
    }

    /// A string, or a list of strings (one line each) joined with line breaks.
    func text(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> String {
        if let text = node.string { return text }
        guard case .array(let items) = node.value else {
            throw error("\(what()) must be a string or a list of lines, not \(node.kindName)", at: node.location)
        }
        var lines: [String] = []
        for item in items { lines.append(try string(item, "each line of \(what())")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One of a fixed set of words.
    package func choice<T: RawRepresentable>(_ node: JSON5Node, _ what: @autoclosure () -> String, of: [T]) throws(RuleFileError) -> T where T.RawValue == String {
        let word = try string(node, what())
        guard let value = T(rawValue: word) else {
            let names = of.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let hint = Spelling.closest(to: word, in: of.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            throw error("\(what()) must be one of \(names), not '\(word)'\(hint)", at: node.location)
        }
        return value
    }

    func day(_ node: JSON5Node, _ what: @autoclosure () -> String) throws(RuleFileError) -> CalendarDay {
        let text = try string(node, what())
        guard let day = CalendarDay(iso: text) else {
            throw error("\(what()) must be a date written YYYY-MM-DD, not '\(text)'", at: node.location)
        }
        return day
    }

    func pattern(_ node: JSON5Node, _ what: @autoclosure () -> String, caseSensitive: Bool = false) throws(RuleFileError) -> Pattern {
        let source = try nonEmptyString(node, what())
        if !isEqlintsOwn, let group = PatternSafety.nestedQuantifier(in: source) {
            throw error("\(what()) can take exponential time: '\(group)' repeats a group that itself repeats; "
                + "make the inner repeat possessive ('a++') or the group atomic ('(?>...)')", at: node.location)
        }
        let origin = RuleOrigin(path: path, location: node.location)
        // eqlint's own, with its prefilter and byte program as embed-rules compiled them when eqlint was built.
        if isEqlintsOwn, !caseSensitive, let compiled = embeddedPatterns[source] {
            return Pattern(source, origin: origin, compiled: embeddedPatternWords[compiled])
        }
        do {
            return try Pattern(source, caseSensitive: caseSensitive, origin: origin, timeLimited: !isEqlintsOwn)
        } catch {
            throw self.error("\(what()) is not a valid regular expression: \(source)", at: node.location)
        }
    }
}

/// Finds the likely intended word for a misspelt one.
package enum Spelling {
    /// The candidate nearest to `word`, if one is near enough. Candidates
    /// are compared in sorted order, so among equally near ones the first
    /// in that order is chosen, whatever order (a set's, a dictionary's)
    /// they were given in.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.sorted().map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein edit distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
