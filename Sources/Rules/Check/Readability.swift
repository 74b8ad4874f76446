/// A rough readability measure for text written for children: the longest
/// sentence (in words) and the longest word (in letters).
enum Readability {
    /// What makes the text hard to read, in words for the message, or nil.
    static func problem(in text: String, maxSentenceWords: Int, maxWordLetters: Int) -> String? {
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
        if longestSentence > maxSentenceWords {
            return "a sentence of \(longestSentence) words (at most \(maxSentenceWords) is easier to read)"
        }
        if longestLetters > maxWordLetters {
            return "the word \u{201C}\(longestWord)\u{201D} has \(longestLetters) letters (at most \(maxWordLetters) is easier to read)"
        }
        return nil
    }
}
