/// Finds abbreviations and initials in text: short words written mostly in
/// capitals (`HP`, `NO`, `SENCo`, `HoS`), which a parent may not understand.
enum Abbreviations {
    static func find(in text: String) -> [String] {
        var text = text
        // Most entries are ASCII: a loop over bytes finds the same words much faster.
        if let found = text.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? findASCII($0) : nil }) { return found }
        var found: [String] = []
        var word = ""
        func finish() {
            defer { word = "" }
            let capitals = word.unicodeScalars.filter { $0.properties.isUppercase }.count
            guard (2...6).contains(word.count), capitals >= 2, capitals >= word.count - 1,
                  word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }), !found.contains(word) else { return }
            found.append(word)
        }
        for character in text {
            if character.isLetter || character.isNumber { word.append(character) } else { finish() }
        }
        finish()
        return found
    }

    /// `find` for ASCII text: words are runs of letters and digits.
    private static func findASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var found: [String] = []
        var start = 0
        var index = 0
        func finish() {
            let length = index - start
            guard (2...6).contains(length) else { return }
            var capitals = 0
            for offset in start..<index {
                let byte = bytes[offset]
                if byte >= 0x41 && byte <= 0x5A { capitals += 1 } else if !(byte >= 0x61 && byte <= 0x7A) { return }
            }
            guard capitals >= 2, capitals >= length - 1 else { return }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if !found.contains(word) { found.append(word) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            let isWord = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if !isWord {
                finish()
                start = index + 1
            }
            index += 1
        }
        finish()
        return found
    }
}
