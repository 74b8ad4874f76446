/// Checks the name of a namespace an `xmlns` attribute declares: a URI
/// reference as RFC 3986 writes it, and for the default namespace one with
/// a scheme (`urn:`, `http:`), as the XML parser eqlint used before (libxml2)
/// required of a part. Office documents declare only such names.
enum NamespaceName {
    /// Whether `name` is a valid namespace name; `isDefault` for `xmlns="..."`.
    static func isValid(_ name: String, isDefault: Bool) -> Bool {
        let bytes = Array(name.utf8)
        if let afterScheme = scheme(bytes), hierarchicalPart(bytes, from: afterScheme) { return true }
        return !isDefault && relativeReference(bytes)
    }

    /// Where a scheme and its colon end, if the name starts with one.
    private static func scheme(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, isLetter(first) else { return nil }
        var index = 1
        while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == 0x2B || bytes[index] == 0x2D || bytes[index] == 0x2E {
            index += 1
        }
        return index < bytes.count && bytes[index] == 0x3A ? index + 1 : nil
    }

    /// After a scheme: `//` and an authority, or a path; then a query and a fragment, if any.
    private static func hierarchicalPart(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        if startsWithSlashes(bytes, at: index) {
            guard let end = authority(bytes, from: index + 2) else { return false }
            index = end
        }
        return queryAndFragment(bytes, from: path(bytes, from: index))
    }

    /// Without a scheme: `//` and an authority, or a path whose first segment has no colon.
    private static func relativeReference(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if startsWithSlashes(bytes, at: 0) {
            guard let end = authority(bytes, from: 2) else { return false }
            index = end
        } else {
            while let end = pathCharacter(bytes, at: index), bytes[index] != 0x3A { index = end }
            if index < bytes.count, bytes[index] == 0x3A { return false }
        }
        return queryAndFragment(bytes, from: path(bytes, from: index))
    }

    /// Where an authority (`user@host:port`) ends, if it is one; a path, query or fragment (or the end) must follow.
    private static func authority(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        // A user, if an @ follows the characters a user may have.
        while let end = pathCharacter(bytes, at: index), bytes[index] != 0x40 { index = end }
        index = index < bytes.count && bytes[index] == 0x40 ? index + 1 : start
        if index < bytes.count, bytes[index] == 0x5B {  // [ an IP literal ]
            guard let close = bytes[index...].firstIndex(of: 0x5D) else { return nil }
            index = close + 1
        } else {
            while let end = pathCharacter(bytes, at: index), bytes[index] != 0x3A, bytes[index] != 0x40 { index = end }
        }
        if index < bytes.count, bytes[index] == 0x3A {  // :port, at least one digit
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        guard index == bytes.count || bytes[index] == 0x2F || bytes[index] == 0x3F || bytes[index] == 0x23 else { return nil }  // / ? #
        return index
    }

    private static func path(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x2F { index += 1 } else if let end = pathCharacter(bytes, at: index) { index = end } else { break }
        }
        return index
    }

    /// A query (`?...`) and a fragment (`#...`), each if given, to the name's end.
    private static func queryAndFragment(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        for mark: UInt8 in [0x3F, 0x23] where index < bytes.count && bytes[index] == mark {
            index += 1
            while index < bytes.count {
                if bytes[index] == 0x2F || bytes[index] == 0x3F { index += 1 } else if let end = pathCharacter(bytes, at: index) { index = end } else { break }
            }
        }
        return index == bytes.count
    }

    /// Where the character at `index` ends, if a path segment may hold it: a letter, digit, `-._~`, `!$&'()*+,;=`, `:`, `@`, or `%` and two hexadecimal digits.
    private static func pathCharacter(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E, 0x21, 0x24, 0x26...0x2C, 0x3B, 0x3D, 0x3A, 0x40:
            return index + 1
        case 0x25:
            guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return nil }
            return index + 3
        default:
            return nil
        }
    }

    private static func startsWithSlashes(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == 0x2F && bytes[index + 1] == 0x2F
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
}
