import EqlintText

/// A JSON5 value with the place it was written, so that a rule file's errors
/// can name their line and column. (Foundation's JSON5 support reads the same
/// syntax but says nothing of where a value is.)
package struct JSON5Node: Sendable {
    package enum Value: Sendable {
        case object([Member])
        case array([JSON5Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    package struct Member: Sendable {
        package var key: String
        package var keyLocation: SourceLocation
        package var value: JSON5Node
    }

    package var value: Value
    package var location: SourceLocation

    /// What a value is, in the words an error message uses.
    package var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// Parses JSON5: comments, unquoted keys, single-quoted strings, trailing
/// commas, hexadecimal numbers, `Infinity` and `NaN`.
package struct JSON5Parser {
    private let source: SourceFile
    private let bytes: [UInt8]
    private var index = 0

    init(source: SourceFile) {
        self.source = source
        bytes = source.bytes
    }

    package static func parse(_ source: SourceFile) throws(RuleFileError) -> JSON5Node {
        var parser = JSON5Parser(source: source)
        try parser.skipSpaceAndComments()
        guard parser.index < parser.bytes.count else {
            throw parser.error("the file is empty; expected a JSON5 object", at: parser.index)
        }
        let node = try parser.parseValue(depth: 0)
        try parser.skipSpaceAndComments()
        if parser.index < parser.bytes.count {
            throw parser.error("unexpected \(parser.describeHere()) after the end of the value", at: parser.index)
        }
        return node
    }

    private func error(_ message: String, at offset: Int) -> RuleFileError {
        RuleFileError(path: source.path, location: source.location(of: offset), message: message)
    }

    private func describeHere() -> String {
        guard index < bytes.count else { return "end of file" }
        let scalar = source.text(index..<min(index + utf8Length(bytes[index]), bytes.count))
        return "'\(scalar)'"
    }

    private func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    // MARK: Space and comments

    private mutating func skipSpaceAndComments() throws(RuleFileError) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2  // no-break space
            } else if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2F {
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            } else if byte == 0x2F, index + 1 < bytes.count, bytes[index + 1] == 0x2A {
                let start = index
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == 0x2A && bytes[index + 1] == 0x2F) { index += 1 }
                if index + 1 >= bytes.count { throw error("a /* comment is never closed with */", at: start) }
                index += 2
            } else {
                return
            }
        }
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(RuleFileError) -> JSON5Node {
        guard depth < 64 else { throw error("values are nested too deeply", at: index) }
        try skipSpaceAndComments()
        guard index < bytes.count else { throw error("unexpected end of file; a value is missing", at: index) }
        let location = source.location(of: index)
        switch bytes[index] {
        case 0x7B: return JSON5Node(value: try parseObject(depth: depth), location: location)
        case 0x5B: return JSON5Node(value: try parseArray(depth: depth), location: location)
        case 0x22, 0x27: return JSON5Node(value: .string(try parseString()), location: location)
        default:
            if let word = identifier() {
                switch word {
                case "true": return JSON5Node(value: .bool(true), location: location)
                case "false": return JSON5Node(value: .bool(false), location: location)
                case "null": return JSON5Node(value: .null, location: location)
                case "Infinity": return JSON5Node(value: .number(.infinity), location: location)
                case "NaN": return JSON5Node(value: .number(.nan), location: location)
                default:
                    index -= word.utf8.count
                    throw error("unexpected word '\(word)'; a string must be in quotes", at: index)
                }
            }
            return JSON5Node(value: .number(try parseNumber()), location: location)
        }
    }

    private mutating func parseObject(depth: Int) throws(RuleFileError) -> JSON5Node.Value {
        index += 1  // {
        var members: [JSON5Node.Member] = []
        var seen: [String: SourceLocation] = [:]
        while true {
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("an object is never closed with '}'", at: index) }
            if bytes[index] == 0x7D { index += 1; return .object(members) }
            let keyOffset = index
            let key: String
            if bytes[index] == 0x22 || bytes[index] == 0x27 {
                key = try parseString()
            } else if let word = identifier() {
                key = word
            } else {
                throw error("expected a key or '}', found \(describeHere())", at: index)
            }
            let keyLocation = source.location(of: keyOffset)
            if let first = seen[key] {
                throw error("the key '\(key)' is given twice (first at line \(first.line))", at: keyOffset)
            }
            seen[key] = keyLocation
            try skipSpaceAndComments()
            guard index < bytes.count, bytes[index] == 0x3A else {
                throw error("expected ':' after the key '\(key)', found \(describeHere())", at: index)
            }
            index += 1
            let value = try parseValue(depth: depth + 1)
            members.append(JSON5Node.Member(key: key, keyLocation: keyLocation, value: value))
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("an object is never closed with '}'", at: index) }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x7D { index += 1; return .object(members) }
            throw error("expected ',' or '}' after the value of '\(key)', found \(describeHere())", at: index)
        }
    }

    private mutating func parseArray(depth: Int) throws(RuleFileError) -> JSON5Node.Value {
        index += 1  // [
        var items: [JSON5Node] = []
        while true {
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("a list is never closed with ']'", at: index) }
            if bytes[index] == 0x5D { index += 1; return .array(items) }
            items.append(try parseValue(depth: depth + 1))
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("a list is never closed with ']'", at: index) }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x5D { index += 1; return .array(items) }
            throw error("expected ',' or ']' in a list, found \(describeHere())", at: index)
        }
    }

    /// An unquoted name: letters, digits, `_` and `$`, not starting with a digit.
    private mutating func identifier() -> String? {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x24
            let isDigit = (0x30...0x39).contains(byte)
            guard isLetter || (isDigit && index > start) else { break }
            index += 1
        }
        return index > start ? source.text(start..<index) : nil
    }

    private mutating func parseString() throws(RuleFileError) -> String {
        let quote = bytes[index]
        let start = index
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { index += 1; return String(decoding: out, as: UTF8.self) }
            if byte == 0x0A || byte == 0x0D {
                throw error("a string runs past the end of the line; close it with \(quote == 0x22 ? "\"" : "'")", at: start)
            }
            if byte != 0x5C { out.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case 0x6E: out.append(0x0A)  // \n
            case 0x74: out.append(0x09)  // \t
            case 0x72: out.append(0x0D)  // \r
            case 0x62: out.append(0x08)  // \b
            case 0x66: out.append(0x0C)  // \f
            case 0x76: out.append(0x0B)  // \v
            case 0x30: out.append(0x00)  // \0
            case 0x0A: break  // a line continuation
            case 0x0D: if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            case 0x78, 0x75:  // \xHH, \uHHHH, and \uD83D\uDE00 for a character beyond U+FFFF
                let escapeStart = index - 2
                var value = try hexadecimal(count: escaped == 0x78 ? 2 : 4, escapeStart: escapeStart)
                if (0xD800...0xDBFF).contains(value) {
                    guard index + 2 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw error("the \\u escape of a high surrogate must be followed by a \\u escape of its low surrogate", at: escapeStart)
                    }
                    index += 2
                    let low = try hexadecimal(count: 4, escapeStart: index - 2)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error("the \\u escape of a high surrogate must be followed by a \\u escape of its low surrogate", at: escapeStart)
                    }
                    value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else {
                    throw error("a \\u escape of a low surrogate must follow one of a high surrogate", at: escapeStart)
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: out.append(escaped)  // \" \' \\ \/ and any other character stand for themselves
            }
        }
        throw error("a string is never closed", at: start)
    }

    /// `count` hexadecimal digits at the cursor, consumed.
    private mutating func hexadecimal(count: Int, escapeStart: Int) throws(RuleFileError) -> UInt32 {
        let isHex: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
        guard index + count <= bytes.count, bytes[index..<index + count].allSatisfy(isHex),
              let value = UInt32(source.text(index..<index + count), radix: 16) else {
            throw error("a \\\(count == 2 ? "x" : "u") escape needs \(count) hexadecimal digits", at: escapeStart)
        }
        index += count
        return value
    }

    private mutating func parseNumber() throws(RuleFileError) -> Double {
        let start = index
        var sign = 1.0
        if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            if bytes[index] == 0x2D { sign = -1 }
            index += 1
        }
        let digitsStart = index
        if let word = identifier() {
            if word == "Infinity" { return sign * .infinity }
            if word == "NaN" { return .nan }
            index = digitsStart
        }
        // An exponent's sign follows its 'e'; a sign at the start was read above.
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) || bytes[index] == 0x2E
            || bytes[index] == 0x65 || bytes[index] == 0x45
            || ((bytes[index] == 0x2B || bytes[index] == 0x2D) && index > digitsStart
                && (bytes[index - 1] == 0x65 || bytes[index - 1] == 0x45)) {
            index += 1
        }
        // `0x1F` starts with a digit, so `identifier()` above did not take it.
        if index == digitsStart + 1, bytes[digitsStart] == 0x30, index < bytes.count, bytes[index] | 0x20 == 0x78 {
            index += 1
            let hexStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) || (0x61...0x66).contains(bytes[index] | 0x20) { index += 1 }
            guard let value = Int(source.text(hexStart..<index), radix: 16) else {
                throw error("a hexadecimal number must have digits and fit in 64 bits", at: start)
            }
            return sign * Double(value)
        }
        let text = source.text(digitsStart..<index)
        if text.count > 1, text.hasPrefix("0"), !text.hasPrefix("0."), !text.hasPrefix("0e"), !text.hasPrefix("0E") {
            throw error("a number may not start with 0 (write \(text.drop { $0 == "0" }.isEmpty ? "0" : String(text.drop { $0 == "0" })))", at: start)
        }
        guard text.contains(where: \.isNumber),
              let value = Double(text.hasPrefix(".") ? "0" + text : text.hasSuffix(".") ? text + "0" : text) else {
            index = start
            throw error("expected a value (a string, number, list or object), found \(describeHere())", at: start)
        }
        return sign * value
    }
}

/// A rule, vocabulary or configuration file that cannot be used, and where and why.
public struct RuleFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// Where in the file; nil when the trouble is the file as a whole.
    public var location: SourceLocation?
    public var message: String
    /// The errors found after this one in the same file (a configuration
    /// file reports all of its errors at once), in order.
    public var more: [RuleFileError] = []

    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// The errors in the order of their places (a file's own first), as one
    /// error holding the rest; nil when there are none.
    public init?(all errors: [RuleFileError]) {
        let sorted = errors.flatMap { [RuleFileError(path: $0.path, location: $0.location, message: $0.message)] + $0.more }
            .enumerated().sorted { a, b in
                let (x, y) = (a.element.location, b.element.location)
                if x != y { return x == nil || (y != nil && x! < y!) }
                return a.offset < b.offset
            }.map(\.element)
        guard var first = sorted.first else { return nil }
        first.more = Array(sorted.dropFirst())
        self = first
    }

    /// One line for each error, this one first.
    public var description: String {
        ([self] + more).map { "\($0.path):\($0.location.map { "\($0): " } ?? " ")\($0.message)" }.joined(separator: "\n")
    }
}
