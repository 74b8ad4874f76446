/// The phrases of one vocabulary list, ready to be found in a plan's raw
/// UTF-8 text, with the exact bytes each one covers.
///
/// Matching is word by word: ASCII letters are compared without case, any
/// run of spaces, punctuation or Markdown markup between words is one gap,
/// and an apostrophe joins (`children's` is the word `childrens`). So the
/// phrase `equalities act` finds `Equalities  Act`, `**Equalities** Act` and
/// `equalities-act`, but not `inequalities act`.
struct PhraseIndex: Sendable {
    /// A phrase, as words, and the group of the list it belongs to.
    private struct Entry: Sendable {
        var words: [[UInt8]]
        var group: String
    }

    /// Entries by their first word, longest phrase first.
    private var byFirstWord: [[UInt8]: [Entry]] = [:]

    mutating func add(_ phrase: String, group: String) {
        let words = Self.words(in: Array(phrase.utf8), span: 0..<phrase.utf8.count).map(\.text)
        guard let first = words.first else { return }
        byFirstWord[first, default: []].append(Entry(words: words, group: group))
        byFirstWord[first]?.sort { $0.words.count > $1.words.count }
    }

    /// Every phrase found in some words of the text, in order; at each place the
    /// longest phrase wins and matches do not overlap. With `groups`, only
    /// phrases of those groups count.
    func matches(in words: [Word], groups: Set<String>? = nil) -> [VocabularyMatch] {
        var found: [VocabularyMatch] = []
        var index = 0
        while index < words.count {
            let candidates = byFirstWord[words[index].text] ?? []
            let entry = candidates.first { entry in
                (groups?.contains(entry.group) ?? true) && index + entry.words.count <= words.count
                    && entry.words.indices.allSatisfy { words[index + $0].text == entry.words[$0] }
            }
            guard let entry else {
                index += 1
                continue
            }
            let last = words[index + entry.words.count - 1]
            found.append(VocabularyMatch(span: words[index].span.lowerBound..<last.span.upperBound, group: entry.group))
            index += entry.words.count
        }
        return found
    }

    /// A word of the text: its bytes lower-cased, and where it is.
    struct Word {
        var text: [UInt8]
        var span: Range<Int>
    }

    /// The words of `bytes[span]`, scanning bytes only.
    static func words(in bytes: [UInt8], span: Range<Int>) -> [Word] {
        var words: [Word] = []
        var current: [UInt8] = []
        var start = span.lowerBound
        var end = span.lowerBound
        var index = span.lowerBound
        func finish() {
            if !current.isEmpty { words.append(Word(text: current, span: start..<end)) }
            current = []
        }
        while index < span.upperBound {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let next = min(index + length, span.upperBound)
            // U+2019 (E2 80 99), the typographic apostrophe, joins like `'`.
            let isApostrophe = byte == 0x27 || (byte == 0xE2 && next - index == 3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99)
            if isApostrophe, !current.isEmpty {
                index = next
                continue
            }
            if isWordCharacter(bytes, at: index, length: next - index) {
                if current.isEmpty { start = index }
                if byte < 0x80 {
                    current.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    current.append(contentsOf: bytes[index..<next])
                }
                end = next
            } else {
                finish()
            }
            index = next
        }
        finish()
        return words
    }

    /// ASCII letters and digits, and any character outside ASCII except
    /// spaces and the General Punctuation block (dashes, quotes, U+2000–U+206F).
    private static func isWordCharacter(_ bytes: [UInt8], at index: Int, length: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        if byte == 0xC2, length == 2, bytes[index + 1] == 0xA0 { return false }
        if byte == 0xE2, length == 3, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 { return false }
        return true
    }
}

/// A phrase or pattern of a vocabulary list found in the text.
struct VocabularyMatch: Sendable, Equatable {
    /// The bytes it covers in the file.
    var span: Range<Int>
    /// The group of the list it belongs to.
    var group: String
}
