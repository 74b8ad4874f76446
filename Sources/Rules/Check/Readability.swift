/// How hard a text written for children is to read: its longest sentence,
/// its Flesch reading-ease score, and any acronyms in it.
public enum Readability {
    /// What a rule allows.
    public struct Limits: Sendable, Hashable {
        /// The most words a sentence may have.
        public var maxSentenceWords: Int
        /// The lowest Flesch reading-ease score allowed (0–100; 70 or more
        /// is easy for a child of about 12), or nil for no limit.
        public var minReadingEase: Double?
        /// Whether acronyms (`PSHE`, `SEND`) may appear.
        public var allowAcronyms: Bool
        /// The fewest words a text must have for its reading-ease score to
        /// be judged: on a sentence or two the score swings on one long word
        /// ("We will celebrate different cultures and religions." scores 18).
        public var readingEaseMinWords: Int = 30
    }

    /// What makes a text hard to read (the rule's parts word it).
    enum Problem: Sendable, Hashable {
        /// Its longest sentence, of this many words, is longer than the limit.
        case longSentence(words: Int)
        /// Its reading-ease score, rounded, is below the minimum.
        case lowReadingEase(score: Int)
        /// It has this acronym, and acronyms are not allowed.
        case acronym(String)

        /// The kinds of problem, named as the rule's parts are.
        enum Kind: String, Sendable, CaseIterable {
            case longSentence
            case lowReadingEase
            case acronym
        }

        var kind: Kind {
            switch self {
            case .longSentence: return .longSentence
            case .lowReadingEase: return .lowReadingEase
            case .acronym: return .acronym
            }
        }
    }

    /// What makes the text hard to read (the first of the limits it passes), or nil.
    static func problem(in text: String, limits: Limits) -> Problem? {
        let measure = Measure(text)
        if measure.longestSentence > limits.maxSentenceWords {
            return .longSentence(words: measure.longestSentence)
        }
        // Judged on the score as the message shows it (rounded), so that a
        // score shown as 70 never falls short of a minimum of 70.
        if let minimum = limits.minReadingEase, measure.words >= limits.readingEaseMinWords,
           let score = measure.readingEase, Double(Int(score.rounded())) < minimum {
            return .lowReadingEase(score: Int(score.rounded()))
        }
        if !limits.allowAcronyms, let acronym = Abbreviations.find(in: text).first {
            return .acronym(acronym)
        }
        return nil
    }

    /// Counts of words, sentences and syllables.
    struct Measure {
        var words = 0
        var sentences = 0
        var syllables = 0
        var longestSentence = 0

        private init() {}

        /// Counted in one pass over the text's bytes, each word's syllables
        /// as its bytes are read (no word's bytes gathered first).
        init(_ text: String) {
            var reading = Reading()
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A, 0x61...0x7A: reading.addLetter(byte | 0x20)
                case 0x30...0x39, 0x80...0xFF: reading.addOther(byte)
                case 0x27: continue  // an apostrophe joins: "we're"
                case 0x2E, 0x21, 0x3F, 0x3B: reading.endSentence()  // . ! ? ;
                default: reading.endWord()
                }
            }
            reading.endSentence()
            self = reading.measure
        }

        /// The counts so far, and what the syllable count needs of the word
        /// being read (letters lower-cased): its length, its vowel groups,
        /// its last two bytes, and whether it has a letter.
        private struct Reading {
            var measure = Measure()
            var wordsInSentence = 0
            var length = 0
            var vowelGroups = 0
            var lastWasVowel = false
            /// The word's last byte in the low 8 bits, the one before it above.
            var lastTwo: UInt16 = 0
            var hasLetter = false

            /// A lower-case letter: a vowel after no vowel starts a group.
            mutating func addLetter(_ byte: UInt8) {
                let isVowel = Measure.isVowel(byte)
                if isVowel, !lastWasVowel { vowelGroups += 1 }
                lastWasVowel = isVowel
                hasLetter = true
                append(byte)
            }

            /// A digit or a non-ASCII byte: no vowel.
            mutating func addOther(_ byte: UInt8) {
                lastWasVowel = false
                append(byte)
            }

            private mutating func append(_ byte: UInt8) {
                lastTwo = lastTwo << 8 | UInt16(byte)
                length += 1
            }

            mutating func endWord() {
                guard length > 0 else { return }
                measure.words += 1
                wordsInSentence += 1
                measure.syllables += syllables
                (length, vowelGroups, lastWasVowel, lastTwo, hasLetter) = (0, 0, false, 0, false)
            }

            mutating func endSentence() {
                endWord()
                guard wordsInSentence > 0 else { return }
                measure.sentences += 1
                measure.longestSentence = max(measure.longestSentence, wordsInSentence)
                wordsInSentence = 0
            }

            /// An estimate from vowel groups: `celebrate` 3, `the` 1, `table` 2.
            private var syllables: Int {
                guard hasLetter else { return 1 }
                var count = vowelGroups
                let (beforeLast, last) = (UInt8(truncatingIfNeeded: lastTwo >> 8), UInt8(truncatingIfNeeded: lastTwo))
                // A silent final e (`make`), but not `-le` (`table`) or a word of one vowel group (`the`).
                if count > 1, last == 0x65, length >= 3, beforeLast != 0x6C, !Measure.isVowel(beforeLast) { count -= 1 }
                return max(count, 1)
            }
        }

        /// The Flesch reading-ease score, or nil for text with no words.
        var readingEase: Double? {
            guard words > 0, sentences > 0 else { return nil }
            return 206.835 - 1.015 * Double(words) / Double(sentences) - 84.6 * Double(syllables) / Double(words)
        }

        /// a, e, i, o, u or y (the word is lower-cased).
        static func isVowel(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
            default: return false
            }
        }
    }
}
