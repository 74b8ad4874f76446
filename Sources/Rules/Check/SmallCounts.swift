import EqlintPlan
import EqlintText

/// Finds small counts of people that could identify individual pupils in a
/// published plan: a number below the threshold (`3`, `three`) followed,
/// within two words and in the same sentence, by a group of people from a
/// vocabulary list (`3 pupils`, `two disabled children`). A year group or
/// age (`Year 2 pupils`, `aged 4 children`), a percentage and a time span
/// are not counts of people.
struct SmallCounts {
    let below: Int
    let people: VocabularySelection
    let vocabulary: Vocabulary
    /// Whether a line break in the text is only where the file wrapped it (a web page's text).
    var lineBreaksAreSpaces = false

    /// The hashes of `one` … `nine`, in order: compared one by one, as every
    /// word of a plan is looked up and nine comparisons cost less than hashing.
    private static let numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].map(PhraseIndex.hash)
    /// A flag for each word that may write a count (`0` to `99`, `one` to
    /// `nine`), at the top 12 bits of its hash: most words of a plan are
    /// passed over by one look-up, their bytes unread (`count` decides the rest).
    private static let mayBeCount: [Bool] = {
        var flags = [Bool](repeating: false, count: 4096)
        for hash in numberWords { flags[Int(hash >> 52)] = true }
        for first in UInt8(ascii: "0")...UInt8(ascii: "9") {
            let one = PhraseIndex.wordHash(adding: first)
            flags[Int(one >> 52)] = true
            for second in UInt8(ascii: "0")...UInt8(ascii: "9") { flags[Int(PhraseIndex.wordHash(adding: second, to: one) >> 52)] = true }
        }
        return flags
    }()
    /// Words before a number that make it a year group, age or rank, not a count.
    private static let notCounts = Set([
        "year", "years", "yr", "y", "ks", "stage", "aged", "age", "ages", "under", "over", "top", "grade", "level", "tier",
        "phase", "no", "number", "objective", "of",
    ].map(PhraseIndex.hash))
    /// Words after a number that make it a measure of something other than people.
    private static let notPeople = Set([
        "years", "year", "months", "weeks", "days", "terms", "times", "hours", "minutes", "sessions", "per", "out", "of", "in",
    ].map(PhraseIndex.hash))

    /// The spans of `number … people` that are too small to publish.
    /// - Parameter spanWords: the words of each stretch of text to search.
    func find(in bytes: [UInt8], words spanWords: [[PhraseIndex.Word]]) -> [Range<Int>] {
        // Hoisted out of the loop over every word of the plan.
        let numberWords = Self.numberWords, mayBeCount = Self.mayBeCount
        return spanWords.flatMap { words -> [Range<Int>] in
            var found: [Range<Int>] = []
            for index in words.indices {
                let word = words[index]
                guard mayBeCount[Int(word.hash >> 52)],
                      let value = Self.count(word, in: bytes, numberWords: numberWords), value < below, value > 0 else { continue }
                if index > 0, isLabel(words, before: index, in: bytes) { continue }
                // `5%`, `3.5`, `2:1`, `1st`: the byte after the number decides.
                if word.span.upperBound < bytes.count, [0x25, 0x2E, 0x3A, 0x2F].contains(bytes[word.span.upperBound]),
                   !(bytes[word.span.upperBound] == 0x2E && (word.span.upperBound + 1 >= bytes.count || bytes[word.span.upperBound + 1] == 0x20)) {
                    continue
                }
                for gap in 0...2 where index + 1 + gap < words.count {
                    let start = words[index + 1 + gap]
                    if words[(index + 1)...(index + 1 + gap)].contains(where: { Self.notPeople.contains($0.hash) }) { break }
                    if crossesSentence(bytes, from: word.span.upperBound, to: start.span.lowerBound) { break }
                    let rest = words[(index + 1 + gap)...].prefix(6)
                    let matches = vocabulary.find(people, in: bytes, span: start.span.lowerBound..<rest.last!.span.upperBound, words: rest)
                    if let match = matches.first, match.span.lowerBound == start.span.lowerBound {
                        found.append(word.span.lowerBound..<match.span.upperBound)
                        break
                    }
                }
            }
            return found
        }
    }

    /// Words before "year" that make it a time, not a year group: "Last year 3 pupils…".
    private static let timeOfYear = Set(["last", "this", "next", "each", "every", "per", "a", "that", "academic", "school", "previous", "same"].map(PhraseIndex.hash))

    /// Whether the word before the number makes it a year group, age or
    /// rank ("Year 3 pupils", "Objective 2"): only a word in the same
    /// sentence, and not "year" as a time ("last year 3 pupils").
    private func isLabel(_ words: [PhraseIndex.Word], before index: Int, in bytes: [UInt8]) -> Bool {
        let previous = words[index - 1]
        guard Self.notCounts.contains(previous.hash) else { return false }
        // A heading or sentence ending in "objective" or "year" labels nothing after it.
        if separates(bytes, previous.span, from: words[index].span.lowerBound) { return false }
        // "year" written small after a word of time: "Year 3" is a year group, "every Year 2 child" too.
        if previous.hash == Self.year, bytes[previous.span.lowerBound] == 0x79, index > 1, Self.timeOfYear.contains(words[index - 2].hash),
           !separates(bytes, words[index - 2].span, from: previous.span.lowerBound) {
            return false
        }
        return true
    }

    private static let year = PhraseIndex.hash("year")

    /// Whether a word and a later place are in different sentences or
    /// blocks: punctuation between them, a blank line, or a heading line
    /// the word ends. A single line break is where a paragraph wrapped
    /// ("… pupils in Year\n3 …"), so it does not separate them.
    private func separates(_ bytes: [UInt8], _ word: Range<Int>, from end: Int) -> Bool {
        var index = word.upperBound
        var breaks = 0
        while index < end {
            switch bytes[index] {
            case 0x2E, 0x3B, 0x3A, 0x7C, 0x2F, 0x28, 0x29: return true
            case 0x0A: breaks += 1
            default: break
            }
            index += 1
        }
        if breaks >= 2 { return true }
        guard breaks == 1 else { return false }
        // The word's line is a heading: `### Why we have chosen this objective`.
        var start = word.lowerBound
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        while start < word.lowerBound, bytes[start] == 0x20 { start += 1 }
        return bytes[start] == 0x23
    }

    /// The number a word writes (`3`, `12`, `three`), or nil.
    private static func count(_ word: PhraseIndex.Word, in bytes: [UInt8], numberWords: [UInt64]) -> Int? {
        // By index, not through a slice or closures: this runs for every word of the plan.
        let span = word.span
        let first = bytes[span.lowerBound]
        if first &- 0x30 < 10, span.count <= 2 {
            guard span.count == 2 else { return Int(first &- 0x30) }
            let second = bytes[span.lowerBound + 1]
            if second &- 0x30 < 10 { return Int(first &- 0x30) * 10 + Int(second &- 0x30) }
        }
        // `one` … `nine` start with one of these letters, in either case: most words are passed over here.
        switch first | 0x20 {
        case 0x6F, 0x74, 0x66, 0x73, 0x65, 0x6E:  // o t f s e n
            for number in numberWords.indices where numberWords[number] == word.hash { return number + 1 }
            return nil
        default: return nil
        }
    }

    /// Whether a full stop, semicolon, colon, table bar or line break lies
    /// between. An HTML tag is looked past (`<strong>3</strong> pupils`),
    /// unless it breaks the line (`<br>`, `<td>`); in a web page's text a line
    /// break of the file is a space.
    private func crossesSentence(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x3C || byte == 0x26, let length = Markup.length(bytes, at: index, end: end) {
                if byte == 0x3C, InlineText.breakTagLength(bytes, at: index, end: end) != nil { return true }
                index += length
                continue
            }
            switch byte {
            case 0x0A, 0x0D: if !lineBreaksAreSpaces { return true }
            case 0x2E, 0x3B, 0x3A, 0x7C, 0x2F, 0x28, 0x29: return true
            default: break
            }
            index += 1
        }
        return false
    }
}
