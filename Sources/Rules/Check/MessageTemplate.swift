import EqlintText

/// A message with `{placeholders}`, filled in for each finding. Which
/// placeholders a rule may use depends on its check and scope: the rule
/// loader checks them (`RuleMessages`); the template only knows its syntax.
public struct MessageTemplate: Sendable, Hashable {
    public let text: String
    /// The text cut at its placeholders, once, so that rendering only joins.
    private let parts: [Part]

    enum Part: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// Reads a template in which every `{` opens a placeholder (a message);
    /// fails on a `{` with no `}` after it.
    public init(_ text: String) throws(TemplateError) {
        self.text = text
        if let parts = try Self.byteParts(text, lenient: false) {
            self.parts = parts
        } else {
            parts = try Self.characterParts(text, lenient: false)
        }
    }

    /// Reads free text (a rule's `help`) in which only a name in braces,
    /// `{objective}`, is a placeholder: other braces are text.
    init(lenient text: String) {
        self.text = text
        // A lenient reading never fails.
        let parts = try? Self.byteParts(text, lenient: true)
        self.parts = parts ?? (try? Self.characterParts(text, lenient: true)) ?? []
    }

    /// The parts of a text, cut character by character: strictly (every `{`
    /// opens a placeholder) or leniently (only a name in braces is one).
    static func characterParts(_ text: String, lenient: Bool) throws(TemplateError) -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        guard lenient else {
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else { throw .unclosed }
                let name = String(rest[rest.index(after: open)..<close])
                if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
                parts.append(.placeholder(name))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.literal(String(rest))) }
            return parts
        }
        var literal = ""
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), Self.isName(after[..<close]) {
                literal += rest[..<open]
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.placeholder(String(after[..<close])))
                rest = after[after.index(after: close)...]
            } else {
                literal += rest[...open]
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        return parts
    }

    /// The parts of a text, cut as `characterParts` cuts it, but over its
    /// bytes; nil when a brace may not be a character of its own. In UTF-8
    /// a brace's byte is never part of another character's, and a brace
    /// between ASCII characters or quotes (or the text's ends) is a
    /// character of its own; one next to another character might join it
    /// (`{` and a combining accent are one character), and the text is then
    /// read character by character. Reading each message and help that way was
    /// much of eqlint's start-up.
    static func byteParts(_ text: String, lenient: Bool) throws(TemplateError) -> [Part]? {
        var utf8 = text
        return try utf8.withUTF8 { bytes in
            Result { () throws(TemplateError) in try byteParts(of: bytes, in: text, lenient: lenient) }
        }.get()
    }

    /// `byteParts` of `text`, whose UTF-8 `bytes` holds.
    private static func byteParts(of bytes: UnsafeBufferPointer<UInt8>, in text: String, lenient: Bool) throws(TemplateError) -> [Part]? {
        /// Whether the character starting at a byte is one of the dashes,
        /// quotes and dots U+2010...U+2027 that messages put round their
        /// placeholders (`“{term}”`): characters no brace joins.
        func isPunctuation(at start: Int) -> Bool {
            start >= 0 && start + 2 < bytes.count && bytes[start] == 0xE2 && bytes[start + 1] == 0x80 && (0x90...0xA7).contains(bytes[start + 2])
        }
        /// The first `byte` at or after `start`.
        func first(_ byte: UInt8, from start: Int) -> Int? { ByteText.find(bytes, byte, in: min(start, bytes.count)..<bytes.count) }
        for brace: UInt8 in [0x7B, 0x7D] {  // { }
            var from = 0
            while let index = first(brace, from: from) {
                let before = index == 0 || bytes[index - 1] < 0x80 || isPunctuation(at: index - 3)
                let after = index + 1 == bytes.count || bytes[index + 1] < 0x80 || isPunctuation(at: index + 1)
                guard before && after else { return nil }
                from = index + 1
            }
        }
        func string(_ span: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self) }
        func isName(_ span: Range<Int>) -> Bool {
            func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }
            guard let first = span.first, isLetter(bytes[first]) else { return false }
            return bytes[span].allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        var parts: [Part] = []
        var literalStart = 0
        var index = 0
        while let open = first(0x7B, from: index) {  // {
            let close = first(0x7D, from: open + 1)  // }
            if lenient {
                // A brace that opens no name is text.
                guard let close, isName(open + 1..<close) else { index = open + 1; continue }
            }
            guard let close else { throw .unclosed }
            if open > literalStart { parts.append(.literal(string(literalStart..<open))) }
            parts.append(.placeholder(string(open + 1..<close)))
            index = close + 1
            literalStart = index
        }
        // A text with no placeholder (most help) is its own one part, not a copy of itself.
        if bytes.count > literalStart { parts.append(.literal(literalStart == 0 ? text : string(literalStart..<bytes.count))) }
        return parts
    }

    /// Letters, digits and hyphens, starting with a letter: the shape of a placeholder's name.
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    public enum TemplateError: Error, Equatable {
        case unclosed
    }

    /// The names of the placeholders it uses, in order (each once).
    public var placeholderNames: [String] {
        var names: [String] = []
        for case .placeholder(let name) in parts where !names.contains(name) { names.append(name) }
        return names
    }

    /// The message with each placeholder replaced (an unfilled one by nothing).
    public func render(_ values: [String: String]) -> String {
        render(MessageValues(values.mapValues(MessageValue.text)))
    }

    /// The placeholders that `render(_:parts:)` would fill with nothing for
    /// these values: unfilled, filled with empty text, or with a part that
    /// is missing or renders empty (and those inside a part it renders).
    /// For the tests, which check that no message of a rule's examples has a
    /// hole in it; rendering itself does not use it.
    func emptyPlaceholders(_ values: MessageValues, parts messageParts: [String: MessageTemplate] = [:], depth: Int = 0) -> [String] {
        var empty: [String] = []
        for case .placeholder(let name) in parts {
            switch values[name] {
            case .text(let text)?:
                if text.isEmpty { empty.append(name) }
            case .part(let part)?:
                guard depth < 8, let template = messageParts[part] else { empty.append(name); continue }
                empty += template.emptyPlaceholders(values, parts: messageParts, depth: depth + 1)
                if template.render(values, parts: messageParts, depth: depth + 1).isEmpty { empty.append(name) }
            case nil:
                empty.append(name)
            }
        }
        return empty
    }

    /// The text with the placeholders `values` names filled in and every
    /// other placeholder left as it was written (`{objective}`), for a
    /// help whose example dates are known before its findings are.
    func filling(_ values: [String: String]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let literal): result += literal
            case .placeholder(let name): result += values[name] ?? "{\(name)}"
            }
        }
        return result
    }

    /// The message with each placeholder replaced by its text, or by the
    /// rule's message part it names, rendered with the same values (an
    /// unfilled one by nothing).
    func render(_ values: MessageValues, parts messageParts: [String: MessageTemplate] = [:], depth: Int = 0) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        for part in parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .placeholder(let name):
                switch values[name] {
                case .text(let text)?:
                    result += text
                case .part(let part)?:
                    // Parts cannot name themselves (the loader checks); the depth is a guard all the same.
                    if depth < 8, let template = messageParts[part] {
                        result += template.render(values, parts: messageParts, depth: depth + 1)
                    }
                case nil:
                    break
                }
            }
        }
        return result
    }
}
