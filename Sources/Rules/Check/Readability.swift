/// A rough readability measure for text written for children: the longest
/// sentence (in words) and the longest word (in letters).
enum Readability {
    /// What makes the text hard to read, in words for the message, or nil.
    static func problem(in text: String, maxSentenceWords: Int, maxWordLetters: Int) -> String? {
        var text = text
        // Most entries are ASCII: a loop over bytes measures them the same, much faster.
        if let measured = text.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? measureASCII($0) : nil }) {
            return describe(longestSentence: measured.longestSentence, longestWord: measured.longestWord,
                            longestLetters: measured.longestLetters, maxSentenceWords: maxSentenceWords, maxWordLetters: maxWordLetters)
        }
        var longestSentence = 0
        var wordsInSentence = 0
        var longestWord = ""
        var word = ""
        var longestLetters = 0
        func endWord() {
            let letters = word.filter(\.isLetter).count
            if letters > longestLetters { longestWord = word; longestLetters = letters }
            if !word.isEmpty { wordsInSentence += 1 }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "'" || character == "\u{2019}" {
                word.append(character)
                continue
            }
            endWord()
            if character == "." || character == "!" || character == "?" || character == ";" {
                longestSentence = max(longestSentence, wordsInSentence)
                wordsInSentence = 0
            }
        }
        endWord()
        longestSentence = max(longestSentence, wordsInSentence)
        return describe(longestSentence: longestSentence, longestWord: longestWord, longestLetters: longestLetters,
                        maxSentenceWords: maxSentenceWords, maxWordLetters: maxWordLetters)
    }

    private static func describe(longestSentence: Int, longestWord: String, longestLetters: Int,
                                 maxSentenceWords: Int, maxWordLetters: Int) -> String? {
        if longestSentence > maxSentenceWords {
            return "a sentence of \(longestSentence) words (at most \(maxSentenceWords) is easier to read)"
        }
        if longestLetters > maxWordLetters {
            return "the word \u{201C}\(longestWord)\u{201D} has \(longestLetters) letters (at most \(maxWordLetters) is easier to read)"
        }
        return nil
    }

    /// The same measures for ASCII text: words are runs of letters, digits and apostrophes.
    private static func measureASCII(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (longestSentence: Int, longestWord: String, longestLetters: Int) {
        var longestSentence = 0
        var wordsInSentence = 0
        var longestWord = ""
        var longestLetters = 0
        var wordStart = 0
        var letters = 0
        var index = 0
        func endWord() {
            if letters > longestLetters {
                longestWord = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self)
                longestLetters = letters
            }
            if index > wordStart { wordsInSentence += 1 }
            letters = 0
        }
        while index < bytes.count {
            let byte = bytes[index]
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isLetter || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
                if isLetter { letters += 1 }
                index += 1
                continue
            }
            endWord()
            if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3B {
                longestSentence = max(longestSentence, wordsInSentence)
                wordsInSentence = 0
            }
            index += 1
            wordStart = index
        }
        endWord()
        longestSentence = max(longestSentence, wordsInSentence)
        return (longestSentence, longestWord, longestLetters)
    }
}
