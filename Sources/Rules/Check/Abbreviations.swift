/// Finds abbreviations and initials in text: short words written mostly in
/// capitals (`HP`, `NO`, `SENCo`, `HoS`), which a parent may not understand.
enum Abbreviations {
    static func find(in text: String) -> [String] {
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
}
