import EqlintText

/// The words of a text as `TextWords` reads them (runs of word characters),
/// read in place: each word is a byte range of the text's UTF-8, with no
/// `String` made. For the recognisers that only count words, compare them
/// with a few known ones, or look the first few up as a label.
struct TextWordScan {
    /// Calls `body` with the byte range of each word of `text` (in its UTF-8), in order, until it returns false.
    static func forEachWord(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        WordRanges.forEach(in: text, body)
    }

    /// Whether the word at `word` is `lowercased` (ASCII letters), ignoring ASCII case, as `TextWords` compares.
    static func word(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, is lowercased: StaticString) -> Bool {
        guard word.count == lowercased.utf8CodeUnitCount else { return false }
        let expected = lowercased.utf8Start
        for offset in 0..<word.count {
            let byte = text[word.lowerBound + offset]
            if (byte &- 0x41 < 26 ? byte | 0x20 : byte) != expected[offset] { return false }
        }
        return true
    }
}

extension PlanRecovery {
    /// `.evaluation` when a heading starts with an evaluation label
    /// (`Monitoring and progress, July 2026`, `Progress report 2025`): its
    /// first three, two or one words, looked up as a label. (A label's key
    /// is its words run together, lower-cased: the words' bytes are the key.)
    func leadingEvaluationLabel(_ text: String) -> FieldName? {
        guard text.utf8.count <= 100 else { return nil }
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { key in
                // The key's length after each of the first three words (no array made for three numbers).
                var ends = (0, 0, 0)
                var words = 0
                var count = 0
                TextWordScan.forEachWord(in: utf8) { word in
                    for index in word { key[count] = utf8[index] &- 0x41 < 26 ? utf8[index] | 0x20 : utf8[index]; count += 1 }
                    words += 1
                    switch words {
                    case 1: ends.0 = count
                    case 2: ends.1 = count
                    default: ends.2 = count
                    }
                    return words < 3
                }
                func isEvaluation(_ end: Int) -> Bool {
                    labels.field(forKey: UnsafeBufferPointer(rebasing: key[0..<end])) == .evaluation
                }
                // The longest first.
                if words >= 3, isEvaluation(ends.2) { return .evaluation }
                if words >= 2, isEvaluation(ends.1) { return .evaluation }
                if words >= 1, isEvaluation(ends.0) { return .evaluation }
                return nil
            }
        }
    }

    /// Whether a heading or line names the plan's equality objectives
    /// (`Equality Objectives 2023-2026`, `Our equality objectives for
    /// 2024-2025 are:`), rather than being one of them or a field.
    func namesObjectives(_ text: String) -> Bool {
        // Most lines say nothing of objectives: a quick look for the word first.
        guard text.utf8.count < 200, mentionsObjective(text),
              ObjectiveMarker(text) == nil, labels.field(forLabel: text) == nil else { return false }
        var words = 0
        var objective = false
        var equality = false
        var our = false
        var text = text
        text.withUTF8 { utf8 in
            TextWordScan.forEachWord(in: utf8) { word in
                words += 1
                if TextWordScan.word(utf8, word, is: "objectives") || TextWordScan.word(utf8, word, is: "objective") { objective = true }
                if TextWordScan.word(utf8, word, is: "equality") || TextWordScan.word(utf8, word, is: "equalities") { equality = true }
                if TextWordScan.word(utf8, word, is: "our") { our = true }
                return words <= 16
            }
        }
        guard words <= 16, objective else { return false }
        return equality || text.hasSuffix(":") || our || words <= 2
    }
}
