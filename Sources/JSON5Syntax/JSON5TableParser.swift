import EqlintText

/// Parses JSON5: comments, unquoted keys, single-quoted strings, trailing
/// commas, hexadecimal numbers, `Infinity` and `NaN`, into a `JSON5Table`
/// (one flat list of values, with byte offsets).
package struct JSON5TableParser {
    private let source: SourceFile
    /// The source's bytes, for as long as the parse lasts.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var entries: [JSON5Table.Entry] = []
    private var keys: [String] = []
    /// A hash of each key's bytes, so that most keys of an object are told apart from its others without comparing them.
    private var keyHashes: [UInt64] = []
    private var strings: [String] = []
    private var numbers: [Double] = []

    private init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
    }

    /// The table of a file's values, or why it is not JSON5.
    package static func table(of source: SourceFile) throws(JSON5SyntaxError) -> JSON5Table {
        guard source.bytes.count <= JSON5Table.largestText else {
            throw JSON5SyntaxError(location: SourceLocation(line: 1, column: 1), message: "the file is over 2 GB, too large to be a rule or configuration file")
        }
        return try source.bytes.withUnsafeBufferPointer { bytes throws(JSON5SyntaxError) in
            var parser = JSON5TableParser(source: source, bytes: bytes)
            // About one value for every 16 bytes of a rule file, one key for every 32.
            parser.entries.reserveCapacity(bytes.count / 16)
            parser.keys.reserveCapacity(bytes.count / 32)
            parser.keyHashes.reserveCapacity(bytes.count / 32)
            return try parser.document()
        }
    }

    private mutating func document() throws(JSON5SyntaxError) -> JSON5Table {
        try skipSpaceAndComments()
        guard index < bytes.count else {
            throw error("the file is empty; expected a JSON5 object", at: index)
        }
        try parseValue(depth: 0)
        try skipSpaceAndComments()
        if index < bytes.count {
            throw error("unexpected \(describeHere()) after the end of the value", at: index)
        }
        return JSON5Table(entries: entries, keys: keys, strings: strings, numbers: numbers)
    }

    private func error(_ message: String, at offset: Int) -> JSON5SyntaxError {
        JSON5SyntaxError(location: source.location(of: offset), message: message)
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

    private mutating func skipSpaceAndComments() throws(JSON5SyntaxError) {
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

    /// Reads one value into `entries` (an object or list first, then what it holds).
    /// - Parameters: keyOffset, key: as a member of an object, where its key is and the key's index in `keys`.
    private mutating func parseValue(depth: Int, keyOffset: Int = -1, key: Int = -1) throws(JSON5SyntaxError) {
        guard depth < 64 else { throw error("values are nested too deeply", at: index) }
        try skipSpaceAndComments()
        guard index < bytes.count else { throw error("unexpected end of file; a value is missing", at: index) }
        let at = entries.count
        var entry = JSON5Table.Entry(kind: .null, offset: index, keyOffset: keyOffset, key: key)
        switch bytes[index] {
        case 0x7B:
            entry.kind = .object
            entries.append(entry)
            entries[at].count = try parseObject(depth: depth)
        case 0x5B:
            entry.kind = .array
            entries.append(entry)
            entries[at].count = try parseArray(depth: depth)
        case 0x22, 0x27:
            entry.kind = .string
            (entry.low, entry.high) = try parseString()
            entries.append(entry)
        default:
            if let word = identifier() {
                switch word {
                case "true": entry.kind = .bool; entry.low = 1
                case "false": entry.kind = .bool
                case "null": break
                case "Infinity", "NaN":
                    entry.kind = .number
                    entry.low = numbers.count
                    numbers.append(word == "NaN" ? .nan : .infinity)
                default:
                    index -= word.utf8.count
                    throw error("unexpected word '\(word)'; a string must be in quotes", at: index)
                }
            } else {
                let number = try parseNumber()
                entry.kind = .number
                entry.low = numbers.count
                numbers.append(number)
            }
            entries.append(entry)
        }
        entries[at].next = entries.count
    }

    /// Reads an object's members; returns how many.
    private mutating func parseObject(depth: Int) throws(JSON5SyntaxError) -> Int {
        index += 1  // {
        let first = entries.count
        var count = 0
        while true {
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("an object is never closed with '}'", at: index) }
            if bytes[index] == 0x7D { index += 1; return count }
            let keyOffset = index
            let key: String
            if bytes[index] == 0x22 || bytes[index] == 0x27 {
                let (low, high) = try parseString()
                key = high < 0 ? strings.removeLast() : source.text(low..<high)
            } else if let word = identifier() {
                key = word
            } else {
                throw error("expected a key or '}', found \(describeHere())", at: index)
            }
            // Objects have few keys: a look through the ones before is quicker than a dictionary.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
            for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            var earlier = first
            for _ in 0..<count {
                if keyHashes[entries[earlier].key] == hash, keys[entries[earlier].key] == key {
                    let line = source.location(of: entries[earlier].keyOffset).line
                    throw error("the key '\(key)' is given twice (first at line \(line))", at: keyOffset)
                }
                earlier = entries[earlier].next
            }
            try skipSpaceAndComments()
            guard index < bytes.count, bytes[index] == 0x3A else {
                throw error("expected ':' after the key '\(key)', found \(describeHere())", at: index)
            }
            index += 1
            keys.append(key)
            keyHashes.append(hash)
            try parseValue(depth: depth + 1, keyOffset: keyOffset, key: keys.count - 1)
            count += 1
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("an object is never closed with '}'", at: index) }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x7D { index += 1; return count }
            throw error("expected ',' or '}' after the value of '\(key)', found \(describeHere())", at: index)
        }
    }

    /// Reads a list's items; returns how many.
    private mutating func parseArray(depth: Int) throws(JSON5SyntaxError) -> Int {
        index += 1  // [
        var count = 0
        while true {
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("a list is never closed with ']'", at: index) }
            if bytes[index] == 0x5D { index += 1; return count }
            try parseValue(depth: depth + 1)
            count += 1
            try skipSpaceAndComments()
            guard index < bytes.count else { throw error("a list is never closed with ']'", at: index) }
            if bytes[index] == 0x2C { index += 1; continue }
            if bytes[index] == 0x5D { index += 1; return count }
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

    /// A string at the cursor, consumed: the byte range between its quotes,
    /// or, when it has escapes, `(i, -1)` with the string at `strings[i]`.
    private mutating func parseString() throws(JSON5SyntaxError) -> (low: Int, high: Int) {
        let quote = bytes[index]
        let start = index
        index += 1
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            // Lower-case letters and what follows the backslash in ASCII neither end a string nor escape.
            if byte > 0x5C { index += 1; continue }
            if byte == quote { index += 1; return (contentStart, index - 1) }
            if byte == 0x0A || byte == 0x0D {
                throw error("a string runs past the end of the line; close it with \(quote == 0x22 ? "\"" : "'")", at: start)
            }
            if byte == 0x5C {
                index = start
                strings.append(try parseEscapedString())
                return (strings.count - 1, -1)
            }
            index += 1
        }
        throw error("a string is never closed", at: start)
    }

    /// A string with escapes at the cursor, consumed.
    private mutating func parseEscapedString() throws(JSON5SyntaxError) -> String {
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
    private mutating func hexadecimal(count: Int, escapeStart: Int) throws(JSON5SyntaxError) -> UInt32 {
        let isHex: (UInt8) -> Bool = { (0x30...0x39).contains($0) || (0x61...0x66).contains($0 | 0x20) }
        guard index + count <= bytes.count, bytes[index..<index + count].allSatisfy(isHex),
              let value = UInt32(source.text(index..<index + count), radix: 16) else {
            throw error("a \\\(count == 2 ? "x" : "u") escape needs \(count) hexadecimal digits", at: escapeStart)
        }
        index += count
        return value
    }

    private mutating func parseNumber() throws(JSON5SyntaxError) -> Double {
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
